/**
 * From a KPI's source cells to its series: ONE value per period of its frequency. Real data is
 * rows of events (invoices, days, answers), unsorted, several per period, with gaps and blank
 * or text cells; each period's rows are aggregated by the KPI's rule. Pure and JSON-friendly.
 *
 * The rules (README "Values per period"):
 * - Dated rows fall in the calendar period of their date (kpi/dates.ts). A row without a
 *   readable date is left out and counted (`undated`); rows dated after today's period are not
 *   data yet (`future`). When no number has a readable date, the source is undated.
 * - The aggregations: sum, average, last (by date; the later row on the same day), min, max,
 *   count (non-blank cells, text included: counting invoices by their numbers works), and ratio
 *   (Σ values ÷ Σ denominators, over the rows where both are numbers: a rate from two columns).
 *   A template's formula (formula-kpi.ts) is computed per period from its inputs instead.
 * - Undated, without categories: each cell is one period, the last filled one being today's
 *   (a table the user keeps one row per period). Undated with categories: every row belongs to
 *   today's period, broken down by category.
 * - With categories, a period's value is the total across them: the aggregation over all of
 *   its rows (for a rate, the ratio of the sums, never the last category's rate); for `last`,
 *   the sum of each category's last value (a stock held in several places). Each category's
 *   own value is given for the latest period.
 * - The series says which point is today's period, still in progress (see status.ts for how a
 *   period in progress is judged).
 */
import { at } from '../arrays';
import { dateOrderOf, type DateOrder, periodIndex, textDay } from './dates';
import {
  formulaValue,
  isTrend,
  parseKpiFormula,
  trendValue,
  type FormulaKpi,
  type FormulaProblem,
} from './formula-kpi';
import type { Frequency, Unit } from './model';

