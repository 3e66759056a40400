/*
 * The previous design (main before #10), kept verbatim for `npm run bench` to measure against in the same run.
 * Not used by the add-on.
 */
/**
 * Reads KPI sources in batches: one `getDataRange().getValues()` per sheet that any source
 * names, sliced locally. Reading 200 KPIs on 3 sheets costs 3 reads, not 200.
 */
import type { Lang } from '../../src/core/i18n/lang';
import { parseA1, type A1Range } from '../../src/core/kpi/a1';
import type { KpiSource } from '../../src/core/kpi/model';
import type { SourceData } from './series';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The previous API's SourceRead: the raw cells went to the sidebar. */
export interface SourceRead {
  source: KpiSource;
  data: SourceData;
  count: number;
  numbers: number;
  blanks: number;
  texts: number;
  latest: number | null;
  error: string | null;
}
type Cell = number | string | boolean | null;

const TEXT = {
  noSheet: {
    fr: (s: string) => `L'onglet « ${s} » n'existe pas.`,
    en: (s: string) => `There is no sheet named "${s}".`,
  },
  badRef: {
    fr: (r: string) => `« ${r} » n'est pas une plage lisible.`,
    en: (r: string) => `"${r}" is not a readable range.`,
  },
};

export class SheetReader {
  private readonly grids = new Map<string, unknown[][] | null>();
  constructor(
    private readonly ss: Spreadsheet,
    private readonly toIso: (d: Date) => string,
  ) {}

  /** The sheet's values from A1, read once; null when the sheet does not exist. */
  private grid(sheetName: string): unknown[][] | null {
    if (!this.grids.has(sheetName)) {
      const sheet = this.ss.getSheetByName(sheetName);
      this.grids.set(sheetName, sheet ? sheet.getDataRange().getValues() : null);
    }
    return this.grids.get(sheetName) as unknown[][] | null;
  }

  /** The cells of a row or column range, in order; Dates as ISO strings. */
  series(range: A1Range, grid: unknown[][]): Cell[] {
    const lastRow = range.endRow ?? grid.length;
    const lastCol = range.endCol ?? grid[0]?.length ?? 0;
    const out: Cell[] = [];
    for (let r = range.startRow; r <= lastRow; r++) {
      for (let c = range.startCol; c <= lastCol; c++) {
        const v = grid[r - 1]?.[c - 1];
        out.push(v === undefined || v === '' || v === null ? null : v instanceof Date ? this.toIso(v) : (v as Cell));
      }
    }
    return out;
  }

  read(source: KpiSource, lang: Lang): SourceRead {
    const refs =
      source.kind === 'cell'
        ? { values: source.ref }
        : { values: source.values, dates: source.dates, categories: source.categories };
    const fail = (error: string): SourceRead => ({
      source,
      data: { values: [] },
      count: 0,
      numbers: 0,
      blanks: 0,
      texts: 0,
      latest: null,
      error,
    });
    const columns: Record<string, Cell[]> = {};
    for (const [key, ref] of Object.entries(refs)) {
      if (!ref) continue;
      const range = parseA1(ref);
      if (!range?.sheet) return fail(TEXT.badRef[lang](ref));
      const grid = this.grid(range.sheet);
      if (!grid) return fail(TEXT.noSheet[lang](range.sheet));
      columns[key] = this.series(range, grid);
    }
    let values = columns.values;
    // Trailing blanks are months not filled in yet, not data.
    let end = values.length;
    while (end > 0 && values[end - 1] === null) end--;
    values = values.slice(0, end);
    const data: SourceData = { values };
    if (columns.dates)
      data.dates = columns.dates.slice(0, end).map((d) => (typeof d === 'string' ? d : d === null ? null : String(d)));
    let numbers = 0;
    let blanks = 0;
    let latest: number | null = null;
    for (const v of values) {
      if (v === null) blanks++;
      else if (typeof v === 'number') {
        numbers++;
        latest = v;
      }
    }
    return {
      source,
      data,
      count: values.length,
      numbers,
      blanks,
      texts: values.length - numbers - blanks,
      latest,
      error: null,
    };
  }
}
