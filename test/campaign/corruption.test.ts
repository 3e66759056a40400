/**
 * Corruption (#14): the storage sheets edited by hand the ways people do — a typed-over cell in
 * each typed column, a required cell emptied, a formula typed in, a header renamed, a column
 * deleted, columns swapped or inserted, a row duplicated, the tag removed, the sheet renamed,
 * a newer schema — then every operation that writes. Each scenario checks: loading does not
 * throw; what cannot be read is reported (with its row); the corrupted cells and the user's
 * sheets are exactly as they were after every write ("reported, nothing overwritten"); no
 * operation answers with a raw TypeError.
 */
import { OWNER_KEY, SCHEMA_KEY } from '../../src/addon/owned-sheets';
import type { Bootstrap } from '../../src/shared/api';
import { seeded } from './operations';
import { report, type Totals } from './totals';
import { call, kpi, USER_SHEETS, world, type World } from './world';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const RAW = /^(TypeError|RangeError|ReferenceError|SyntaxError|InternalError)$/;

interface Scenario {
  name: string;
  /** Corrupts; returns the cells to keep as they are: [sheet, A1 range]. */
  corrupt(w: World, kpis: Sheet, objectives: Sheet): [string, string][];
  /** Must bootstrap report a problem? (false: the add-on copes without one, e.g. columns swapped). */
  reported: boolean;
}

const colOf = (s: Sheet, key: string) =>
  (s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0] as string[]).indexOf(key) + 1;
const a1 = (s: Sheet, row: number, col: number) => s.getRange(row, col).getA1Notation();

function cellScenario(name: string, sheet: 'kpis' | 'objectives', key: string, value: unknown): Scenario {
  return {
    name: `${sheet}.${key} := ${name}`,
    reported: true,
    corrupt(_w, kpis, objectives) {
      const s = sheet === 'kpis' ? kpis : objectives;
      const c = colOf(s, key);
      const row = sheet === 'kpis' ? 3 : 2;
      s.getRange(row, c).setValue(value);
      return [[s.getName(), `${a1(s, row, 1)}:${a1(s, row, s.getLastColumn())}`]];
    },
  };
}

const TYPED_KPI_COLUMNS = [
  'unit',
  'direction',
  'indicator',
  'baseline',
  'target',
  'deadline',
  'frequency',
  'benchmark',
  'level',
  'createdAt',
];

const SCENARIOS: Scenario[] = [
  ...TYPED_KPI_COLUMNS.map((k) => cellScenario('text typed over', 'kpis', k, 'à voir avec Paul')),
  ...['id', 'name', 'unit', 'direction', 'frequency', 'level'].map((k) => cellScenario('emptied', 'kpis', k, '')),
  ...['baseline', 'target', 'deadline'].map((k) => cellScenario('a formula', 'kpis', k, '=1/0')),
  cellScenario('text typed over', 'objectives', 'horizon', 'fin 2027'),
  cellScenario('text typed over', 'objectives', 'level', 'très haut'),
  cellScenario('emptied', 'objectives', 'title', ''),
  {
    name: 'a header renamed (target → Cible)',
    reported: true,
    corrupt(_w, kpis) {
      kpis.getRange(1, colOf(kpis, 'target')).setValue('Cible');
      return [[kpis.getName(), `A1:${a1(kpis, 3, kpis.getLastColumn())}`]];
    },
  },
  {
    name: 'a column deleted (deadline)',
    reported: true,
    corrupt(_w, kpis) {
      kpis.deleteColumn(colOf(kpis, 'deadline'));
      return [[kpis.getName(), `A1:${a1(kpis, 3, kpis.getLastColumn())}`]];
    },
  },
  {
    name: 'the header row cleared',
    reported: true,
    corrupt(_w, kpis) {
      kpis.getRange(1, 1, 1, kpis.getLastColumn()).clearContent();
      return [[kpis.getName(), `A2:${a1(kpis, 3, kpis.getLastColumn())}`]];
    },
  },
  {
    name: 'a row duplicated (same id twice)',
    reported: true,
    corrupt(_w, kpis) {
      const w = kpis.getLastColumn();
      kpis.getRange(4, 1, 1, w).setValues(kpis.getRange(3, 1, 1, w).getValues());
      return [[kpis.getName(), `A3:${a1(kpis, 4, w)}`]];
    },
  },
  {
    name: 'two columns swapped',
    reported: false,
    corrupt(_w, kpis) {
      const [a, b] = [colOf(kpis, 'name'), colOf(kpis, 'owner')];
      const ca = kpis.getRange(1, a, 3, 1).getValues();
      const cb = kpis.getRange(1, b, 3, 1).getValues();
      kpis.getRange(1, a, 3, 1).setValues(cb);
      kpis.getRange(1, b, 3, 1).setValues(ca);
      return [];
    },
  },
  {
    name: 'a user column inserted in the middle',
    reported: false,
    corrupt(_w, kpis) {
      kpis.insertColumnAfter(2);
      kpis.getRange(1, 3, 3, 1).setValues([['Notes'], ['=2+2'], ["'007"]]);
      return [[kpis.getName(), 'C1:C2']]; // row 3 is K2's: deleting K2 takes its whole row, by design
    },
  },
  {
    name: 'the tag removed',
    reported: true,
    corrupt(_w, kpis) {
      for (const m of kpis.getDeveloperMetadata()) if (m.getKey() === OWNER_KEY) m.remove();
      return []; // nothing typed over: the sheet is found again, its rows edited as usual
    },
  },
  {
    name: 'the sheet renamed',
    reported: false,
    corrupt(_w, kpis) {
      kpis.setName('Mes indicateurs');
      return [];
    },
  },
  {
    name: 'a newer schema (read-only)',
    reported: true,
    corrupt(_w, kpis) {
      for (const m of kpis.getDeveloperMetadata()) if (m.getKey() === SCHEMA_KEY) m.setValue('99');
      return [[kpis.getName(), `A1:${a1(kpis, 3, kpis.getLastColumn())}`]];
    },
  },
];

