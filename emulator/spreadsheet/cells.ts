/** How a cell is stored, and how values move between Apps Script, the store and the engine. */
import type { RawCellContent } from 'hyperformula';
import { dateToSerial, serialParts, serialToDate } from '../dates';
import type { EngineValue } from '../engine/workbook-engine';
import { GENERAL, PLAIN_TEXT, defaultDateFormat, isDateFormat } from '../number-format';
import { parseTypedInput } from '../typed-input';

export type Literal = number | string | boolean;

export interface Style {
  numberFormat?: string;
  fontWeight?: string;
  fontStyle?: string;
  fontColor?: string;
  fontSize?: number;
  fontFamily?: string;
  fontLine?: string;
  background?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrap?: boolean;
  wrapStrategy?: string;
  textRotation?: number;
  border?: string;
}

export const STYLE_DEFAULTS: Required<Omit<Style, 'border' | 'wrapStrategy'>> & { wrapStrategy: string } = {
  numberFormat: GENERAL,
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontColor: '#000000',
  fontSize: 10,
  fontFamily: 'Arial',
  fontLine: 'none',
  background: '#ffffff',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  wrap: false,
  wrapStrategy: 'OVERFLOW',
  textRotation: 0,
};

export interface Cell {
  /** A literal value (dates as serial numbers, with a date number format). */
  v?: Literal;
  /** The formula exactly as written (or as moved by a row/column insert). */
  f?: string;
  /** The engine's text of the formula when last synced, to notice when a move rewrote it. */
  hf?: string;
  style?: Style;
  note?: string;
  validation?: unknown;
}

export type SheetsValue = Literal | Date;

export function numberFormatOf(cell: Cell | undefined): string {
  return cell?.style?.numberFormat ?? GENERAL;
}

/** Sheets refuses longer input, with this message (the Sheets API's, quoted in freelabz/secator#96). */
export const MAX_CELL_CHARS = 50_000;
const TOO_LONG = 'Your input contains more than the maximum of 50000 characters in a single cell.';

/** Throws Sheets' error when any value is too long, before anything is written (the call fails whole). */
export function checkCellLengths(values: readonly (readonly unknown[])[]): void {
  for (const row of values)
    for (const v of row) if (typeof v === 'string' && v.length > MAX_CELL_CHARS) throw new Error(TOO_LONG);
}

export interface WriteContext {
  timeZone: string;
  locale: string;
}

/**
 * Writes what Range.setValue(s) receives into a cell, as Sheets does: a string is read like
 * typed input in the spreadsheet's locale (../typed-input.ts: "=" formulas, a leading "'" keeps
 * text, numbers, percents, currencies, booleans, dates) unless the cell is plain text ("@"); a
 * Date becomes a serial number in the spreadsheet's time zone and gives the cell a date format.
 */
export function writeValue(cell: Cell, input: unknown, ctx: WriteContext): void {
  cell.f = undefined;
  cell.hf = undefined;
  cell.v = undefined;
  const format = numberFormatOf(cell);
  if (input === null || input === undefined || input === '') return;
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) {
      cell.v = '#NUM!';
      return;
    }
    const serial = dateToSerial(input, ctx.timeZone);
    cell.v = serial;
    if (!isDateFormat(format)) setFormat(cell, defaultDateFormat(ctx.locale, serial % 1 !== 0));
    return;
  }
  if (typeof input === 'number') {
    cell.v = Number.isFinite(input) ? input : '#NUM!';
    return;
  }
  if (typeof input === 'boolean') {
    cell.v = input;
    return;
  }
  const text = typeof input === 'string' ? input : String(input);
  if (format === PLAIN_TEXT) {
    cell.v = text;
    return;
  }
  const typed = parseTypedInput(text, ctx.locale);
  switch (typed.kind) {
    case 'blank':
      return;
    case 'formula':
      cell.f = typed.formula;
      return;
    case 'text':
      cell.v = typed.text;
      return;
    case 'boolean':
      cell.v = typed.value;
      return;
    case 'number':
      cell.v = typed.value;
      // Typed grouping, currency or percent formats a cell still in the default format, as in Sheets.
      if (typed.format && format === GENERAL) setFormat(cell, typed.format);
      return;
    case 'date':
      cell.v = typed.serial;
      if (!isDateFormat(format)) setFormat(cell, typed.format);
      return;
  }
}

function setFormat(cell: Cell, format: string): void {
  cell.style = { ...cell.style, numberFormat: format };
}

/** What the engine is given for a cell. */
export function engineContent(cell: Cell | undefined, toEngineFormula: (f: string) => string): RawCellContent {
  if (!cell) return null;
  if (cell.f !== undefined) return toEngineFormula(cell.f);
  const v = cell.v;
  if (v === undefined || v === '') return null;
  if (typeof v === 'string') return `'${v}`;
  if (typeof v === 'number' && isDateFormat(numberFormatOf(cell))) {
    // A Date in the engine types the value as a date (custom functions then receive a Date).
    const p = serialParts(v);
    const local = new Date(2000, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
    local.setFullYear(p.year);
    return local;
  }
  return v;
}

/** A value read from the store or the engine, as getValues() returns it. */
export function toSheetsValue(cell: Cell | undefined, engine: EngineValue | undefined, timeZone: string): SheetsValue {
  const format = numberFormatOf(cell);
  if (cell && cell.f === undefined && cell.v !== undefined) {
    if (typeof cell.v === 'number' && isDateFormat(format)) return serialToDate(cell.v, timeZone);
    return cell.v;
  }
  if (!engine) return '';
  switch (engine.kind) {
    case 'empty':
      return '';
    case 'error':
      return engine.code;
    case 'number':
      if (isDateFormat(format) || (format === GENERAL && engine.date)) return serialToDate(engine.value, timeZone);
      return engine.value;
    default:
      return engine.value;
  }
}

/** The format a cell is displayed with (a date result of a formula shows as a date). */
export function displayFormat(cell: Cell | undefined, engine: EngineValue | undefined, locale: string): string {
  const format = numberFormatOf(cell);
  if (format === GENERAL && engine?.kind === 'number' && engine.date)
    return defaultDateFormat(locale, engine.value % 1 !== 0);
  return format;
}
