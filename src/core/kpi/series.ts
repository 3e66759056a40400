import { at } from '../arrays';
import { isoDay, periodIndex } from './dates';
import type { Direction, Frequency } from './model';

/** A KPI source's cells as read from the sheet, oldest first. JSON: crosses google.script.run. */
export interface SourceData {
  /** The source's cells, oldest first; null (or "") for a blank cell. */
  values: (number | string | boolean | null)[];
  /** ISO dates aligned with `values`, when the KPI has a dates range. */
  dates?: (string | null)[];
  /** How often the rows themselves have a value, before any aggregation per period (when known). */
  granularity?: Granularity | null;
}

/** How often the data itself has a value: from the median gap between its dates. */
export type Granularity = Frequency | 'yearly';
export const GRANULARITIES: readonly Granularity[] = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'];
export const GRANULARITY_RANK: Record<Granularity, number> = {
  daily: 0,
  weekly: 1,
  monthly: 2,
  quarterly: 3,
  yearly: 4,
};

export interface CellCounts {
  cells: number;
  numbers: number;
  blanks: number;
  /** Non-blank cells that are not numbers: text, booleans, error strings. */
  texts: number;
  /** The first such cell, for the message. */
  sampleText: string | null;
}

export interface Point {
  value: number;
  day: number | null;
}

/** The day of a point of a dated series (`datesUsed`: every point has one); a point without one is a bug. */
export function dayOf(p: Point): number {
  if (p.day === null) throw new RangeError('an undated point in a dated series');
  return p.day;
}

export interface ReadSeries extends CellCounts {
  /** The numbers, oldest first (sorted by date when dates are used). */
  points: Point[];
  /** True when every number has a valid date and there are at least two: dates then drive the periods. */
  datesUsed: boolean;
  /** Numbers without a valid ISO date, when a dates array was given. */
  undated: number;
  granularity: Granularity | null;
}

const isBlank = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Reads the cells defensively: anything that is not a finite number is blank or text. */
export function readSeries(data: unknown): ReadSeries {
  const d = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const values: unknown[] = Array.isArray(d.values) ? d.values : [];
  const dates: unknown[] | null = Array.isArray(d.dates) ? d.dates : null;
  const out: ReadSeries = {
    cells: values.length,
    numbers: 0,
    blanks: 0,
    texts: 0,
    sampleText: null,
    points: [],
    datesUsed: false,
    undated: 0,
    granularity: null,
  };
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number' && Number.isFinite(v)) {
      out.numbers++;
      out.points.push({ value: v, day: dates ? isoDay(dates[i]) : null });
    } else if (isBlank(v)) out.blanks++;
    else {
      out.texts++;
      if (out.sampleText === null) out.sampleText = typeof v === 'string' ? v.trim() : String(v);
    }
  }
  if (dates) {
    out.undated = out.points.filter((p) => p.day === null).length;
    out.datesUsed = out.undated === 0 && out.points.length >= 2;
    if (out.datesUsed) {
      out.points = out.points
        .map((p, i) => ({ p, i }))
        .sort((a, b) => dayOf(a.p) - dayOf(b.p) || a.i - b.i)
        .map((x) => x.p);
      out.granularity = granularityOf(out.points.map(dayOf));
    }
  }
  if (!out.datesUsed) out.points = out.points.map((p) => ({ value: p.value, day: null }));
  return out;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? at(s, m) : (at(s, m - 1) + at(s, m)) / 2;
};

/** Daily up to 1.5 days between values, weekly up to 10, monthly up to 45, quarterly up to 135, yearly beyond. */
export function granularityOf(sortedDays: readonly number[]): Granularity | null {
  const gaps: number[] = [];
  for (let i = 1; i < sortedDays.length; i++) {
    const gap = at(sortedDays, i) - at(sortedDays, i - 1);
    if (gap > 0) gaps.push(gap);
  }
  if (!gaps.length) return null;
  const g = median(gaps);
  return g <= 1.5 ? 'daily' : g <= 10 ? 'weekly' : g <= 45 ? 'monthly' : g <= 135 ? 'quarterly' : 'yearly';
}

/** One value per KPI period: the last value of each calendar period (dated), or each value as one period (undated). */
export interface PeriodValue {
  index: number;
  value: number;
}

export function valuesPerPeriod(points: readonly Point[], frequency: Frequency): PeriodValue[] {
  if (points[0]?.day == null) return points.map((p, i) => ({ index: i, value: p.value }));
  const out: PeriodValue[] = [];
  for (const p of points) {
    const index = periodIndex(dayOf(p), frequency);
    const previous = out[out.length - 1];
    if (previous?.index === index) previous.value = p.value;
    else out.push({ index, value: p.value });
  }
  return out;
}

export type RateKind = 'relative' | 'absolute';

/**
 * Relative (compound %) rates when every value involved is positive, absolute changes otherwise
 * (NPS around zero, a rate that hit 0).
 */
export function rateKindFor(values: readonly number[]): RateKind {
  return values.every((v) => v > 0) ? 'relative' : 'absolute';
}

/** The change per period from `a` to `b` over `periods` periods. */
export function ratePerPeriod(a: number, b: number, periods: number, kind: RateKind): number {
  return kind === 'relative' ? (b / a) ** (1 / periods) - 1 : (b - a) / periods;
}

/**
 * The paces the history HELD over stretches as long as `window` periods (the time left to the
 * deadline): from each period value to the first one at least `window` periods later, the change
 * per period over that stretch (a gap of k periods counts as k). A history shorter than the
 * window gives its whole span, once; `window` in the answer is the stretch measured.
 * Unlike the single-period changes, one lucky period compounded over the window never shows
 * here: a rate whose peak is 7.9 % gets no pace that would take it far beyond what it sustained.
 */
export function windowRates(
  series: readonly PeriodValue[],
  kind: RateKind,
  window: number,
): { rates: number[]; window: number } {
  const rates: number[] = [];
  if (series.length < 2) return { rates, window: 0 };
  const span = at(series, series.length - 1).index - at(series, 0).index;
  const w = Math.max(1, Math.min(Math.floor(window), span));
  let j = 1;
  for (let i = 0; i < series.length - 1; i++) {
    const from = at(series, i);
    if (j <= i) j = i + 1;
    while (j < series.length && at(series, j).index - from.index < w) j++;
    if (j >= series.length) break;
    const to = at(series, j);
    rates.push(ratePerPeriod(from.value, to.value, to.index - from.index, kind));
  }
  return { rates, window: w };
}

/** A change seen from the good side: positive means progress, whichever the KPI's direction. */
export const goodSide = (rate: number, direction: Direction): number => (direction === 'lower' ? -rate : rate);

/** Where `current` ends after `periods` periods at `rate`. */
export function project(current: number, rate: number, periods: number, kind: RateKind): number {
  return kind === 'relative' ? current * (1 + rate) ** periods : current + rate * periods;
}

/** Periods needed to go from `current` to `target` at `rate` (Infinity when the rate never gets there). */
export function periodsNeeded(current: number, target: number, rate: number, kind: RateKind): number {
  const n = kind === 'relative' ? Math.log(target / current) / Math.log(1 + rate) : (target - current) / rate;
  return Number.isFinite(n) && n >= 0 ? n : Infinity;
}
