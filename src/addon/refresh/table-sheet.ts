/**
 * Append-only sheets the refresh owns (history, run log). Created complete before they are
 * tagged, and deleted again if creation fails half-way, so a sheet found by its tag always has
 * its header, formats and protection. Appends are one block: the number formats (already there
 * from creation, so rewriting them changes nothing) then ONE setValues.
 */
import { findOwnedSheet, freeSheetName, tagOwnedSheet } from '../owned-sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface TableSheetSpec {
  kind: string;
  name: string;
  schemaVersion: number;
  protection: string;
  header: readonly string[];
  formats: readonly string[];
  /** Hidden from the tab bar (the refresh's state). */
  hidden?: boolean;
}

/** Rows added at a time when a sheet is full (Sheets refuses a range past the last row). */
export const GROW_BY = 500;

const block = <T>(width: readonly T[], rows: number): T[][] => Array.from({ length: rows }, () => [...width]);

export function findTableSheet(ss: Spreadsheet, kind: string): Sheet | null {
  return findOwnedSheet(ss, kind);
}

/** A new sheet for `spec`, with its header and first `rows` (written with it, so a first write is all or nothing). */
export function createTableSheet(
  ss: Spreadsheet,
  spec: TableSheetSpec,
  rows: readonly (string | number)[][] = [],
): Sheet {
  const sheet = ss.insertSheet(freeSheetName(ss, spec.name), ss.getSheets().length);
  try {
    const width = spec.header.length;
    let max = sheet.getMaxRows();
    if (rows.length >= max) {
      sheet.insertRowsAfter(max, rows.length - max + GROW_BY);
      max = sheet.getMaxRows();
    }
    // Formats first: the rows' text ("=IMPORTXML(…)", "0123") is written into plain-text cells.
    if (max > 1) sheet.getRange(2, 1, max - 1, width).setNumberFormats(block(spec.formats, max - 1));
    sheet.getRange(1, 1, rows.length + 1, width).setValues([[...spec.header], ...rows.map((r) => [...r])]);
    sheet.getRange(1, 1, 1, width).setFontWeight('bold');
    sheet.setFrozenRows(1);
    sheet.protect().setWarningOnly(true).setDescription(spec.protection);
    if (spec.hidden) sheet.hideSheet();
    // Tagged last: only a complete sheet is ever found by its tag.
    tagOwnedSheet(sheet, spec.kind, spec.schemaVersion);
    return sheet;
  } catch (e) {
    try {
      ss.deleteSheet(sheet); // created by this execution a moment ago: nobody's data is in it
    } catch {
      /* the original error is the one to report */
    }
    throw e;
  }
}

/**
 * Appends to a sheet found by its tag, or to one created for this block. A sheet created here
 * and left empty by a failed write is deleted again: a failed run leaves no trace.
 */
export function appendToTableSheet(
  ss: Spreadsheet,
  found: Sheet | null,
  startRow: number,
  rows: (string | number)[][],
  spec: Pick<TableSheetSpec, 'header' | 'formats'>,
  create: () => Sheet,
  rowFormats?: readonly (readonly string[])[],
): void {
  if (!rows.length) return;
  if (found) {
    appendBlock(found, startRow, rows, spec, rowFormats);
    return;
  }
  const sheet = create();
  try {
    appendBlock(sheet, 2, rows, spec, rowFormats);
  } catch (e) {
    try {
      ss.deleteSheet(sheet);
    } catch {
      /* report the original error */
    }
    throw e;
  }
}

/**
 * Writes `rows` from `startRow` (with the header first when the sheet was emptied by hand).
 * Growing a full sheet is a separate step before the write: interrupted there, it leaves empty
 * formatted rows, never a partial batch.
 */
export function appendBlock(
  sheet: Sheet,
  startRow: number,
  rows: (string | number)[][],
  spec: Pick<TableSheetSpec, 'header' | 'formats'>,
  /** Each row's formats when they differ by row (a value in its KPI's unit); default spec.formats. */
  rowFormats?: readonly (readonly string[])[],
): void {
  if (!rows.length) return;
  const width = spec.header.length;
  let values = rows;
  let first = startRow;
  if (startRow <= 1) {
    values = [[...spec.header], ...rows];
    first = 1;
  }
  const last = first + values.length - 1;
  const max = sheet.getMaxRows();
  if (last > max) {
    const extra = Math.max(last - max, GROW_BY);
    sheet.insertRowsAfter(max, extra);
    sheet.getRange(max + 1, 1, extra, width).setNumberFormats(block(spec.formats, extra));
  }
  const formats = block(spec.formats, values.length);
  const offset = values.length - rows.length;
  rowFormats?.forEach((f, i) => {
    formats[offset + i] = [...f];
  });
  if (first === 1) formats[0] = spec.header.map(() => 'General');
  const range = sheet.getRange(first, 1, values.length, width);
  range.setNumberFormats(formats);
  range.setValues(values);
}
