/**
 * The history sheet (a contract shared with the dashboards): owned sheet kind `history`, header
 * row, then A..G = kpiId | period | periodStart | value | target | status | takenAt. Created by
 * the dashboards' ensureHistorySheet (one definition of the sheet); read here in one block
 * (A1:G last row) and written by appending one block; never rewritten.
 */
import type { Lang } from '../../core/i18n/lang';
import {
  decodeHistory,
  encodeHistoryRow,
  HISTORY_FORMAT_OF,
  HISTORY_HEADER,
  HISTORY_KIND,
  historyValueFormat,
  type DecodedHistory,
  type HistoryColumn,
  type HistoryRow,
} from '../../core/history/rows';
import { ensureHistorySheet, HISTORY_SHEET_NAMES } from '../dashboard/history-sheet';
import { appendToTableSheet, findTableSheet } from './table-sheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export { ensureHistorySheet, HISTORY_SHEET_NAMES };

/** Each column's format in the sheet's own order (a column the add-on does not know: automatic). */
const formatsOf = (columns: readonly string[]): string[] =>
  columns.map((c) => HISTORY_FORMAT_OF[c as HistoryColumn] ?? 'General');

export interface LoadedHistory extends DecodedHistory {
  sheet: Sheet | null;
  /** Row 1 is empty (the sheet was cleared by hand): the next append writes the header first. */
  empty: boolean;
}

/** 1 tag lookup, then 2 calls: the data range and its values (every column, found by header). */
export function readHistory(ss: Spreadsheet, lang: Lang, toIso: (d: Date) => string): LoadedHistory {
  const sheet = findTableSheet(ss, HISTORY_KIND);
  if (!sheet) return { ...decodeHistory([], lang, toIso), sheet: null, empty: true };
  const values = sheet.getDataRange().getValues();
  const empty = values.length === 0 || values.every((r) => r.every((c) => c === '' || c === null));
  return { ...decodeHistory(empty ? [] : values, lang, toIso), sheet, empty };
}

/**
 * Appends the rows in one block after the last row, in the sheet's own column order, each value
 * in its KPI's unit; creates the sheet first if there is none (and removes it again if the write
 * fails). A sheet from before the name column gains it at its end first.
 */
export function appendHistory(ss: Spreadsheet, lang: Lang, loaded: LoadedHistory, rows: readonly HistoryRow[]): void {
  if (!rows.length) return;
  const sheet = loaded.sheet;
  const columns = sheet && !loaded.empty ? loaded.columns : [...HISTORY_HEADER];
  if (sheet && !loaded.empty && !loaded.header.includes('kpiName')) {
    const at = loaded.header.length + 1;
    const max = sheet.getMaxColumns();
    if (max < at) sheet.insertColumnsAfter(max, at - max); // writing past the grid fails in Sheets
    sheet.getRange(1, at).setValue('kpiName').setFontWeight('bold');
  }
  const base = formatsOf(columns);
  const valueAt = columns.indexOf('value');
  const targetAt = columns.indexOf('target');
  const rowFormats = rows.map((r) => {
    const f = [...base];
    const unitFormat = historyValueFormat(r.unit);
    if (valueAt >= 0) f[valueAt] = unitFormat;
    if (targetAt >= 0) f[targetAt] = unitFormat;
    return f;
  });
  appendToTableSheet(
    ss,
    sheet,
    loaded.empty ? 1 : loaded.nextRow,
    rows.map((r) => encodeHistoryRow(r, { lang, header: columns })),
    { header: columns, formats: base },
    () => ensureHistorySheet(ss, lang),
    rowFormats,
  );
}
