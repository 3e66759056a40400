/**
 * Everything a dashboard is made from, read in a number of service calls that does not grow with
 * the KPIs, the source sheets or the data rows: one `Spreadsheets.get` of the sheets' properties
 * and tags (sheets-api.ts), one `Spreadsheets.get` of the storage sheets' cells, one of the source
 * sheets' cells (and the history's, when a KPI is read from one cell). The add-on's sheets are
 * found by their tags in the first reply (owned-sheets.ts `ownedAmong`), never one finder at a time.
 *
 * Cells come as the API's grid data (spreadsheets.get with `ranges` and a field mask naming
 * `sheets.data`: "limiting the range returns only the portions of the spreadsheet that intersect
 * the requested ranges"), turned into what `Range.getValues()` gives: a number, a text, a boolean,
 * an error as its code ("#N/A"), a date cell as a Date (its serial number read in the
 * spreadsheet's time zone: a cell is a date when its effective number format's type is DATE, TIME
 * or DATE_TIME), '' for an empty cell.
 */
import { type KpiFigures, kpiFigures } from '../../core/dashboard/figures';
import { decodeHistory, HISTORY_KIND, type HistoryRow } from '../../core/history/rows';
import { wallClockIn } from '../../core/i18n/dates';
import { catalogue, localize } from '../../core/i18n/text';
import { parseA1 } from '../../core/kpi/a1';
import { rangesToRead } from '../../core/kpi/kpi-series';
import type { Kpi, Objective } from '../../core/kpi/model';
import { KPIS, OBJECTIVES } from '../../core/storage/schemas';
import { decodeTable, type TableSchema } from '../../core/storage/table';
import { ownedAmong } from '../owned-sheets';
import { SheetReader } from '../sources';
import { loadTable, type Storage } from '../storage';
import { type AdvancedSheets, advancedSheets, type SheetInfo, spreadsheetOf } from './sheets-api';

const TEXT = catalogue({
  missing: { fr: 'Source introuvable : ', en: 'Source not found: ' },
});

/** Error codes as Range.getValues() gives them, by the API's ErrorValue type. */
const ERROR_CODES: Record<string, string> = {
  NULL_VALUE: '#NULL!',
  DIVIDE_BY_ZERO: '#DIV/0!',
  VALUE: '#VALUE!',
  REF: '#REF!',
  NAME: '#NAME?',
  NUM: '#NUM!',
  N_A: '#N/A',
  LOADING: '#N/A',
  ERROR: '#ERROR!',
};

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** The instant a date cell's serial number stands for in `timeZone` (its wall-clock time there). */
export function serialToDateIn(timeZone: string): (serial: number) => Date {
  const wall = wallClockIn(timeZone);
  const offset = (t: number) => {
    const w = wall(new Date(t));
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(t / 1000) * 1000;
  };
  return (serial) => {
    const local = SERIAL_EPOCH + Math.round(serial * DAY_MS);
    let t = local - offset(local);
    const again = local - offset(t);
    if (again !== t && offset(again) === local - again) t = again; // across a change of offset
    return new Date(t);
  };
}

const DATE_TYPES = new Set(['DATE', 'TIME', 'DATE_TIME']);

/** One GridData as `getValues()` would give it, from A1 of the sheet: a rectangle, '' where empty. */
export function valuesOf(data: gapi.client.sheets.GridData | undefined, toDate: (serial: number) => Date): unknown[][] {
  if (!data) return [];
  const r0 = data.startRow ?? 0;
  const c0 = data.startColumn ?? 0;
  const rows: unknown[][] = [];
  let width = 0;
  for (const [i, row] of (data.rowData ?? []).entries()) {
    const out: unknown[] = Array.from({ length: c0 }, () => '');
    for (const cell of row.values ?? []) {
      const v = cell.effectiveValue;
      const type = cell.effectiveFormat?.numberFormat?.type;
      if (!v) out.push('');
      else if (v.numberValue !== undefined && type && DATE_TYPES.has(type)) out.push(toDate(v.numberValue));
      else if (v.numberValue !== undefined) out.push(v.numberValue);
      else if (v.stringValue !== undefined) out.push(v.stringValue);
      else if (v.boolValue !== undefined) out.push(v.boolValue);
      else if (v.errorValue) out.push(ERROR_CODES[v.errorValue.type ?? 'ERROR'] ?? '#ERROR!');
      else out.push('');
    }
    rows[r0 + i] = out;
    width = Math.max(width, out.length);
  }
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    while (row.length < width) row.push('');
    rows[r] = row;
  }
  // Trailing empty rows: not part of the data range.
  while (rows.length && rows[rows.length - 1].every((v) => v === '')) rows.pop();
  return rows;
}

const quoteTitle = (title: string) => `'${title.replace(/'/g, "''")}'`;

