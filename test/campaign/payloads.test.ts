/**
 * Hostile payloads (#14 item 6), against every field of every server API method: each field of
 * a valid call replaced in turn by a hostile value (wrong types, blanks, huge and formula-looking
 * texts, prototype keys, deep nesting), sent through JSON as google.script.run sends it. Each
 * case checks: no raw TypeError (a change method never throws at all: it answers), the user's
 * sheets and own columns untouched, no formula created in a storage sheet, no prototype polluted.
 */
import { serverApi } from '../../src/addon/api';
import type { ServerApi } from '../../src/shared/api';
import { SERVER_METHODS } from '../../src/shared/api';
import { seeded } from './operations';
import { report, type Totals } from './totals';
import { kpi, objective, USER_SHEETS, world, type World } from './world';

const RAW = /^(TypeError|RangeError|ReferenceError|SyntaxError|InternalError)$/;
const CHANGES = new Set(['saveObjective', 'deleteObjective', 'saveKpi', 'deleteKpi', 'saveSettings']);

let deep: unknown = 'fond';
for (let i = 0; i < 60; i++) deep = i % 2 ? { x: deep } : [deep];

const HOSTILE: [string, unknown][] = [
  ['null', null],
  ['true', true],
  ['0', 0],
  ['-1', -1],
  ['1e308', 1e308],
  ['-1e308', -1e308],
  ['1.5', 1.5],
  ['empty text', ''],
  ['blanks', '   \t'],
  ['60,000 characters', 'x'.repeat(60_000)],
  ['formula', '=IMPORTXML("https://evil.example/","//a")'],
  ['DDE', "+cmd|' /C calc'!A0"],
  ['__proto__', '__proto__'],
  ['constructor', 'constructor'],
  ['markup', '<img src=x onerror=alert(1)>'],
  ['object', {}],
  ['array', []],
  ['mixed array', [1, 'a', null]],
  ['toString object', { toString: 'x', valueOf: 1 }],
  ['__proto__ object', JSON.parse('{"__proto__":{"polluted":true},"kind":"range"}')],
  ['60 levels deep', deep],
];

/** A valid call of each method, and the fields a hostile value replaces (dotted paths into the arguments). */
const CALLS: Record<keyof ServerApi, { args: unknown[]; fields: string[] }> = {
  bootstrap: { args: [], fields: ['0'] },
  readSelection: { args: [], fields: ['0'] },
  refreshNow: { args: [], fields: ['0'] },
  getSchedule: { args: [], fields: ['0'] },
  saveObjective: {
    args: [objective({ id: 'obj_hostile' }), { create: true }],
    fields: [
      '0',
      '1',
      '1.base',
      '1.create',
      ...['id', 'title', 'description', 'horizon', 'level', 'owner'].map((f) => `0.${f}`),
    ],
  },
  deleteObjective: { args: ['obj_campaign01'], fields: ['0'] },
  saveKpi: {
    args: [
      kpi({ id: 'kpi_campaign01', objectiveId: 'obj_campaign01', target: 75 }),
      { base: kpi({ id: 'kpi_campaign01', objectiveId: 'obj_campaign01' }) },
    ],
    fields: [
      '0',
      '1',
      '1.base',
      '1.create',
      ...[
        'id',
        'name',
        'definition',
        'unit',
        'unitLabel',
        'direction',
        'objectiveId',
        'indicator',
        'source',
        'source.kind',
        'source.ref',
        'source.values',
        'source.dates',
        'source.categories',
        'source.denominator',
        'baseline',
        'target',
        'deadline',
        'frequency',
        'benchmark',
        'owner',
        'level',
        'formula',
        'templateId',
        'aggregation',
        'createdAt',
        'base.name',
      ].map((f) => (f === 'base.name' ? '1.base.name' : `0.${f}`)),
    ],
  },
  deleteKpi: { args: ['kpi_campaign02'], fields: ['0'] },
  readSource: {
    args: [{ kind: 'range', values: 'Ventes!D2:D13', dates: 'Ventes!A2:A13' }, { frequency: 'monthly' }],
    fields: [
      '0',
      '1',
      '0.kind',
      '0.ref',
      '0.values',
      '0.dates',
      '0.categories',
      '0.denominator',
      '1.frequency',
      '1.aggregation',
      '1.unit',
      '1.formula',
      '1.templateId',
    ],
  },
  saveSettings: { args: [{ lang: 'fr' }], fields: ['0', '0.lang'] },
  generateDashboards: { args: ['by_level', { kpi_campaign01: 80 }], fields: ['0', '1', '1.kpi_campaign01'] },
  setSchedule: { args: [{ kind: 'weekly', day: 'MONDAY', hour: 6 }], fields: ['0', '0.kind', '0.hour', '0.day'] },
};

