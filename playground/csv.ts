/**
 * CSV in: the encoding (UTF-8 with or without BOM, UTF-16 with a BOM, else Windows-1252 as Excel
 * saves "CSV (séparateur : point-virgule)"), the separator (";" "," tab, or Excel's `sep=` line),
 * RFC 4180 fields (quotes, doubled quotes, separators and line breaks inside quotes, CRLF/LF/CR),
 * then each field read as Sheets reads typed input in the workbook's locale (emulator/typed-input).
 * A column whose cells are mostly numbers or dates, with some that stay text although they hold
 * digits, is reported cell by cell: nothing is guessed.
 */
import { parseTypedInput } from '../emulator/typed-input';
import type { Book, BookValue } from './book';
import { colLetters } from './view';

export type CsvProblem =
  | { kind: 'binary' }
  | { kind: 'unterminated'; row: number; column: number }
  | { kind: 'cellTooLong'; row: number; column: number }
  | { kind: 'tooWide'; row: number; columns: number };

export class CsvError extends Error {
  override name = 'CsvError';
  constructor(readonly problem: CsvProblem) {
    super(problem.kind);
  }
}

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Cells that stay text in a column of numbers or dates: `C7 « 1,234.50 »`. */
export interface MixedColumn {
  column: string;
  header: string | null;
  cells: { a1: string; text: string }[];
}

export interface CsvRead {
  book: Book;
  encoding: Encoding;
  separator: string;
  mixed: MixedColumn[];
}

/** Google Sheets' limit on one cell: "Your input contains more than the maximum of 50000 characters in a single cell." (freelabz/secator#96). */
export const MAX_CELL_CHARS = 50_000;
/** Sheets' column limit (18,278 columns, ZZZ). */
export const MAX_COLUMNS = 18_278;

export function decode(bytes: Buffer): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes.includes(0)) throw new CsvError({ kind: 'binary' });
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: the Windows code page Excel writes in Western Europe (0x80 is €, 0x9C is œ).
    return { text: windows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Windows-1252 by hand: Node's TextDecoder('windows-1252') decodes as ISO-8859-1 (0x80 gives
 * U+0080, not €: nodejs/node#56542), so the 0x80–0x9F block is mapped here (WHATWG's index).
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
export function windows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(
      ...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)),
    );
  }
  return out;
}

/** RFC 4180 records, each with the 1-based line of the file it starts on. */
export function parseRecords(
  text: string,
  sep: string,
  limit = Number.POSITIVE_INFINITY,
  firstLine = 1,
  lenient = false,
): { fields: string[]; line: number }[] {
  const records: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = firstLine;
  let recordLine = firstLine;
  let quoteLine = firstLine;
  let quoteColumn = 1;
  let i = 0;
  const n = text.length;
  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push({ fields, line: recordLine });
    fields = [];
  };
  while (i < n && records.length < limit) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // A line break inside quotes is part of the value: one "\n" whatever the file's line ends.
      if (ch === '\r' || ch === '\n') {
        line++;
        field += '\n';
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      quoteLine = line;
      quoteColumn = fields.length + 1;
      i++;
      continue;
    }
    if (ch === sep) {
      endField();
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += ch;
    i++;
  }
  if (quoted && !lenient) throw new CsvError({ kind: 'unterminated', row: quoteLine, column: quoteColumn });
  if (records.length < limit && (field !== '' || fields.length)) endRecord();
  return records;
}

/** The separator: Excel's `sep=;` first line, else the one giving the same field count (above 1) on most of the first lines. */
function detectSeparator(text: string): { sep: string; skipFirstLine: boolean } {
  const hint = /^sep=(.)\r?\n/.exec(text);
  if (hint) return { sep: hint[1] as string, skipFirstLine: true };
  let best = { sep: ',', score: -1 };
  for (const sep of [';', '\t', ',', '|']) {
    // Lenient: a quote left open is reported once the separator is known, at its line.
    const records = parseRecords(text, sep, 30, 1, true);
    const counts = records.filter((r) => r.fields.length > 1 || r.fields[0] !== '').map((r) => r.fields.length);
    if (!counts.length) continue;
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    const [mode, times] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] as [number, number];
    if (mode < 2) continue;
    // Consistency first (lines agreeing on the count), then more columns.
    const score = (times / counts.length) * 1000 + Math.min(mode, 999);
    if (score > best.score) best = { sep, score };
  }
  return { sep: best.sep, skipFirstLine: false };
}