/** The cells of whole sheets, by title, in ONE service call (none when no title). */
export function readSheetValues(
  api: AdvancedSheets,
  spreadsheetId: string,
  titles: readonly string[],
  timeZone: string,
): Map<string, unknown[][]> {
  const out = new Map<string, unknown[][]>();
  const unique = [...new Set(titles)];
  if (!unique.length) return out;
  const reply = api.Spreadsheets.get(spreadsheetId, {
    ranges: unique.map(quoteTitle),
    fields:
      'sheets(properties(title),data(startRow,startColumn,rowData(values(effectiveValue,effectiveFormat/numberFormat/type))))',
  });
  const toDate = serialToDateIn(timeZone);
  for (const s of reply.sheets ?? []) {
    const title = s.properties?.title;
    if (title !== undefined) out.set(title, valuesOf(s.data?.[0], toDate));
  }
  for (const t of unique) if (!out.has(t)) out.set(t, []);
  return out;
}

export interface DashboardData {
  objectives: Objective[];
  kpis: Kpi[];
  /** Why rows of the KPI sheet could not be read (shown when no KPI could be). */
  kpiProblems: string[];
  figures: Record<string, KpiFigures>;
  history: readonly HistoryRow[];
}

const isBlank = (v: unknown) => v === '' || v === null || v === undefined;

function decoded<T>(st: Storage, schema: TableSchema<T>, values: unknown[][]) {
  const blank = values.every((row) => row.every(isBlank));
  return decodeTable(schema, blank ? [] : values, st.lang, st.toIso);
}

/**
 * Objectives, KPIs and every KPI's figures, from the sheets the first `Spreadsheets.get` listed:
 * two more service calls (the storage sheets, then the sources and history). A storage sheet that
 * lost its tag is looked for as the storage does (by name and header: storage.ts loadTable),
 * which costs a few calls in that rare case only.
 */
export function readDashboardData(
  st: Storage,
  api: AdvancedSheets,
  spreadsheetId: string,
  meta: { sheets: SheetInfo[]; locale: string; timeZone: string },
  today: string,
): DashboardData {
  const byTitle = new Map(meta.sheets.map((s) => [s.title.toLowerCase(), s.title]));
  const objectivesSheet = ownedAmong(meta.sheets, OBJECTIVES.kind)[0];
  const kpisSheet = ownedAmong(meta.sheets, KPIS.kind)[0];
  const storage = readSheetValues(
    api,
    spreadsheetId,
    [objectivesSheet, kpisSheet].flatMap((s) => (s ? [s.title] : [])),
    meta.timeZone,
  );
  const table = <T>(schema: TableSchema<T>, sheet: SheetInfo | undefined) => {
    if (sheet) return decoded(st, schema, storage.get(sheet.title) ?? []);
    const t = loadTable(st, schema);
    return t;
  };
  const objectives = table(OBJECTIVES, objectivesSheet);
  const kpiTable = table(KPIS, kpisSheet);
  const kpis = kpiTable.items.map((x) => x.item);

  // The sheets the sources name (as Sheets finds a sheet by name: case aside), and the history.
  const wanted = new Set<string>();
  for (const kpi of kpis) {
    const refs = rangesToRead(kpi);
    for (const ref of [refs.values, refs.dates, refs.categories, refs.denominator, ...refs.inputs]) {
      const name = ref ? parseA1(ref)?.sheet : undefined;
      const title = name ? byTitle.get(name.toLowerCase()) : undefined;
      if (title) wanted.add(title);
    }
  }
  const historySheet = kpis.some((k) => k.source.kind === 'cell')
    ? ownedAmong(meta.sheets, HISTORY_KIND)[0]
    : undefined;
  if (historySheet) wanted.add(historySheet.title);
  const grids = readSheetValues(api, spreadsheetId, [...wanted], meta.timeZone);
  const reader = new SheetReader(st.ss, st.toIso, meta.locale, (name) => {
    const title = byTitle.get(name.toLowerCase());
    return title === undefined ? null : (grids.get(title) ?? null);
  });
  const history = historySheet ? decodeHistory(grids.get(historySheet.title) ?? [], st.lang, st.toIso).rows : [];
  const figures: Record<string, KpiFigures> = {};
  for (const kpi of kpis) {
    const read = reader.readKpi(kpi, st.lang);
    figures[kpi.id] = kpiFigures({
      kpi,
      columns: read.error ? null : read.columns,
      dateOrder: reader.dateOrder,
      problem: read.error ? localize(TEXT.missing, st.lang) + read.error : null,
      history,
      today,
    });
  }
  return {
    objectives: objectives.items.map((x) => x.item),
    kpis,
    kpiProblems: kpiTable.problems.map((p) => p.reason),
    figures,
    history,
  };
}

/** The same from nothing but the storage context: the spreadsheet's id and the first get included (4 calls). */
export function dashboardDataOf(st: Storage, today: string): DashboardData {
  const api = advancedSheets();
  const spreadsheetId = st.ss.getId();
  return readDashboardData(st, api, spreadsheetId, spreadsheetOf(api, spreadsheetId), today);
}
