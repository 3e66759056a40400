/**
 * The sample → Save as .xlsx → Open that file: the same workbook, compared cell by cell and
 * object by object (values, formulas, displayed text, formats, sizes, frozen panes, hidden
 * columns, conditional formats, charts, protections, developer metadata, document properties),
 * and the add-on finds the same objectives, KPIs, history and schedule.
 */
import ExcelJS from 'exceljs';
import type { SheetSnapshot } from '../../emulator';
import { STYLE_DEFAULTS } from '../../emulator/spreadsheet/cells';
import { serverApi } from '../../src/addon/api';
import { readWorkbookFile, writeWorkbookFile } from '../../playground/files';
import { Workbook } from '../../playground/session';
import { dashboardApi } from '../../playground/dashboards';

jest.setTimeout(240_000);

/** A look without the keys that say "the default" (a style set through the Sheets API spells `numberFormat: 'General'`, a rule `bold: null`). */
const effective = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(
    Object.entries(o).filter(
      ([k, v]) => v !== null && v !== undefined && (STYLE_DEFAULTS as Record<string, unknown>)[k] !== v,
    ),
  ) as Partial<T>;

// The schedule in the state sheet names the spreadsheet and the trigger that runs it: both are
// the new document's (the import sets the schedule again, as a user would); everything else is kept.
const newDocument = (v: unknown) =>
  typeof v === 'string' ? v.replace(/"spreadsheetId":"[^"]*"|"runner":\{[^}]*\}/g, '') : v;
const comparable = (s: SheetSnapshot) => ({
  ...s,
  values: s.values.map((r) => r.map(newDocument)),
  display: s.display.map((r) => r.map(newDocument)),
  formats: Object.fromEntries(
    Object.entries(s.formats)
      // .xlsx has one wrap flag: "wrap" and the WRAP strategy are one look.
      .map(
        ([a1, f]) =>
          [a1, effective(f.wrapStrategy === 'WRAP' && f.wrap ? { ...f, wrapStrategy: undefined } : f)] as const,
      )
      .filter(([, f]) => Object.keys(f).length),
  ),
  conditionalFormats: s.conditionalFormats.map((r) => ({ ...r, format: effective(r.format) })),
  charts: s.charts.map(({ chartId: _id, ...c }) => c),
  metadata: s.metadata.map(({ id: _id, ...m }) => m),
});