export const AGGREGATIONS = ['sum', 'average', 'last', 'min', 'max', 'count', 'ratio'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const isAggregation = (v: unknown): v is Aggregation => (AGGREGATIONS as readonly unknown[]).includes(v);

/**
 * The default when neither the user nor a template chose: counts and amounts add up (sum);
 * delays, durations, scores, rates and ratios read per row are averaged. Stocks (open tickets,
 * cash) are `last`, which only a template or the user can know.
 */
export function defaultAggregation(unit: Unit | undefined, hasDenominator = false): Aggregation {
  if (hasDenominator) return 'ratio';
  switch (unit) {
    case '€':
    case 'count':
    case 'other':
    case undefined:
      return 'sum';
    case 'days':
    case 'hours':
    case 'score':
    case '%':
    case 'ratio':
      return 'average';
  }
}

/**
 * Templates whose rows are not aggregated as their unit suggests: prices and per-unit costs are
 * averaged, stocks read at period end are `last`. (The template list uses this table; it lives
 * here so the server, which migrates stored KPIs, does not carry the templates.) A template
 * whose formula is a ratio of sums (RATIO_FUNCTIONS) is a `ratio`.
 */
export const TEMPLATE_AGGREGATIONS: Readonly<Record<string, Aggregation>> = {
  sales_average_basket: 'average',
  hr_cost_per_hire: 'average',
  operations_productivity: 'average',
  finance_mrr: 'last',
  operations_stock_cover: 'last',
};

/** The functions that divide a sum by a sum (formula-kpi.ts computes them per period). */
export const RATIO_FUNCTIONS: readonly string[] = ['CAC', 'CONVERSION_RATE', 'CHURN_RATE', 'KPI_PROGRESS'];

/** A KPI's aggregation: its own, else its template's or formula's, else its unit's (stored rows from before the field existed). */
export function aggregationOf(kpi: {
  aggregation?: Aggregation;
  templateId?: string;
  unit?: Unit;
  formula?: string;
  source?: { kind: string; denominator?: string };
}): Aggregation {
  if (kpi.aggregation && isAggregation(kpi.aggregation)) return kpi.aggregation;
  const hasDenominator = !!(kpi.source && 'denominator' in kpi.source && kpi.source.denominator);
  const t = kpi.templateId ? TEMPLATE_AGGREGATIONS[kpi.templateId] : undefined;
  if (t) return t;
  const f = parseKpiFormula(kpi.formula);
  if (f && RATIO_FUNCTIONS.includes(f.fn)) return 'ratio';
  return defaultAggregation(kpi.unit, hasDenominator);
}

/** A cell as read: numbers, text, booleans; null (or "") when blank. Dates are in `dates`. */
export type Cell = number | string | boolean | null;

/** The cells a KPI's series is made from, aligned row by row. */
export interface SourceColumns {
  /** The values range (for a formula KPI, its first range argument: what the counts are about). */
  values: readonly Cell[];
  /** A day number (a date cell, read in the spreadsheet's zone), text to read as a date, or null. */
  dates?: readonly (number | string | null)[] | null;
  categories?: readonly Cell[] | null;
  /** The denominators of a `ratio`. */
  denominators?: readonly Cell[] | null;
  /** A formula KPI's range arguments, in order. */
  inputs?: readonly (readonly Cell[])[] | null;
  /**
   * Rows to read (the first `length` of each column); default: all of `values`. Lets a reader
   * share one column between KPIs without copying it.
   */
  length?: number;
}

export interface SeriesSpec {
  frequency: Frequency;
  aggregation: Aggregation;
  /** Today, as a day number in the spreadsheet's zone. */
  today: number;
  /** How text dates are written when they don't say (dates.ts dateOrderOfLocale). */
  dateOrder?: DateOrder;
  /** A template formula computed per period (formula-kpi.ts parseKpiFormula); null for the aggregation. */
  formula?: FormulaKpi | null;
  /** A single cell read now: one point, today's period. */
  reading?: boolean;
}

/** One period of a series. */
export interface PeriodPoint {
  /** The period's index (dates.ts periodIndex): consecutive per frequency. */
  index: number;
  value: number;
  /** Rows aggregated into it. */
  rows: number;
}

export interface CategoryValue {
  category: string;
  value: number;
  rows: number;
}

/** How often the data has a value, after placing its rows in periods. */
export type Granularity = Frequency | 'yearly';
export const GRANULARITY_RANK: Record<Granularity, number> = {
  daily: 0,
  weekly: 1,
  monthly: 2,
  quarterly: 3,
  yearly: 4,
};

export interface SeriesCounts {
  cells: number;
  numbers: number;
  blanks: number;
  /** Non-blank cells that are not numbers (text, booleans, error strings); 0 for `count`. */
  texts: number;
  /** The first such cell, for the message. */
  sampleText: string | null;
  /** Numbers left out because their date is missing or unreadable (dated series). */
  undated: number;
  /** The first unreadable date, for the message. */
  sampleDate: string | null;
  /** Rows dated after today's period: not data yet. */
  future: number;
  /** Ratio: numbers without a number beside them in the denominators. */
  unpaired: number;
}

export type SeriesKind = 'dated' | 'undated' | 'breakdown' | 'reading';

export interface KpiSeries {
  kind: SeriesKind;
  frequency: Frequency;
  aggregation: Aggregation;
  /** Today's period index. */
  currentIndex: number;
  /** One per period that has a value, oldest first; none after today's period. */
  points: PeriodPoint[];
  /** True when the last point is today's period and the period is still running (dated data, or a reading). */
  inProgress: boolean;
  /** The latest point's breakdown, by category as first met; null without categories. */
  categories: CategoryValue[] | null;
  granularity: Granularity | null;
  counts: SeriesCounts;
  /** Periods with rows but no value (Σ denominators 0, the formula failed), and the first problem. */
  emptyPeriods: number;
  problem: FormulaProblem | null;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBlank = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** The day of each row (NaN when none), text dates read in the column's order. */
export function daysOf(dates: readonly (number | string | null)[], fallback: DateOrder): Float64Array {
  const out = new Float64Array(dates.length).fill(Number.NaN);
  let order: DateOrder | null = null;
  // A column repeats its dates (several invoices a day): read each text once.
  const seen = new Map<string, number>();
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i];
    if (typeof d === 'number') out[i] = Number.isInteger(d) ? d : Number.NaN;
    else if (typeof d === 'string' && d !== '') {
      let day = seen.get(d);
      if (day === undefined) {
        order ??= dateOrderOf(dates, fallback);
        day = textDay(d, order) ?? Number.NaN;
        seen.set(d, day);
      }
      out[i] = day;
    }
  }
  return out;
}

/** Columns are shared by the KPIs that read them (the same dates range): their days are read once. */
const daysCache = new WeakMap<object, { order: DateOrder; days: Float64Array }>();
function cachedDays(dates: readonly (number | string | null)[], order: DateOrder): Float64Array {
  const hit = daysCache.get(dates);
  if (hit && hit.order === order) return hit.days;
  const days = daysOf(dates, order);
  daysCache.set(dates, { order, days });
  return days;
}

