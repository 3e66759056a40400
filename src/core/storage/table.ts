/**
 * Storage sheets as tables: a header row of stable column keys, then one item per row. Pure:
 * the shell hands in `getValues()` output and writes back what this returns.
 *
 * Rules: columns are found by header, so moved columns still load; a missing required column,
 * a row that does not validate, or a duplicated id is reported with its row number and kept
 * untouched (never dropped, never overwritten); columns the add-on does not know are preserved.
 */
import { localize } from '../i18n/text';
import { at } from '../arrays';
import type { Lang } from '../i18n/lang';
import type { FieldError, Validation } from '../kpi/model';

export interface Column {
  key: string;
  /** Stored as text (number format "@"), so `=IMPORTXML(…)`, `+33…` or `@x` stay text. */
  text: boolean;
  required: boolean;
}

export interface TableSchema<T> {
  kind: 'objectives' | 'kpis';
  columns: readonly Column[];
  /** From a row's cells (by column key; Dates already turned into ISO strings) to a validated item. */
  decode(record: Record<string, unknown>, lang: Lang): Validation<T>;
  /** From an item to cells by column key. */
  encode(item: T): Record<string, string | number>;
  id(item: T): string;
}

export interface Loaded<T> {
  item: T;
  /** 1-based sheet row. */
  row: number;
  /** Every cell of the row as read (its formula where it has one), to rewrite columns the add-on does not own as they were. */
  cells: unknown[];
}

export interface Problem {
  row: number;
  id: string | null;
  reason: string;
}

export interface DecodedTable<T> {
  header: string[];
  items: Loaded<T>[];
  problems: Problem[];
  /** Required columns missing from the header: saving is refused while any is missing. */
  missingColumns: string[];
  /** 1-based row after the last non-empty row: where a new item goes. */
  nextRow: number;
}

const isBlankCell = (v: unknown) => v === '' || v === null || v === undefined;

const MESSAGES = {
  missingColumn: {
    fr: (c: string) => `la colonne « ${c} » manque dans la feuille`,
    en: (c: string) => `the column "${c}" is missing from the sheet`,
  },
  duplicate: {
    fr: (id: string, row: number) => `identifiant « ${id} » en double (déjà ligne ${row})`,
    en: (id: string, row: number) => `duplicate id "${id}" (already on row ${row})`,
  },
};

const joinErrors = (errors: FieldError[]) => errors.map((e) => e.message).join(' ');

/** Reads a table from `getValues()` of its sheet's data range. */
export function decodeTable<T>(
  schema: TableSchema<T>,
  values: unknown[][],
  lang: Lang,
  toIso: (d: Date) => string,
  formulas: string[][] = [],
): DecodedTable<T> {
  const header = (values[0] ?? []).map((h) => String(h ?? '').trim());
  // The first column with a key is the add-on's; a later one with the same header is a user's.
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (!index.has(h)) index.set(h, i);
  });
  const missingColumns = schema.columns.filter((c) => c.required && !index.has(c.key)).map((c) => c.key);
  const items: Loaded<T>[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  let nextRow = Math.max(2, values.length + 1);
  while (nextRow > 2 && at(values, nextRow - 2).every(isBlankCell)) nextRow--;

  for (const [r, cells] of values.entries()) {
    if (r === 0) continue; // the header
    if (cells.every(isBlankCell)) continue;
    const row = r + 1;
    const record: Record<string, unknown> = {};
    for (const c of schema.columns) {
      const i = index.get(c.key);
      if (i === undefined) continue;
      let v = cells[i];
      if (v instanceof Date) v = toIso(v);
      else if (c.text && (typeof v === 'number' || typeof v === 'boolean')) v = String(v);
      record[c.key] = v;
    }
    const rawId = typeof record.id === 'string' && record.id.trim() ? record.id.trim() : null;
    if (missingColumns.length) {
      problems.push({
        row,
        id: rawId,
        reason: missingColumns.map((c) => localize(MESSAGES.missingColumn, lang)(c)).join('; '),
      });
      continue;
    }
    const result = schema.decode(record, lang);
    if (!result.ok) {
      problems.push({ row, id: rawId, reason: joinErrors(result.errors) });
      continue;
    }
    const id = schema.id(result.value);
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({ row, id, reason: localize(MESSAGES.duplicate, lang)(id, first) });
      continue;
    }
    seen.set(id, row);
    const f = formulas[r] ?? [];
    items.push({ item: result.value, row, cells: cells.map((v, i) => f[i] || v) });
  }
  return { header, items, problems, missingColumns, nextRow };
}

/** Own keys only (ES2022's Object.hasOwn is not in the project's lib). */
// biome-ignore lint/suspicious/noPrototypeBuiltins: Object.hasOwn is ES2022; the layers compile against ES2020.
export const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** The full-width row for an item: its columns set, other columns as they were. */
export function encodeRow<T>(schema: TableSchema<T>, header: string[], item: T, previous: unknown[] = []): unknown[] {
  const values = schema.encode(item);
  // Own keys only: `h in values` is true for "constructor", "toString", "__proto__"… (#14, item 2).
  return header.map((h, i) => (hasOwn(values, h) ? values[h] : (previous[i] ?? '')));
}

/** A block of adjacent columns the add-on owns: written with one setValues, never touching the others. */
export interface ColumnRun {
  /** 1-based first column. */
  column: number;
  /** The values for an item, left to right. */
  values: (string | number)[];
  /** Number formats the run needs ("@" on text columns), left to right. */
  formats: string[];
}

/**
 * The add-on's columns of a row, as runs of adjacent columns. Columns it does not know (a user's
 * own, between or after them) are in no run: a row is rewritten without reading them back, so
 * their text is never re-parsed ("0123" staying text) and never overwritten (#14, item 2).
 * `previousFormats` (the row's formats, full width) keeps a number column's format as it was.
 */
export function ownRuns<T>(
  schema: TableSchema<T>,
  header: string[],
  item: T,
  previousFormats: readonly string[] = [],
): ColumnRun[] {
  const values = schema.encode(item);
  const columns = new Map(schema.columns.map((c) => [c.key, c] as const));
  const runs: ColumnRun[] = [];
  let run: ColumnRun | null = null;
  header.forEach((h, i) => {
    const col = columns.get(h);
    const value = hasOwn(values, h) ? values[h] : undefined;
    if (!col || value === undefined || header.indexOf(h) !== i) {
      run = null;
      return;
    }
    if (!run) {
      run = { column: i + 1, values: [], formats: [] };
      runs.push(run);
    }
    run.values.push(value);
    run.formats.push(col.text ? '@' : (previousFormats[i] ?? 'General'));
  });
  return runs;
}

/** Number formats for a written row: "@" on the add-on's text columns, the previous format elsewhere. */
export function rowFormats(schema: TableSchema<unknown>, header: string[], previous: string[] = []): string[] {
  const text = new Set(schema.columns.filter((c) => c.text).map((c) => c.key));
  return header.map((h, i) => (text.has(h) ? '@' : (previous[i] ?? 'General')));
}

/** The header row of a new storage sheet. */
export const headerOf = (schema: TableSchema<unknown>): string[] => schema.columns.map((c) => c.key);