/** Every write a person can make from the sidebar, and the refresh. */
const WRITES: [string, unknown[]][] = [
  [
    'saveKpi',
    [kpi({ id: 'kpi_after01', name: 'Panier moyen', objectiveId: 'obj_campaign01', unit: '€' }), { create: true }],
  ],
  ['saveKpi', [kpi({ id: 'kpi_campaign01', objectiveId: 'obj_campaign01', target: 90 })]],
  ['saveKpi', [kpi({ id: 'kpi_campaign02', objectiveId: 'obj_campaign01', target: 10 })]],
  ['deleteKpi', ['kpi_campaign02']],
  [
    'saveObjective',
    [{ id: 'obj_campaign01', title: 'Lyon', description: '', horizon: '2027-06-30', level: 'strategic', owner: '' }],
  ],
  ['generateDashboards', ['by_level', {}]],
  ['refreshNow', []],
];

const totals: Totals = {
  scenarios: 0,
  'writes tried on a corrupted workbook': 0,
  'writes refused with a message': 0,
  'failures: not reported': 0,
  'failures: load threw': 0,
  'failures: corrupted cells overwritten': 0,
  'failures: user data overwritten': 0,
  'failures: raw TypeErrors': 0,
};
const failures: string[] = [];
const fail = (kind: string, what: string) => {
  totals[`failures: ${kind}`]++;
  if (failures.length < 60) failures.push(`${kind}: ${what}`);
};
afterAll(() => console.log(report('corruption', totals, failures)));

const cells = (w: World, keep: [string, string][]) =>
  JSON.stringify(
    keep.map(([sheet, range]) => {
      const r = w.env.emu.spreadsheet.getSheetByName(sheet)?.getRange(range);
      return r ? [r.getValues(), r.getFormulas()] : null;
    }),
  );
const userSheets = (w: World) =>
  JSON.stringify(USER_SHEETS.map((n) => [w.env.emu.sheetValues(n), w.env.emu.sheetFormulas(n)]));

test.each(SCENARIOS.map((s) => [s.name, s] as const))('corrupted: %s — reported, nothing overwritten', (_n, sc) => {
  const w = world();
  seeded(w);
  const ss = w.env.emu.spreadsheet;
  const kpis = ss.getSheetByName('Boussole · KPI');
  const objectives = ss.getSheetByName('Boussole · Objectifs');
  if (!kpis || !objectives) throw new Error('storage sheets missing');
  const keep = sc.corrupt(w, kpis, objectives);
  totals.scenarios++;
  const kept = cells(w, keep);
  const users = userSheets(w);
  const mine: string[] = [];
  try {
    const boot = call('bootstrap', []) as Bootstrap;
    if (sc.reported && !boot.problems.length) fail('not reported', sc.name);
  } catch (e) {
    fail('load threw', `${sc.name}: ${(e as Error).message}`);
  }
  for (const [method, args] of WRITES) {
    totals['writes tried on a corrupted workbook']++;
    const at = `${sc.name}: ${method}(${String(JSON.stringify(args[0]) ?? '').slice(0, 40)})`;
    try {
      const a = call(method as never, args) as { ok?: boolean; message?: string };
      if (a && a.ok === false) totals['writes refused with a message']++;
    } catch (e) {
      const err = e as Error;
      if (RAW.test(err.name) || !err.message) fail('raw TypeErrors', `${at}: ${err.name} ${err.message}`);
      else totals['writes refused with a message']++;
    }
    if (cells(w, keep) !== kept) mine.push(at);
    if (userSheets(w) !== users) fail('user data overwritten', at);
  }
  for (const m of mine) fail('corrupted cells overwritten', m);
  w.close();
  expect(failures.filter((f) => f.includes(sc.name))).toEqual([]);
});