/** The arguments with one path replaced (a copy; the valid call is untouched). */
function replaced(args: unknown[], path: string, value: unknown): unknown[] {
  const copy = JSON.parse(JSON.stringify(args)) as unknown[];
  const keys = path.split('.');
  let at: Record<string, unknown> = copy as unknown as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) {
    if (typeof at[k] !== 'object' || at[k] === null) at[k] = {};
    at = at[k] as Record<string, unknown>;
  }
  at[keys[keys.length - 1]] = value;
  return copy;
}

const totals: Totals = {
  methods: 0,
  'fields attacked': 0,
  'cases tried': 0,
  'answered (accepted)': 0,
  'answered (refused, with a message)': 0,
  'thrown with a message of the add-on': 0,
  'failures: raw TypeErrors': 0,
  'failures: change method threw': 0,
  'failures: user data overwritten': 0,
  'failures: formulas created': 0,
  'failures: prototype polluted': 0,
};
const failures: string[] = [];
const fail = (kind: string, what: string) => {
  totals[`failures: ${kind}`]++;
  if (failures.length < 60) failures.push(`${kind}: ${what}`);
};

afterAll(() => console.log(report('hostile payloads', totals, failures)));

/** The user's sheets and the user's own column in the KPI sheet: what no payload may change. */
function userData(w: World, ids: readonly unknown[]): string {
  const kpiSheet = w.env.emu.sheetValues('Boussole · KPI');
  const col = (kpiSheet[0] ?? []).indexOf('Commentaire');
  const id = (kpiSheet[0] ?? []).indexOf('id');
  const known = ids;
  return JSON.stringify([
    USER_SHEETS.map((n) => [w.env.emu.sheetValues(n), w.env.emu.sheetFormulas(n)]),
    // The rows that were there at the start (a create adds one: that is no overwrite).
    kpiSheet
      .slice(1)
      .filter((r) => known.includes(r[id]))
      .map((r) => [r[id], r[col]]),
  ]);
}

function storageFormulas(w: World): number {
  let n = 0;
  for (const name of w.env.emu.sheetNames())
    if (name.startsWith('Boussole')) for (const r of w.env.emu.sheetFormulas(name)) n += r.filter((f) => f).length;
  return n;
}

const ONLY = process.env.CAMPAIGN_ONLY ? new RegExp(process.env.CAMPAIGN_ONLY) : null;
describe.each(SERVER_METHODS.filter((m) => !ONLY || ONLY.test(m)).map((m) => [m]))('hostile payloads: %s', (method) => {
  test('every field, every hostile value: answered, nothing of the user touched', () => {
    const w = world();
    seeded(w);
    // A column of the user's own in the KPI sheet, with text that looks like other things.
    const sheet = w.env.emu.spreadsheet.getSheetByName('Boussole · KPI');
    if (!sheet) throw new Error('no KPI sheet');
    const width = sheet.getLastColumn();
    sheet.getRange(1, width + 1, 3, 1).setValues([['Commentaire'], ["'0123"], ['à revoir']]);
    const formulasBefore = storageFormulas(w);
    const ids = w.env.emu.sheetValues('Boussole · KPI').map((r) => r[0]);
    const { args, fields } = CALLS[method];
    totals.methods++;
    for (const path of fields) {
      totals['fields attacked']++;
      for (const [label, value] of HOSTILE) {
        totals['cases tried']++;
        const t0 = Date.now();
        const at = `${method} ${path} = ${label}`;
        const before = userData(w, ids);
        const wire = JSON.parse(JSON.stringify(replaced(args, path, value), (_k, v) => (v === undefined ? null : v)));
        try {
          const answer = (serverApi[method] as (...a: unknown[]) => unknown)(...(wire as unknown[])) as {
            ok?: boolean;
            message?: string;
          };
          if (answer && answer.ok === false) {
            totals['answered (refused, with a message)']++;
            if (!answer.message) fail('raw TypeErrors', `${at}: a refusal without a message`);
          } else totals['answered (accepted)']++;
        } catch (e) {
          const err = e as Error;
          if (RAW.test(err?.name ?? '') || !err?.message || /Cannot read|is not a function|undefined/.test(err.message))
            fail('raw TypeErrors', `${at}: ${err?.name}: ${err?.message}`);
          else if (CHANGES.has(method)) fail('change method threw', `${at}: ${err.message}`);
          else totals['thrown with a message of the add-on']++;
        }
        if (process.env.CAMPAIGN_TIMES) process.stderr.write(`${at} ${Date.now() - t0}\n`);
        if (userData(w, ids) !== before) fail('user data overwritten', at);
        if (storageFormulas(w) !== formulasBefore) fail('formulas created', at);
        if (({} as Record<string, unknown>).polluted !== undefined) fail('prototype polluted', at);
      }
    }
    w.close();
    expect(failures.filter((f) => f.includes(`${method} `))).toEqual([]);
  }, 120_000);
});
