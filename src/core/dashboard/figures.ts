/**
 * What a dashboard shows for one KPI, computed once in core from the KPI's source (or its
 * archived history) and written as values: the series per period (by period key, so the order
 * of the history sheet's rows changes nothing), the current and previous periods, the same
 * period last year, and status / progress from the one status function (kpi/status.ts).
 * Nothing here is recomputed by the spreadsheet: a dashboard costs no recalculation.
 */
import type { HistoryRow } from '../history/rows';
import { seriesFromHistory } from '../history/series';
import { type Period, parsePeriodKey, periodOf, shiftPeriod } from '../history/periods';
import { dayIso, isoDay } from '../kpi/dates';
import type { Frequency, Kpi } from '../kpi/model';
import { readSeries, type SourceData } from '../kpi/series';
import { elapsedShare, type KpiStatus, kpiStatus } from '../kpi/status';

/** The six words a tile can say. */
export type TileStatus = KpiStatus | 'achieved' | 'no_target';

export interface PeriodPoint {
  /** History key of the period: 2026-06, 2026-W24, 2026-Q2, 2026-06-15. */
  key: string;
  /** ISO first day of the period (the chart's x). */
  start: string;
  value: number;
}

export interface KpiFigures {
  /** One value per period, oldest first (all of them; the plan keeps the window it draws). */
  series: PeriodPoint[];
  current: number | null;
  /** The period before the current one, when it has a value. */
  previous: number | null;
  /** The same period a year before the current one, when it has a value. */
  lastYear: number | null;
  status: TileStatus;
  progress: number | null;
  /** Share of the time from start to deadline already elapsed. */
  expected: number | null;
  /** Why the KPI can't be read (its source sheet was deleted or renamed…): the tile says it. */
  problem: string | null;
}

export const PERIODS_PER_YEAR: Record<Frequency, number> = { daily: 365, weekly: 52, monthly: 12, quarterly: 4 };

export interface FiguresInput {
  kpi: Kpi;
  /** The source as read (a range's cells, or the single cell's value); null with `problem`. */
  data: SourceData | null;
  problem: string | null;
  /** The decoded history rows (any order): a single-cell KPI's past comes from there. */
  history: readonly HistoryRow[];
  /** ISO day, in the spreadsheet's time zone. */
  today: string;
}

const NONE = { current: null, previous: null, lastYear: null, progress: null, expected: null };

/** One value per period: the last value of each calendar period (dated data), or each value as one period back from today. */
function sourceSeries(kpi: Kpi, data: SourceData, today: number): PeriodPoint[] {
  const read = readSeries(data);
  const out: PeriodPoint[] = [];
  if (read.datesUsed) {
    for (const p of read.points) {
      const period = periodOf(p.day!, kpi.frequency);
      const last = out[out.length - 1];
      if (last && last.key === period.key) last.value = p.value;
      else out.push({ key: period.key, start: dayIso(period.start), value: p.value });
    }
    return out;
  }
  // Undated: the last cell is the current period, each earlier cell one period before.
  const now = periodOf(today, kpi.frequency);
  const n = read.points.length;
  return read.points.map((p, i) => {
    const period = shiftPeriod(now, i - (n - 1));
    return { key: period.key, start: dayIso(period.start), value: p.value };
  });
}

function byKey(series: readonly PeriodPoint[], p: Period | null): number | null {
  if (!p) return null;
  return series.find((x) => x.key === p.key)?.value ?? null;
}

export function kpiFigures(input: FiguresInput): KpiFigures {
  const { kpi, today } = input;
  const day = isoDay(today);
  if (input.problem || !input.data || day === null)
    return { series: [], ...NONE, status: 'no_data', problem: input.problem ?? 'no data' };
  let series: PeriodPoint[];
  if (kpi.source.kind === 'cell') {
    // Archived periods by key, then the cell's value now as the current period.
    const past = seriesFromHistory(input.history, kpi).map((p) => ({
      key: p.period,
      start: p.periodStart,
      value: p.value,
    }));
    const now = periodOf(day, kpi.frequency);
    const v = input.data.values[0];
    series = past.filter((p) => p.key !== now.key);
    if (typeof v === 'number' && Number.isFinite(v)) series.push({ key: now.key, start: dayIso(now.start), value: v });
  } else series = sourceSeries(kpi, input.data, day);

  const last = series[series.length - 1] ?? null;
  const lastPeriod = last ? parsePeriodKey(last.key) : null;
  const current = last?.value ?? null;
  const previous = lastPeriod ? byKey(series, shiftPeriod(lastPeriod, -1)) : null;
  const lastYear = lastPeriod ? byKey(series, shiftPeriod(lastPeriod, -PERIODS_PER_YEAR[kpi.frequency])) : null;
  const start = kpi.baseline !== null && kpi.createdAt ? kpi.createdAt : (series[0]?.start ?? null);
  const s = kpiStatus({
    latest: current,
    baseline: kpi.baseline,
    firstValue: series[0]?.value ?? null,
    target: kpi.target,
    direction: kpi.direction,
    start,
    deadline: kpi.deadline,
    today,
  });
  let status: TileStatus = s.status;
  if (current === null) status = 'no_data';
  else if (kpi.target === null) status = 'no_target';
  else if (kpi.direction === 'lower' ? current <= kpi.target : current >= kpi.target) status = 'achieved';
  return {
    series,
    current,
    previous,
    lastYear,
    status,
    progress: kpi.target === null ? null : s.progress,
    expected: kpi.target === null ? null : elapsedShare(start, kpi.deadline, today),
    problem: null,
  };
}
