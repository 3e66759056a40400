/**
 * What a dashboard row should show, computed with the core's own functions (kpiStatus, trendOf,
 * progressToTarget) from the same cells the formulas read: the reference the engine's results
 * are compared with.
 */
import { dayIso, isoDay, periodIndex } from '../../../src/core/kpi/dates';
import type { Direction, Frequency } from '../../../src/core/kpi/model';
import { kpiStatus, PERIOD_DAYS, type KpiStatus } from '../../../src/core/kpi/status';
import { trendOf } from '../../../src/core/metrics/trend';
import { PERIODS_PER_YEAR, WINDOW } from '../../../src/core/dashboard/layout';

export type Cell = number | string | null;

export interface OracleKpi {
  baseline: number | null;
  target: number | null;
  direction: Direction;
  deadline: string;
  frequency: Frequency;
  benchmark: number | null;
  createdAt?: string;
}

export interface Expected {
  current: number | null;
  previous: number | null;
  status: KpiStatus;
  progress: number | null;
  vsPrevious: number | null;
  vsLastYear: number | null;
  vsBenchmark: number | null;
  /** Chart points, oldest first: period (ISO date, or position when undated) and value. */
  points: { x: string | number; value: number }[];
  /** Where the way to the target starts (as the sidebar's status takes it). */
  start: string | null;
}

const change = (a: number | null, b: number | null): number | null =>
  a === null || b === null || b === 0 ? null : (a - b) / Math.abs(b);

/** EDATE(day, -12): the same calendar day a year earlier, the last day of the month when it has none. */
function yearBefore(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function samePeriodLastYear(day: number, other: number, frequency: Frequency): boolean {
  if (frequency === 'daily') return dayIso(other) === yearBefore(dayIso(day));
  return periodIndex(other, frequency) === periodIndex(day, frequency) - PERIODS_PER_YEAR[frequency];
}

function finish(
  kpi: OracleKpi,
  today: string,
  latest: number | null,
  previous: number | null,
  first: number | null,
  start: string | null,
  yoy: number | null,
  points: Expected['points'],
): Expected {
  // src/addon/api.ts startOf: the creation day when the baseline was entered then.
  if (kpi.baseline !== null && kpi.createdAt) start = kpi.createdAt;
  const { status, progress } = kpiStatus({
    latest,
    baseline: kpi.baseline,
    firstValue: first,
    target: kpi.target,
    direction: kpi.direction,
    start,
    deadline: kpi.deadline,
    today,
  });
  return {
    current: latest,
    previous,
    status,
    progress,
    vsPrevious: change(latest, previous),
    vsLastYear: change(latest, yoy),
    vsBenchmark: change(latest, kpi.benchmark),
    points,
    start,
  };
}

/** A KPI over a range of cells (oldest first), with aligned ISO dates or none. */
export function expectRange(kpi: OracleKpi, cells: Cell[], dates: (string | null)[] | null, today: string): Expected {
  const nums = cells
    .map((v, i) => ({ v, pos: i + 1, date: dates ? dates[i] : null }))
    .filter((x): x is { v: number; pos: number; date: string | null } => typeof x.v === 'number');
  const n = nums.length;
  const latest = n ? nums[n - 1].v : null;
  const previous = n >= 2 ? nums[n - 2].v : null;
  if (n >= 2 && previous !== 0) {
    // The dashboard's "vs previous period" is KPI_TREND's default (pct over one period).
    const t = trendOf(
      nums.map((x) => x.v),
      'pct',
    );
    if (Math.abs(t - change(latest, previous)!) > 1e-12) throw new Error('oracle: trendOf disagrees');
  }
  let start: string | null = null;
  let yoy: number | null = null;
  // As SheetReader reads: trailing blanks are not data; dates are cut at the same place.
  let end = cells.length;
  while (end > 0 && (cells[end - 1] === null || cells[end - 1] === '')) end--;
  if (n && dates) {
    start = dates.slice(0, end).find((d) => isoDay(d) !== null) ?? null;
    const lastDay = isoDay(nums[n - 1].date);
    if (lastDay !== null) {
      const found = nums.filter(
        (x) => isoDay(x.date) !== null && samePeriodLastYear(lastDay, isoDay(x.date)!, kpi.frequency),
      );
      yoy = found.length ? found[found.length - 1].v : null;
    }
  } else if (n) {
    const t = isoDay(today)!;
    start = dayIso(Math.round(t - (end - 1) * PERIOD_DAYS[kpi.frequency]));
    const p = PERIODS_PER_YEAR[kpi.frequency];
    yoy = n > p ? nums[n - 1 - p].v : null;
  }
  const points = nums
    .slice(Math.max(0, n - WINDOW[kpi.frequency]))
    .map((x) => ({ x: dates ? (x.date as string) : x.pos, value: x.v }));
  return finish(kpi, today, latest, previous, n ? nums[0].v : null, start, yoy, points);
}

export interface HistoryRow {
  kpiId: string;
  period: string;
  periodStart: string;
  value: Cell;
}

/** The key of the period a day falls in, as the history writes it. */
export function periodKey(iso: string, frequency: Frequency): string {
  const [y, m] = iso.split('-').map(Number);
  switch (frequency) {
    case 'daily':
      return iso;
    case 'monthly':
      return iso.slice(0, 7);
    case 'quarterly':
      return `${y}-Q${Math.ceil(m / 3)}`;
    case 'weekly': {
      const day = isoDay(iso)!;
      const weekday = (((day + 3) % 7) + 7) % 7; // Monday 0
      const thursday = day - weekday + 3;
      const year = new Date(thursday * 86_400_000).getUTCFullYear();
      const week = Math.floor((thursday - isoDay(`${year}-01-01`)!) / 7) + 1;
      return `${year}-W${String(week).padStart(2, '0')}`;
    }
  }
}

/** A KPI read from one cell, its past from the history sheet. */
export function expectCell(
  kpi: OracleKpi & { id: string },
  live: Cell,
  history: HistoryRow[],
  today: string,
): Expected {
  const current = periodKey(today, kpi.frequency);
  const mine = history.filter((h) => h.kpiId === kpi.id && typeof h.value === 'number');
  const past = mine.filter((h) => h.period !== current);
  const latest = typeof live === 'number' ? live : null;
  const previous = past.length ? (past[past.length - 1].value as number) : null;
  const first = past.length ? (past[0].value as number) : latest;
  const start = past.length ? past[0].periodStart : null;
  const lastYear = `${Number(current.slice(0, 4)) - 1}${current.slice(4)}`;
  const yoyRows = mine.filter((h) => h.period === lastYear);
  const yoy = yoyRows.length ? (yoyRows[yoyRows.length - 1].value as number) : null;
  const points: Expected['points'] = past
    .slice(Math.max(0, past.length - (WINDOW[kpi.frequency] - 1)))
    .map((h) => ({ x: h.periodStart, value: h.value as number }));
  if (latest !== null) points.push({ x: today, value: latest });
  return finish(kpi, today, latest, previous, first, start, yoy, points);
}
