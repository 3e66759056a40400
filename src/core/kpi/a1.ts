/**
 * A1 notation as Google Sheets writes it: `B2`, `B2:B25`, `B:B`, `2:5`, `B2:B` (open-ended, the
 * usual way to name a growing table), `$B$2`, optionally prefixed by a sheet: `Ventes!B2:B25`,
 * `'Ventes 2024'!B2:B25`, `'L''été'!A1` (a quote inside a quoted name is doubled).
 * Rows and columns are 1-based; `endRow`/`endCol` are null when the range runs to the end of
 * the sheet. A reversed range (`B9:B2`) is normalised, as Sheets does.
 */
import { at, group } from '../arrays';
export interface A1Range {
  sheet?: string;
  startRow: number;
  startCol: number;
  endRow: number | null;
  endCol: number | null;
}

/** Sheets' grid limits: 18,278 columns (ZZZ), and 10 million cells per spreadsheet. */
export const MAX_COLUMN = 18_278;
export const MAX_ROW = 10_000_000;

const SHEET_QUOTED = /^'((?:[^']|'')+)'!/;
// Unquoted names: letters (any script), digits, underscore, dot; starting with a letter or underscore.
const SHEET_BARE = /^([\p{L}_][\p{L}\p{N}_.]*)!/u;
const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,8})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,8})$/;

/** Column letters to a 1-based number: A → 1, Z → 26, AA → 27, ZZZ → 18278. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1-based column number to letters: 1 → A, 27 → AA. */
export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

type Part = { row: number | null; col: number | null };

function part(text: string): Part | null {
  let m = CELL.exec(text);
  if (m) return { col: columnNumber(group(m, 1)), row: +group(m, 2) };
  m = COL.exec(text);
  if (m) return { col: columnNumber(group(m, 1)), row: null };
  m = ROW.exec(text);
  if (m) return { col: null, row: +group(m, 1) };
  return null;
}

const rowOk = (r: number | null): boolean => r === null || (r >= 1 && r <= MAX_ROW);
const colOk = (c: number | null): boolean => c === null || (c >= 1 && c <= MAX_COLUMN);

/** Parses an A1 reference; null when it is not one Sheets would accept. */
export function parseA1(ref: unknown): A1Range | null {
  if (typeof ref !== 'string') return null;
  let rest = ref.trim();
  let sheet: string | undefined;
  const quoted = SHEET_QUOTED.exec(rest);
  if (quoted) {
    sheet = group(quoted, 1).replace(/''/g, "'");
    rest = rest.slice(quoted[0].length);
  } else if (rest.startsWith("'")) {
    return null; // an unterminated or badly escaped quoted name
  } else {
    const bare = SHEET_BARE.exec(rest);
    if (bare) {
      sheet = group(bare, 1);
      rest = rest.slice(bare[0].length);
    } else if (rest.includes('!')) return null;
  }
  if (sheet !== undefined && (sheet.trim() === '' || sheet.length > 100)) return null;

  const pieces = rest.split(':');
  if (pieces.length > 2) return null;
  const a = part(at(pieces, 0)); // split always gives at least one piece
  if (!a) return null;
  if (pieces.length === 1) {
    // A lone column or row is not a range Sheets accepts (`B` or `2`): only a cell.
    if (a.row === null || a.col === null) return null;
    if (!rowOk(a.row) || !colOk(a.col)) return null;
    return withSheet(sheet, { startRow: a.row, startCol: a.col, endRow: a.row, endCol: a.col });
  }
  const b = part(at(pieces, 1));
  if (!b || !rowOk(a.row) || !rowOk(b.row) || !colOk(a.col) || !colOk(b.col)) return null;

  if (a.row !== null && a.col !== null && b.row !== null && b.col !== null) {
    return withSheet(sheet, {
      startRow: Math.min(a.row, b.row),
      startCol: Math.min(a.col, b.col),
      endRow: Math.max(a.row, b.row),
      endCol: Math.max(a.col, b.col),
    });
  }
  if (a.row === null && b.row === null && a.col !== null && b.col !== null) {
    // B:D — whole columns
    return withSheet(sheet, {
      startRow: 1,
      startCol: Math.min(a.col, b.col),
      endRow: null,
      endCol: Math.max(a.col, b.col),
    });
  }
  if (a.col === null && b.col === null && a.row !== null && b.row !== null) {
    // 2:5 — whole rows
    return withSheet(sheet, {
      startRow: Math.min(a.row, b.row),
      startCol: 1,
      endRow: Math.max(a.row, b.row),
      endCol: null,
    });
  }
  if (a.row !== null && a.col !== null && b.row === null && b.col !== null) {
    // B2:B — from a cell down to the end of the sheet
    return withSheet(sheet, {
      startRow: a.row,
      startCol: Math.min(a.col, b.col),
      endRow: null,
      endCol: Math.max(a.col, b.col),
    });
  }
  return null;
}

function withSheet(sheet: string | undefined, r: Omit<A1Range, 'sheet'>): A1Range {
  return sheet === undefined ? r : { sheet, ...r };
}

/** A sheet name as a formula must write it: quoted (quotes doubled) unless it is a plain word. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !CELL.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Writes a range back in A1 notation (sheet quoted as needed). */
export function formatA1(r: A1Range): string {
  const prefix = r.sheet === undefined ? '' : `${quoteSheetName(r.sheet)}!`;
  const c1 = columnLetters(r.startCol);
  let body: string;
  if (r.endCol === null) body = `${r.startRow}:${r.endRow ?? r.startRow}`;
  else if (r.endRow === null)
    body = r.startRow === 1 ? `${c1}:${columnLetters(r.endCol)}` : `${c1}${r.startRow}:${columnLetters(r.endCol)}`;
  else if (r.endRow === r.startRow && r.endCol === r.startCol) body = `${c1}${r.startRow}`;
  else body = `${c1}${r.startRow}:${columnLetters(r.endCol)}${r.endRow}`;
  return prefix + body;
}

/** The shape of a range read as a series: one column or one row, with its length (null if open-ended). */
export type SeriesShape = { orientation: 'column' | 'row' | 'cell'; length: number | null; start: number };

/** A range's shape when it is a single row or column; null for a block of several rows and columns. */
export function seriesShape(r: A1Range): SeriesShape | null {
  const rows = r.endRow === null ? null : r.endRow - r.startRow + 1;
  const cols = r.endCol === null ? null : r.endCol - r.startCol + 1;
  if (rows === 1 && cols === 1) return { orientation: 'cell', length: 1, start: r.startRow };
  if (cols === 1) return { orientation: 'column', length: rows, start: r.startRow };
  if (rows === 1) return { orientation: 'row', length: cols, start: r.startCol };
  return null;
}
