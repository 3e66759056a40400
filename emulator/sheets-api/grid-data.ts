/**
 * `Spreadsheets.get` with `ranges` and grid data (Sheets API spreadsheets.get: "limiting the
 * range returns only the portions of the spreadsheet that intersect the requested ranges"): per
 * range a GridData of CellData with the cell's effective value (a formula's result, a date as its
 * serial number), its effective number format (type and pattern) and, for a formula, the formula.
 * Trailing rows and cells without content are left out, as the API may; a caller must not rely on
 * a full rectangle.
 */
import { parseA1, splitSheet } from '../a1';
import { displayFormat, numberFormatOf } from '../spreadsheet/cells';
import type { EmuSheet } from '../spreadsheet/sheet';
import type { EmuSpreadsheet } from '../spreadsheet/spreadsheet';
import { GENERAL, isDateFormat, PLAIN_TEXT } from '../number-format';
import { GoogleJsonResponseException } from './batch-update';

type CellData = gapi.client.sheets.CellData;

const ERROR_TYPES: Record<string, gapi.client.sheets.ErrorValue['type']> = {
  '#NULL!': 'NULL_VALUE',
  '#DIV/0!': 'DIVIDE_BY_ZERO',
  '#VALUE!': 'VALUE',
  '#REF!': 'REF',
  '#NAME?': 'NAME',
  '#NUM!': 'NUM',
  '#N/A': 'N_A',
  '#ERROR!': 'ERROR',
};

/** The NumberFormat.type of a pattern (Sheets API NumberFormatType). */
export function numberFormatType(pattern: string): gapi.client.sheets.NumberFormat['type'] {
  if (pattern === PLAIN_TEXT) return 'TEXT';
  if (isDateFormat(pattern)) {
    const first = pattern.split(';')[0].replace(/"[^"]*"|\\./g, '');
    const date = /[dy]/i.test(first) || (/m/i.test(first) && !/[hs]/i.test(first));
    const time = /[hs]|am\/pm/i.test(first);
    return date && time ? 'DATE_TIME' : time ? 'TIME' : 'DATE';
  }
  if (/%/.test(pattern.replace(/"[^"]*"/g, ''))) return 'PERCENT';
  if (/E[+-]/i.test(pattern)) return 'SCIENTIFIC';
  if (/[€$£¥]/.test(pattern)) return 'CURRENCY';
  return 'NUMBER';
}

function cellData(ss: EmuSpreadsheet, sheet: EmuSheet, r: number, c: number): CellData {
  const cell = sheet.cell(r, c);
  const engine = cell?.f !== undefined || cell?.v === undefined ? sheet.engineValue(r, c) : undefined;
  const out: CellData = {};
  if (cell?.f !== undefined) out.userEnteredValue = { formulaValue: cell.f };
  else if (cell?.v !== undefined)
    out.userEnteredValue =
      typeof cell.v === 'number'
        ? { numberValue: cell.v }
        : typeof cell.v === 'boolean'
          ? { boolValue: cell.v }
          : { stringValue: cell.v };
  if (cell && cell.f === undefined && cell.v !== undefined && cell.v !== '') out.effectiveValue = out.userEnteredValue;
  else if (engine) {
    if (engine.kind === 'number') out.effectiveValue = { numberValue: engine.value };
    else if (engine.kind === 'string' && engine.value !== '') out.effectiveValue = { stringValue: engine.value };
    else if (engine.kind === 'boolean') out.effectiveValue = { boolValue: engine.value };
    else if (engine.kind === 'error')
      out.effectiveValue = { errorValue: { type: ERROR_TYPES[engine.code] ?? 'ERROR', message: engine.message } };
  }
  const pattern = cell || engine ? displayFormat(cell, engine, ss.locale) : GENERAL;
  if (pattern !== GENERAL || numberFormatOf(cell) !== GENERAL)
    out.effectiveFormat = { numberFormat: { type: numberFormatType(pattern), pattern } };
  return out;
}

/** The GridData of one A1 range (a sheet name alone: the whole sheet). */
export function gridDataOf(ss: EmuSpreadsheet, range: string): { sheet: EmuSheet; data: gapi.client.sheets.GridData } {
  const text = String(range).trim();
  const unquote = (n: string) => (/^'.*'$/.test(n) ? n.slice(1, -1).replace(/''/g, "'") : n);
  const fail = (): never => {
    throw new GoogleJsonResponseException(`Unable to parse range: ${text}`, 400, 'get');
  };
  let sheet: EmuSheet | undefined;
  let ref: string | null = null;
  if (text.includes('!')) {
    const parts = splitSheet(text);
    sheet = ss.sheetByName(parts.sheetName ?? '');
    ref = parts.ref;
  } else {
    // A sheet's name alone is the whole sheet; otherwise A1 notation on the first sheet.
    sheet = ss.sheetByName(unquote(text));
    if (!sheet) {
      sheet = ss.sheets[0];
      ref = text;
    }
  }
  if (!sheet) return fail();
  const g =
    ref === null
      ? { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns }
      : parseA1(ref, sheet.maxRows, sheet.maxColumns);
  if (!g) return fail();
  const extent = sheet.contentExtent();
  const lastRow = Math.min(g.row + g.numRows - 1, extent.lastRow);
  const lastColumn = Math.min(g.column + g.numColumns - 1, extent.lastColumn);
  const rowData: gapi.client.sheets.RowData[] = [];
  for (let r = g.row; r <= lastRow; r++) {
    const values: CellData[] = [];
    for (let c = g.column; c <= lastColumn; c++) values.push(cellData(ss, sheet, r, c));
    while (values.length && Object.keys(values[values.length - 1]).length === 0) values.pop();
    rowData.push(values.length ? { values } : {});
  }
  return { sheet, data: { startRow: g.row - 1, startColumn: g.column - 1, rowData } };
}
