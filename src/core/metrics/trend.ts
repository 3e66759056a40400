import { at, last } from '../arrays';
import { KpiError } from './errors';
import { maxAbs, scaleFor } from './exact';
import { cellNumber, finite, isBlank, series, single, type Arg } from './input';

export const TREND_MODES = ['pct', 'delta', 'slope', 'forecast', 'direction'] as const;
export type TrendMode = (typeof TREND_MODES)[number];

/**
 * Least-squares line through (1, y₀) … (k, y_{k−1}) over `ys[from…]`, in a scaled space: every y
 * is multiplied by `scale` (a power of two, 1 unless a sum could overflow) and centred on the first
 * one, Σ (x − x̄)(y − y_first) being Σ (x − x̄)·y since Σ (x − x̄) = 0. A flat series therefore has
 * a slope of exactly 0 and a mean of exactly its value, whatever its magnitude.
 */
function scaledLine(ys: ArrayLike<number>, from: number) {
  const k = ys.length - from;
  const scale = scaleFor(maxAbs(ys, from));
  const meanX = (k + 1) / 2;
  const first = at(ys, from) * scale;
  let sumDev = 0;
  let sumXY = 0;
  for (let i = 0; i < k; i++) {
    const dev = at(ys, from + i) * scale - first;
    sumDev += dev;
    sumXY += (i + 1 - meanX) * dev;
  }
  const sumXX = (k * (k * k - 1)) / 12; // Σ (x − x̄)² for x = 1…k
  return { slope: sumXY / sumXX, meanX, meanY: first + sumDev / k, scale };
}

/** Least-squares line through (1, y₀) … (k, y_{k−1}) over `ys[from…]`: slope and mean point. */
export function leastSquares(ys: ArrayLike<number>, from = 0): { slope: number; meanX: number; meanY: number } {
  const { slope, meanX, meanY, scale } = scaledLine(ys, from);
  return { slope: slope / scale, meanX, meanY: meanY / scale };
}

/**
 * The last value against the mean of the `p` before it, in a scaled space (see scaledLine): the
 * change is Σ (last − y) / p, exactly 0 on a flat series (last − mean would not be: the mean of
 * three 0.1 is not 0.1).
 */
function changeFromMean(ys: ArrayLike<number>, p: number) {
  const n = ys.length;
  const scale = scaleFor(Math.max(maxAbs(ys, n - 1 - p, n - 1), Math.abs(last(ys))));
  const final = last(ys) * scale;
  let change = 0;
  let base = 0;
  for (let i = n - 1 - p; i < n - 1; i++) {
    const y = at(ys, i) * scale;
    change += final - y;
    base += y;
  }
  return { change: change / p, base: base / p, scale };
}

function need(fn: string, needed: number, got: number): void {
  if (got < needed) throw new KpiError(fn, { code: 'too_few_values', needed, got }, { arg: 'values' });
}

/** Trend of a series (oldest first, already without blanks). */
export function trendOf(ys: ArrayLike<number>, mode: TrendMode, periods?: number): number {
  const fn = 'KPI_TREND';
  const n = ys.length;
  switch (mode) {
    case 'pct':
    case 'delta':
    case 'direction': {
      const p = periods ?? 1;
      need(fn, p + 1, n);
      const { change, base, scale } = changeFromMean(ys, p);
      if (mode === 'direction') return change > 0 ? 1 : change < 0 ? -1 : 0;
      if (mode === 'delta') return finite(fn, change / scale);
      if (base === 0) throw new KpiError(fn, { code: 'change_from_zero' }, { arg: 'values' });
      return finite(fn, change / Math.abs(base)); // the scale cancels
    }
    case 'slope': {
      const k = periods ?? n;
      need(fn, Math.max(2, k), n);
      const line = scaledLine(ys, n - k);
      return finite(fn, line.slope / line.scale);
    }
    case 'forecast': {
      need(fn, 2, n);
      const { slope, meanX, meanY, scale } = scaledLine(ys, 0);
      return finite(fn, (meanY + slope * (n + (periods ?? 1) - meanX)) / scale);
    }
  }
}

function readMode(arg: Arg): TrendMode {
  const fn = 'KPI_TREND';
  const v = single(fn, 'mode', arg);
  if (isBlank(v)) return 'pct';
  if (typeof v !== 'string') throw new KpiError(fn, { code: 'not_text', value: String(v) }, { arg: 'mode' });
  const mode = v.trim().toLowerCase();
  if (!(TREND_MODES as readonly string[]).includes(mode)) {
    throw new KpiError(fn, { code: 'unknown_mode', value: v, modes: [...TREND_MODES] }, { arg: 'mode' });
  }
  return mode as TrendMode;
}

function readPeriods(arg: Arg): number | undefined {
  const fn = 'KPI_TREND';
  const v = single(fn, 'periods', arg);
  if (isBlank(v)) return undefined;
  if (typeof v !== 'number') {
    cellNumber(fn, v, () => ({ arg: 'periods' })); // text, dates, booleans: "is not a number"
  }
  const n = v as number;
  if (!Number.isInteger(n) || n < 1)
    throw new KpiError(fn, { code: 'periods_invalid', value: String(n) }, { arg: 'periods' });
  return n;
}

/** KPI_TREND(values, [mode], [periods]) as typed in a cell. */
export function kpiTrend(values: Arg, mode?: Arg, periods?: Arg): number {
  const m = readMode(mode);
  const p = readPeriods(periods);
  return trendOf(series('KPI_TREND', 'values', values), m, p);
}
