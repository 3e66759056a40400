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
  HISTORY_FORMATS,
  HISTORY_HEADER,
  HISTORY_KIND,
  type DecodedHistory,
  type HistoryRow,
} from '../../core/history/rows';
import { ensureHistorySheet, HISTORY_SHEET_NAMES } from '../dashboard/history-sheet';
import { appendToTableSheet, findTableSheet } from './table-sheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export { ensureHistorySheet, HISTORY_SHEET_NAMES };

const SPEC = { header: HISTORY_HEADER, formats: HISTORY_FORMATS };

export interface LoadedHistory extends DecodedHistory {
  sheet: Sheet | null;
  /** Row 1 is empty (the sheet was cleared by hand): the next append writes the header first. */
  empty: boolean;
}

/** 1 tag lookup, then 3 calls: last row, range, values. */
export function readHistory(ss: Spreadsheet, lang: Lang, toIso: (d: Date) => string): LoadedHistory {
  const sheet = findTableSheet(ss, HISTORY_KIND);
  if (!sheet) return { ...decodeHistory([], lang, toIso), sheet: null, empty: true };
  const last = sheet.getLastRow();
  const values = last > 0 ? sheet.getRange(1, 1, last, HISTORY_HEADER.length).getValues() : [];
  return { ...decodeHistory(values, lang, toIso), sheet, empty: values.length === 0 };
}

/** Appends the rows in one block after the last row; creates the sheet first if there is none (and removes it again if the write fails). */
export function appendHistory(ss: Spreadsheet, lang: Lang, loaded: LoadedHistory, rows: readonly HistoryRow[]): void {
  appendToTableSheet(ss, loaded.sheet, loaded.empty ? 1 : loaded.nextRow, rows.map(encodeHistoryRow), SPEC, () =>
    ensureHistorySheet(ss, lang),
  );
}
