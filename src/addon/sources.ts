/**
 * Reads KPI sources in batches: one `getDataRange().getValues()` per sheet that any source
 * names, sliced locally. Reading 200 KPIs on 3 sheets costs 3 reads, not 200. A column read by
 * several KPIs (the same dates range) is sliced and converted once.
 *
 * Dates: a date cell arrives as a Date at midnight in the spreadsheet's zone; it becomes that
 * zone's calendar day (a day number) through `toIso` once per distinct instant (50,000 rows hold
 * a few thousand distinct dates: formatting each row was what made a refresh spend 49 s).
 * Text dates are left as text, for the core to read in the column's order (kpi/dates.ts).
 */
import { localize } from '../core/i18n/text';
import type { Lang } from '../core/i18n/lang';
import { parseA1, type A1Range } from '../core/kpi/a1';
import type { Cell, SourceColumns } from '../core/kpi/aggregation';
import { dateOrderOfLocale, isoDay, type DateOrder } from '../core/kpi/dates';
import { rangesToRead } from '../core/kpi/kpi-series';
import type { Kpi, KpiSource } from '../core/kpi/model';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const TEXT = {
  noSheet: {
    fr: (s: string) => `L'onglet « ${s} » n'existe pas.`,
    en: (s: string) => `There is no sheet named "${s}".`,
  },
  badRef: {
    fr: (r: string) => `« ${r} » n'est pas une plage lisible.`,
    en: (r: string) => `"${r}" is not a readable range.`,
  },
  misaligned: {
    fr: (r: string, n: number, m: number) =>
      `« ${r} » a ${n} cellules et la plage des valeurs ${m} : elles doivent s'aligner ligne à ligne.`,
    en: (r: string, n: number, m: number) =>
      `"${r}" has ${n} cells and the values range ${m}: they must line up row by row.`,
  },
};

/** A KPI's cells as read: what core/kpi/kpi-series.ts makes its series from. */
export interface KpiRead {
  columns: SourceColumns;
  /** Why the source could not be read (missing sheet, bad reference), in the user's language; or null. */
  error: string | null;
}

export class SheetReader {
  private readonly grids = new Map<string, unknown[][] | null>();
  private readonly cellColumns = new Map<string, Cell[]>();
  private readonly dateColumns = new Map<string, (number | string | null)[]>();
  private readonly days = new Map<number, number | null>();
  private readonly ends = new Map<readonly Cell[], number>();
  /** How text dates are written when the column does not say (the spreadsheet's locale). */
  readonly dateOrder: DateOrder;

  constructor(
    private readonly ss: Spreadsheet,
    private readonly toIso: (d: Date) => string,
    locale?: string,
    /** Sheets already read in one batch (dashboards): a grid, null for no such sheet, undefined to read it here. */
    private readonly prefetched?: (sheetName: string) => unknown[][] | null | undefined,
  ) {
    let l = locale;
    if (l === undefined) {
      try {
        l = ss.getSpreadsheetLocale();
      } catch {
        l = '';
      }
    }
    this.dateOrder = dateOrderOfLocale(l);
  }

  /** The sheet's values from A1, read once; null when the sheet does not exist. */
  private grid(sheetName: string): unknown[][] | null {
    if (!this.grids.has(sheetName)) {
      const given = this.prefetched?.(sheetName);
      if (given !== undefined) this.grids.set(sheetName, given);
      else {
        const sheet = this.ss.getSheetByName(sheetName);
        this.grids.set(sheetName, sheet ? sheet.getDataRange().getValues() : null);
      }
    }
    return this.grids.get(sheetName) ?? null;
  }

  /** The day of a date cell, in the spreadsheet's zone. */
  private dayOf(d: Date): number | null {
    const t = d.getTime();
    let day = this.days.get(t);
    if (day === undefined) {
      day = Number.isNaN(t) ? null : isoDay(this.toIso(d));
      this.days.set(t, day);
    }
    return day;
  }