/** The share of periods between the first and the last that must have rows for data to be "that often". */
export const GRANULARITY_COVERAGE = 0.8;

const weekdayOf = (d: number): number => (((d + 3) % 7) + 7) % 7;

/**
 * The finest frequency at which the data has a value in most periods (GRANULARITY_COVERAGE of
 * those between its first and last date): daily sales with a few missing days are daily, and
 * so are sales on weekdays only (days are counted on the weekdays the data uses, when it uses at
 * least four: a shop closed on Sundays is open daily); three invoices a month are monthly, not weekly.
 */
export function granularityOf(days: Iterable<number>): Granularity | null {
  let min = Infinity;
  let max = -Infinity;
  for (const d of days) {
    if (d < min) min = d;
    if (d > max) max = d;
  }
  if (!(max > min)) return null;
  const marks = new Uint8Array(max - min + 1);
  for (const d of days) marks[d - min] = 1;
  return granularityOfMarks(marks, min);
}

/** granularityOf over marks[d − first] = 1 for each day with data. */
function granularityOfMarks(marks: Uint8Array, first: number): Granularity | null {
  const last = first + marks.length - 1;
  const used = new Set<number>();
  let distinct = 0;
  for (let d = first; d <= last; d++)
    if (marks[d - first]) {
      distinct++;
      used.add(weekdayOf(d));
    }
  if (distinct < 2) return null;
  // Days of the week the data uses; under four (a figure typed every Monday) is not a week of business days.
  const weekdays = used.size >= 4 ? used : new Set([0, 1, 2, 3, 4, 5, 6]);
  let open = 0;
  for (let d = first; d <= last; d++) if (weekdays.has(weekdayOf(d))) open++;
  if (distinct / open >= GRANULARITY_COVERAGE) return 'daily';
  for (const f of ['weekly', 'monthly', 'quarterly'] as const) {
    const a = periodIndex(first, f);
    const b = periodIndex(last, f);
    if (b === a) return f;
    let seen = 0;
    let prev = Number.NaN;
    for (let d = first; d <= last; d++) {
      if (!marks[d - first]) continue;
      const i = periodIndex(d, f);
      if (i !== prev) seen++;
      prev = i;
    }
    if (seen / (b - a + 1) >= GRANULARITY_COVERAGE) return f;
  }
  return 'yearly';
}

/** The aggregation of some rows; null when they hold nothing to aggregate. */
function reduceRows(
  agg: Aggregation,
  rows: readonly number[],
  values: readonly Cell[],
  days: Float64Array | null,
  den: readonly Cell[] | null,
): number | null {
  if (!rows.length) return null;
  const acc = newAcc();
  for (const i of rows) accumulate(acc, agg, i, values[i], days ? at(days, i) : i, den ? den[i] : null);
  return valueOfAcc(acc, agg);
}

/** One period's running aggregate: every aggregation's figures, so one pass serves any of them. */
interface Acc {
  rows: number;
  sum: number;
  min: number;
  max: number;
  lastDay: number;
  last: number;
  den: number;
}
const newAcc = (): Acc => ({ rows: 0, sum: 0, min: Infinity, max: -Infinity, lastDay: -Infinity, last: 0, den: 0 });

function accumulate(
  acc: Acc,
  agg: Aggregation,
  _row: number,
  v: Cell | undefined,
  day: number,
  w: Cell | undefined,
): void {
  acc.rows++;
  if (agg === 'count' || !isNum(v)) return;
  if (agg === 'ratio') {
    if (isNum(w)) {
      acc.sum += v;
      acc.den += w;
    }
    return;
  }
  acc.sum += v;
  if (v < acc.min) acc.min = v;
  if (v > acc.max) acc.max = v;
  // Last by date; on the same day, the later row (rows come in sheet order).
  if (day >= acc.lastDay) {
    acc.lastDay = day;
    acc.last = v;
  }
}

function valueOfAcc(acc: Acc, agg: Aggregation): number | null {
  if (!acc.rows) return null;
  switch (agg) {
    case 'count':
      return acc.rows;
    case 'ratio':
      return acc.den === 0 ? null : acc.sum / acc.den;
    case 'sum':
      return acc.sum;
    case 'average':
      return acc.sum / acc.rows;
    case 'min':
      return acc.min;
    case 'max':
      return acc.max;
    case 'last':
      return acc.last;
  }
}

const emptyCounts = (cells: number): SeriesCounts => ({
  cells,
  numbers: 0,
  blanks: 0,
  texts: 0,
  sampleText: null,
  undated: 0,
  sampleDate: null,
  future: 0,
  unpaired: 0,
});

