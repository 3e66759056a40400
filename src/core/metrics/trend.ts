import { at, last } from '../arrays';
import { KpiError } from './errors';
import { cellNumber, finite, isBlank, series, single, type Arg } from './input';

export const TREND_MODES = ['pct', 'delta', 'slope', 'forecast', 'direction'] as const;
export type TrendMode = (typeof TREND_MODES)[number];

/** Least-squares line through (1, y₀) … (k, y_{k−1}) over `ys[from…]`: slope and mean point. */
export function leastSquares(ys: ArrayLike<number>, from = 0): { slope: number; meanX: number; meanY: number } {
  const k = ys.length - from;
  const meanX = (k + 1) / 2;
  let sumY = 0;
  let sumXY = 0; // Σ (x − x̄)·y, which equals Σ (x − x̄)(y − ȳ)
  for (let i = 0; i < k; i++) {
    const y = at(ys, from + i);
    sumY += y;
    sumXY += (i + 1 - meanX) * y;
  }
  const sumXX = (k * (k * k - 1)) / 12; // Σ (x − x̄)² for x = 1…k
  return { slope: sumXY / sumXX, meanX, meanY: sumY / k };
}

const meanOfSlice = (ys: ArrayLike<number>, from: number, to: number): number => {
  let s = 0;
  for (let i = from; i < to; i++) s += at(ys, i);
  return s / (to - from);
};

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
      const base = meanOfSlice(ys, n - 1 - p, n - 1);
      const delta = last(ys) - base;
      if (mode === 'delta') return finite(fn, delta);
      if (mode === 'direction') return Math.sign(delta);
      if (base === 0) throw new KpiError(fn, { code: 'change_from_zero' }, { arg: 'values' });
      return finite(fn, delta / Math.abs(base));
    }
    case 'slope': {
      const k = periods ?? n;
      need(fn, Math.max(2, k), n);
      return finite(fn, leastSquares(ys, n - k).slope);
    }
    case 'forecast': {
      need(fn, 2, n);
      const { slope, meanX, meanY } = leastSquares(ys);
      return finite(fn, meanY + slope * (n + (periods ?? 1) - meanX));
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