/** JSON with object keys sorted: equal for deep-equal values, whatever order properties were set in. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x) && !(x instanceof Date)
      ? Object.fromEntries(Object.entries(x as object).sort(([p], [q]) => (p < q ? -1 : 1)))
      : x,
  );

let original: Workbook;
let reopened: Workbook;
let bytes: Buffer;

beforeAll(async () => {
  original = new Workbook();
  // A schedule and a generated history, so there is something to keep.
  original.apply({ t: 'schedule', schedule: { kind: 'weekly', day: 'MONDAY', hour: 7 } });
  // What the sample lacks, added as a user would: merged cells, a note, a list, a border, a hidden
  // row and sheet, a tab colour, a colour scale, text that looks like a number, a number typed in French.
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const canaux = ss.getSheetByName('Canaux')!;
  canaux.getRange('A8').setValue('Notes du trimestre');
  canaux
    .getRange('A8:C8')
    .merge()
    .setBackground('#fff2cc')
    .setBorder(true, true, true, true, null, null, '#999999', SpreadsheetApp.BorderStyle.SOLID_MEDIUM);
  canaux.getRange('A1').setNote('Canaux suivis depuis 2023');
  canaux
    .getRange('D8')
    .setDataValidation(
      SpreadsheetApp.newDataValidation().requireValueInList(['Oui', 'Non']).setAllowInvalid(false).build(),
    );
  canaux.getRange('D8').setValue('Oui');
  canaux.getRange('E8:F8').setValues([["'0123", '1 234,5']]);
  canaux.hideRows(7);
  canaux.setTabColor('#34a853');
  canaux.setConditionalFormatRules([
    ...canaux.getConditionalFormatRules(),
    SpreadsheetApp.newConditionalFormatRule()
      .setGradientMinpoint('#ffffff')
      .setGradientMaxpoint('#57bb8a')
      .setRanges([canaux.getRange('C2:C5')])
      .build(),
  ]);
  ss.getSheetByName('RH')!.hideSheet();
  original.emu.endExecution();
  bytes = await writeWorkbookFile(original.emu);
  original.emu.endExecution();
  const opened = await readWorkbookFile(bytes, 'Opaline Logiciels — pilotage.xlsx', 'fr', 'fr_FR');
  expect(opened.warnings).toEqual([]);
  const before = snapshotAll(original);
  const state = facts(original);
  original.dispose();
  reopened = new Workbook({ kind: 'file', name: 'Opaline Logiciels — pilotage.xlsx', book: opened.book });
  expected = { sheets: before, facts: state };
});
afterAll(() => reopened?.dispose());

let expected: { sheets: Record<string, ReturnType<typeof comparable>>; facts: ReturnType<typeof facts> };

function snapshotAll(wb: Workbook) {
  return Object.fromEntries(wb.emu.sheetNames().map((n) => [n, comparable(wb.emu.snapshot(n))]));
}

function facts(wb: Workbook) {
  const emu = wb.emu;
  const boot = serverApi.bootstrap();
  emu.endExecution();
  const schedule = dashboardApi.getSchedule();
  emu.endExecution();
  const props = emu.properties.document();
  return {
    sheetNames: emu.sheetNames(),
    spreadsheet: [
      emu.spreadsheet.getName(),
      emu.spreadsheet.getSpreadsheetLocale(),
      emu.spreadsheet.getSpreadsheetTimeZone(),
    ],
    clock: emu.clock.now().toISOString(),
    objectives: boot.objectives,
    kpis: boot.kpis,
    schedule: schedule.schedule,
    layout: schedule.layout,
    lastRun: schedule.lastRun,
    dashboards: schedule.dashboards,
    spreadsheetMetadata: emu
      .metadata()
      .filter((m) => m.locationType === 'SPREADSHEET')
      .map(({ id: _id, ...m }) => m),
    // The spreadsheet id is the new document's (setSchedule writes it): everything else is kept.
    properties: Object.fromEntries(
      Object.entries(props).map(([k, v]) => [
        k,
        k === 'boussole.refresh' ? v.replace(/"spreadsheetId":"[^"]*"/, '') : v,
      ]),
    ),
    triggers: emu.triggers().map((t) => ({ handler: t.handler, schedule: t.schedule })),
  };
}

test('every sheet comes back the same, cell by cell', () => {
  const after = snapshotAll(reopened);
  expect(Object.keys(after)).toEqual(Object.keys(expected.sheets));
  for (const name of Object.keys(expected.sheets)) {
    const a = after[name] as Record<string, unknown>;
    const b = expected.sheets[name] as Record<string, unknown>;
    const differ = Object.keys(b).filter((k) => canonical(a[k]) !== canonical(b[k]));
    if (differ.length && process.env.DEBUG_RT)
      for (const k of differ) {
        const x = a[k] as Record<string, unknown>;
        const y = b[k] as Record<string, unknown>;
        const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].filter(
          (q) => canonical(x[q]) !== canonical(y[q]),
        );
        console.log(
          name,
          k,
          keys.slice(0, 8).map((q) => `${q}: ${JSON.stringify(x[q])} vs ${JSON.stringify(y[q])}`),
        );
      }
    expect({ name, differ }).toEqual({ name, differ: [] });
    expect(a).toEqual(b);
  }
});

test('the add-on finds the same objectives, KPIs, history, schedule, properties and metadata', () => {
  const now = facts(reopened);
  expect(now).toEqual(expected.facts);
  expect(now.kpis.length).toBe(8);
  expect(now.schedule).toEqual({ kind: 'weekly', day: 'MONDAY', hour: 7 });
});

test('the file is an ordinary .xlsx: Excel sees the values, array formulas over the filled cells, the frozen rows', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const clients = wb.getWorksheet('Clients')!;
  const f2 = clients.getCell('F2').value as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
  expect(f2.formula).toBe(expected.sheets.Clients!.formulas[1]![5]!.replace(/^=/, '').replace(/;/g, ','));
  expect(f2.shareType).toBe('array');
  expect(f2.ref).toMatch(/^F2:F\d+$/);
  expect(clients.getCell('F3').value).toBe(expected.sheets.Clients!.values[2]![5]);
  expect(clients.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(wb.getWorksheet('boussole.metadata')!.state).toBe('veryHidden');
});