  /** The raw cells of a row or column range, in order. */
  private raw(range: A1Range, grid: unknown[][]): unknown[] {
    const lastRow = range.endRow ?? grid.length;
    const lastCol = range.endCol ?? grid[0]?.length ?? 0;
    const out: unknown[] = [];
    for (let r = range.startRow; r <= lastRow; r++) {
      const row = grid[r - 1];
      for (let c = range.startCol; c <= lastCol; c++) out.push(row?.[c - 1]);
    }
    return out;
  }

  /** Cells of a range (Dates as ISO text, blanks null), or the error. */
  private cells(ref: string, lang: Lang): Cell[] | string {
    const hit = this.cellColumns.get(ref);
    if (hit) return hit;
    const r = this.locate(ref, lang);
    if (typeof r === 'string') return r;
    const out = this.raw(r.range, r.grid).map((v): Cell => {
      if (v === undefined || v === null || v === '') return null;
      if (v instanceof Date) return this.toIso(v);
      return v as Cell;
    });
    this.cellColumns.set(ref, out);
    return out;
  }

  /** Rows up to the last filled cell of a column. */
  private filled(col: readonly Cell[]): number {
    let end = this.ends.get(col);
    if (end === undefined) {
      end = col.length;
      while (end > 0 && col[end - 1] === null) end--;
      this.ends.set(col, end);
    }
    return end;
  }

  /** A dates range: date cells as day numbers, text as text, anything else as its text. */
  private dates(ref: string, lang: Lang): (number | string | null)[] | string {
    const hit = this.dateColumns.get(ref);
    if (hit) return hit;
    const r = this.locate(ref, lang);
    if (typeof r === 'string') return r;
    const out = this.raw(r.range, r.grid).map((v) => {
      if (v === undefined || v === null || v === '') return null;
      if (v instanceof Date) return this.dayOf(v);
      return typeof v === 'string' ? v : String(v);
    });
    this.dateColumns.set(ref, out);
    return out;
  }

  private locate(ref: string, lang: Lang): { range: A1Range; grid: unknown[][] } | string {
    const range = parseA1(ref);
    if (!range?.sheet) return localize(TEXT.badRef, lang)(ref);
    const grid = this.grid(range.sheet);
    if (!grid) return localize(TEXT.noSheet, lang)(range.sheet);
    return { range, grid };
  }

  /** Everything a KPI's series is made from. Never throws for a bad reference: the error says it. */
  readKpi(kpi: Pick<Kpi, 'source' | 'formula'>, lang: Lang): KpiRead {
    const refs = rangesToRead(kpi);
    const fail = (error: string): KpiRead => ({ columns: { values: [] }, error });
    const values = this.cells(refs.values, lang);
    if (typeof values === 'string') return fail(values);
    const inputs: Cell[][] = [];
    for (const ref of refs.inputs) {
      const col = this.cells(ref, lang);
      if (typeof col === 'string') return fail(col);
      inputs.push(col);
    }
    // Trailing blanks are periods not filled in yet, not data: the rows end at the last filled one.
    // Columns are shared between KPIs (not copied): `length` says how many rows count.
    const end = Math.max(this.filled(values), ...inputs.map((c) => this.filled(c)));
    const columns: SourceColumns = { values, length: end };
    if (inputs.length) columns.inputs = inputs;
    for (const [i, ref] of refs.inputs.entries()) {
      const n = inputs[i]?.length ?? 0;
      if (n < end) return fail(localize(TEXT.misaligned, lang)(ref, n, end));
    }
    if (refs.dates) {
      const d = this.dates(refs.dates, lang);
      if (typeof d === 'string') return fail(d);
      columns.dates = d;
    }
    if (refs.categories) {
      const c = this.cells(refs.categories, lang);
      if (typeof c === 'string') return fail(c);
      columns.categories = c;
    }
    if (refs.denominator) {
      const c = this.cells(refs.denominator, lang);
      if (typeof c === 'string') return fail(c);
      columns.denominators = c;
    }
    return { columns, error: null };
  }

  /** A source alone (the wizard, before the KPI exists). */
  read(source: KpiSource, lang: Lang, formula?: string): KpiRead {
    return this.readKpi({ source, formula }, lang);
  }
}