const LOOKS_NUMERIC = /\d/;

/** Reads a CSV for a workbook in `locale`. Throws CsvError. */
export function readCsv(bytes: Buffer, sheetName: string, locale: string): CsvRead {
  const { text, encoding } = decode(bytes);
  const { sep, skipFirstLine } = detectSeparator(text);
  const body = skipFirstLine ? text.slice(text.search(/\n/) + 1) : text;
  const lineOffset = skipFirstLine ? 1 : 0;
  const records = parseRecords(body, sep, Number.POSITIVE_INFINITY, 1 + lineOffset);
  const values: BookValue[][] = [];
  const styles: NonNullable<Book['sheets'][number]['styles']> = {};
  const kinds: ('number' | 'text' | 'blank' | 'other')[][] = [];
  records.forEach((rec, r) => {
    if (rec.fields.length > MAX_COLUMNS)
      throw new CsvError({ kind: 'tooWide', row: rec.line, columns: rec.fields.length });
    const line: BookValue[] = [];
    const kind: (typeof kinds)[number] = [];
    rec.fields.forEach((raw, c) => {
      if (raw.length > MAX_CELL_CHARS) throw new CsvError({ kind: 'cellTooLong', row: rec.line, column: c + 1 });
      const typed = parseTypedInput(raw, locale);
      const a1 = `${colLetters(c + 1)}${r + 1}`;
      switch (typed.kind) {
        case 'blank':
          line.push(null);
          kind.push('blank');
          break;
        case 'formula':
          line.push({ f: typed.formula });
          kind.push('other');
          break;
        case 'text':
          line.push(typed.text);
          kind.push(typed.forced || !LOOKS_NUMERIC.test(typed.text) ? 'other' : 'text');
          break;
        case 'boolean':
          line.push(typed.value);
          kind.push('other');
          break;
        case 'number':
          line.push(typed.value);
          kind.push('number');
          if (typed.format) styles[a1] = { numberFormat: typed.format };
          break;
        case 'date':
          line.push(typed.serial);
          kind.push('number');
          styles[a1] = { numberFormat: typed.format };
          break;
      }
    });
    values.push(line);
    kinds.push(kind);
  });
  // Trailing empty records (a final blank line) are not rows.
  while (values.length && (values[values.length - 1] as BookValue[]).every((v) => v === null)) {
    values.pop();
    kinds.pop();
  }
  let width = 0;
  for (const l of values) width = Math.max(width, l.length);
  const dense = values.map((l) => Array.from({ length: width }, (_, c) => l[c] ?? null));
  const mixed: MixedColumn[] = [];
  for (let c = 0; c < width; c++) {
    const column = kinds.slice(1).map((k) => k[c] ?? 'blank');
    const numbers = column.filter((k) => k === 'number').length;
    const texts = column.filter((k) => k === 'text').length;
    if (!texts || numbers < texts) continue;
    const cells: MixedColumn['cells'] = [];
    column.forEach((k, i) => {
      if (k === 'text') cells.push({ a1: `${colLetters(c + 1)}${i + 2}`, text: String(dense[i + 1]?.[c] ?? '') });
    });
    const head = dense[0]?.[c];
    mixed.push({ column: colLetters(c + 1), header: typeof head === 'string' ? head : null, cells });
  }
  return {
    book: { sheets: [{ name: sheetName, values: dense, styles }], activeSheet: sheetName },
    encoding,
    separator: sep,
    mixed,
  };
}