const categoryName = (c: Cell | undefined): string => (isBlank(c) ? '' : typeof c === 'string' ? c.trim() : String(c));

/** Rows by category, in the order categories are first met. */
function byCategory(rows: readonly number[], cats: readonly Cell[]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (const i of rows) {
    const name = categoryName(cats[i]);
    const list = m.get(name);
    if (list) list.push(i);
    else m.set(name, [i]);
  }
  return m;
}

/** The KPI's series from its cells. Never throws on cell contents. */
export function seriesOf(columns: SourceColumns, spec: SeriesSpec): KpiSeries {
  const { frequency, today } = spec;
  const agg = spec.aggregation;
  const formula = spec.formula ?? null;
  const values = columns.values;
  const n = Math.min(columns.length ?? values.length, values.length);
  const den = agg === 'ratio' && !formula ? (columns.denominators ?? null) : null;
  const inputs = formula ? (columns.inputs ?? []) : [];
  const cats = columns.categories ?? null;
  const currentIndex = periodIndex(today, frequency);
  const counts = emptyCounts(n);
  const days = columns.dates && !spec.reading ? cachedDays(columns.dates, spec.dateOrder ?? 'dmy') : null;

  // Pass 1: which rows count (numbers; any non-blank cell for `count`; for a formula, a number in
  // any input), and the period of each (NaN: left out).
  const period = new Float64Array(n).fill(Number.NaN);
  // Row positions that count, in sheet order (a typed array: 50,000 pushes were the hot spot).
  const rowsBuffer = new Int32Array(n);
  let nc = 0;
  let anyDated = false;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (isNum(v)) counts.numbers++;
    else if (isBlank(v)) counts.blanks++;
    else if (agg !== 'count' || formula) {
      counts.texts++;
      if (counts.sampleText === null) counts.sampleText = typeof v === 'string' ? v.trim() : String(v);
    }
    let use = formula ? inputs.some((col) => isNum(col[i])) : agg === 'count' ? !isBlank(v) : isNum(v);
    if (use && den && !isNum(den[i])) {
      counts.unpaired++;
      use = false;
    }
    if (!use) continue;
    rowsBuffer[nc++] = i;
    if (!anyDated && days && !Number.isNaN(days[i] as number)) anyDated = true;
  }
  const counted = rowsBuffer.subarray(0, nc);
  const kind: SeriesKind = spec.reading ? 'reading' : anyDated ? 'dated' : cats ? 'breakdown' : 'undated';
  const out: KpiSeries = {
    kind,
    frequency,
    aggregation: agg,
    currentIndex,
    points: [],
    inProgress: false,
    categories: null,
    granularity: null,
    counts,
    emptyPeriods: 0,
    problem: null,
  };
  let firstDay = Infinity;
  let lastDay = -Infinity;
  if (kind === 'dated' && days) {
    let prevDay = Number.NaN;
    let prevIndex = 0;
    for (let k = 0; k < nc; k++) {
      const i = counted[k] as number;
      const day = days[i] as number;
      if (Number.isNaN(day)) {
        counts.undated++;
        if (counts.sampleDate === null) counts.sampleDate = String(columns.dates?.[i] ?? '');
        continue;
      }
      // Consecutive rows often share a day.
      if (day !== prevDay) {
        prevDay = day;
        prevIndex = periodIndex(day, frequency);
      }
      if (prevIndex > currentIndex) {
        counts.future++;
        continue;
      }
      period[i] = prevIndex;
      if (day < firstDay) firstDay = day;
      if (day > lastDay) lastDay = day;
    }
  } else if (kind === 'undated') {
    // One period per cell, the last filled cell being today's period.
    const lastPos = nc ? at(counted, nc - 1) : 0;
    for (const i of counted) period[i] = currentIndex - (lastPos - i);
  } else for (const i of counted) period[i] = currentIndex;

  if (lastDay >= firstDay && days) {
    const marks = new Uint8Array(lastDay - firstDay + 1);
    for (let k = 0; k < nc; k++) {
      const i = counted[k] as number;
      if (!Number.isNaN(period[i] as number)) marks[(days[i] as number) - firstDay] = 1;
    }
    out.granularity = granularityOfMarks(marks, firstDay);
  }

  // Pass 2 without a formula: one running aggregate per period (per period and category for a
  // stock held in several places, whose total is the sum of each place's last value).
  if (!formula) {
    const stockByPlace = agg === 'last' && !!cats;
    const accs = new Map<number, Acc>();
    const places = new Map<number, Map<string, Acc>>();
    // Rows come in runs of the same period: keep the last one's aggregate at hand.
    let runIndex = Number.NaN;
    let acc = newAcc();
    for (let k = 0; k < nc; k++) {
      const i = counted[k] as number;
      const index = period[i] as number;
      if (Number.isNaN(index)) continue;
      if (index !== runIndex) {
        runIndex = index;
        const found = accs.get(index);
        if (found) acc = found;
        else {
          acc = newAcc();
          accs.set(index, acc);
        }
      }
      const day = days ? (days[i] as number) : i;
      accumulate(acc, agg, i, values[i], day, den ? den[i] : null);
      if (stockByPlace && cats) {
        let m = places.get(index);
        if (!m) {
          m = new Map();
          places.set(index, m);
        }
        const name = categoryName(cats[i]);
        let p = m.get(name);
        if (!p) {
          p = newAcc();
          m.set(name, p);
        }
        accumulate(p, agg, i, values[i], day, null);
      }
    }
    for (const index of [...accs.keys()].sort((a, b) => a - b)) {
      const a = accs.get(index);
      let v = a ? valueOfAcc(a, agg) : null;
      if (stockByPlace && v !== null) {
        v = 0;
        for (const p of places.get(index)?.values() ?? []) v += valueOfAcc(p, agg) ?? 0;
      }
      if (v === null || !Number.isFinite(v) || !a) out.emptyPeriods++;
      else out.points.push({ index, value: v, rows: a.rows });
    }
    const latest = out.points[out.points.length - 1];
    if (latest && cats) {
      // Each category's value in the latest period.
      const rows: number[] = [];
      for (let k = 0; k < nc; k++) {
        const i = counted[k] as number;
        if (period[i] === latest.index) rows.push(i);
      }
      out.categories = [];
      for (const [category, list] of byCategory(rows, cats)) {
        const v = reduceRows(agg, list, values, days, den);
        if (v !== null && Number.isFinite(v)) out.categories.push({ category, value: v, rows: list.length });
      }
    }
    out.inProgress = !!latest && latest.index === currentIndex && (kind === 'dated' || kind === 'reading');
    return out;
  }

  // A formula: the rows of each period (and of each category in the latest one).
  const groups = new Map<number, number[]>();
  for (const i of counted) {
    const index = period[i] as number;
    if (Number.isNaN(index)) continue;
    const g = groups.get(index);
    if (g) g.push(i);
    else groups.set(index, [i]);
  }
  const indexes = [...groups.keys()].sort((a, b) => a - b);
  const rowsOf = (index: number): number[] => groups.get(index) ?? [];

  const valueOfRows = (rows: readonly number[]): number | null => {
    const r = formulaValue(formula, inputs, rows);
    if (r.ok) return r.value;
    out.problem ??= r.problem;
    return null;
  };

  if (isTrend(formula)) {
    // KPI_TREND: the trend of the per-period sums of its first range, up to each period.
    const col = inputs[0] ?? [];
    const sums: number[] = [];
    const sumAt: number[] = [];
    for (const index of indexes) {
      const rows = rowsOf(index).filter((i) => isNum(col[i]));
      const sum = reduceRows('sum', rows, col, days, null);
      if (sum === null) continue;
      sums.push(sum);
      sumAt.push(index);
    }
    for (let k = 1; k < sums.length; k++) {
      const r = trendValue(formula, sums.slice(0, k + 1));
      const index = at(sumAt, k);
      if (r.ok) out.points.push({ index, value: r.value, rows: rowsOf(index).length });
      else {
        out.emptyPeriods++;
        out.problem ??= r.problem;
      }
    }
  } else {
    for (const index of indexes) {
      const rows = rowsOf(index);
      const v = valueOfRows(rows);
      if (v === null || !Number.isFinite(v)) out.emptyPeriods++;
      else out.points.push({ index, value: v, rows: rows.length });
    }
  }

  const latest = out.points[out.points.length - 1];
  if (latest && cats) {
    out.categories = [];
    for (const [category, rows] of byCategory(rowsOf(latest.index), cats)) {
      const v = valueOfRows(rows);
      if (v !== null && Number.isFinite(v)) out.categories.push({ category, value: v, rows: rows.length });
    }
  }
  out.inProgress = !!latest && latest.index === currentIndex && (kind === 'dated' || kind === 'reading');
  return out;
}
