/**
 * THE rule for a KPI's start, progress and status. The sidebar, the history, the refresh and
 * (mirrored as formulas, tested against this) the dashboards all use `assessKpi`.
 *
 * 1. The judged period. A KPI's current value is its latest period's (aggregation.ts). A period
 *    still in progress (today falls in it: "month to date") is shown as such and NOT judged
 *    against a full period: status, progress and changes use the latest COMPLETE period. Two
 *    exceptions, where the latest reading already is the state now: `last` (a stock: open
 *    tickets, cash) and single-cell sources (a reading; its history archives the period's last
 *    reading). An undated table has no period in progress (each cell is a period's figure).
 * 2. The start of the way to the target: the day the KPI was created when its baseline was
 *    entered then; otherwise the first day of its first period with a value (for an undated
 *    table, one period per cell back from today's; for a single cell, its first archived period).
 * 3. The baseline: the KPI's, else the first period's value.
 * 4. The moment of judgement ("as of"): the judged period's last day, or today when it is
 *    still running. The archived status of a period and the sidebar's status of the same period
 *    therefore agree, whatever day each is computed.
 * 5. The status, in this order:
 *    - no_data: no judged period (no value, or only a period in progress);
 *    - no_target: a value but no target;
 *    - achieved: the judged value meets the target (≥ for higher-is-better, ≤ for lower);
 *    - off_track: the deadline is reached (as of ≥ deadline) and the target is not, or progress
 *      cannot be measured (target = baseline);
 *    - otherwise progress = (value − baseline) ÷ (target − baseline) against the share of time
 *      elapsed from start to deadline as of the judgement: behind by at most ON_TRACK_SLACK →
 *      on_track, at most AT_RISK_SLACK → at_risk, further → off_track.
 */
import { progressToTarget } from '../metrics/progress';
import type { KpiSeries, PeriodPoint } from './aggregation';
import { dayIso, isoDay, periodEndDay, periodStartDay } from './dates';
import type { Direction, Frequency, Kpi } from './model';

export const KPI_STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_target', 'no_data'] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];

/** Average period lengths in days (SMART's estimates for undated values). */
export const PERIOD_DAYS: Record<Frequency, number> = {
  daily: 1,
  weekly: 7,
  monthly: 365.25 / 12,
  quarterly: 365.25 / 4,
};

/** Behind the schedule by at most this share of the way: still on track. */
export const ON_TRACK_SLACK = 0.1;
/** Behind by more than ON_TRACK_SLACK and at most this: at risk; further behind: off track. */
export const AT_RISK_SLACK = 0.25;

export interface StatusInput {
  latest: number | null;
  /** Where the KPI started; defaults to the first value of the series. */
  baseline: number | null;
  firstValue: number | null;
  target: number | null;
  direction: Direction;
  /** ISO date of the start of the way to the target, when known. */
  start: string | null;
  deadline: string;
  /** ISO date the judgement is made as of. */
  today: string;
}

/** The share of the way from start to deadline already elapsed, 0–1; null when unknown. */
export function elapsedShare(start: string | null, deadline: string, today: string): number | null {
  const s = isoDay(start);
  const d = isoDay(deadline);
  const t = isoDay(today);
  if (s === null || d === null || t === null) return null;
  if (d <= s) return t >= d ? 1 : 0;
  return Math.min(1, Math.max(0, (t - s) / (d - s)));
}

/** Rule 5, on numbers already chosen by rules 1–4. */
export function kpiStatus(input: StatusInput): { status: KpiStatus; progress: number | null; expected: number | null } {
  const { latest, target, direction } = input;
  if (latest === null) return { status: 'no_data', progress: null, expected: null };
  if (target === null) return { status: 'no_target', progress: null, expected: null };
  const baseline = input.baseline ?? input.firstValue;
  const reached = direction === 'higher' ? latest >= target : latest <= target;
  if (reached)
    return {
      status: 'achieved',
      progress: baseline === null ? 1 : (progressToTarget(latest, target, baseline) ?? 1),
      expected: null,
    };
  if (baseline === null) return { status: 'no_data', progress: null, expected: null };
  const progress = progressToTarget(latest, target, baseline);
  if (progress === null) return { status: 'off_track', progress: null, expected: null };
  const expected = elapsedShare(input.start, input.deadline, input.today) ?? 0;
  if ((isoDay(input.today) ?? -Infinity) >= (isoDay(input.deadline) ?? Infinity))
    return { status: 'off_track', progress, expected: 1 };
  const behind = expected - progress;
  const status = behind <= ON_TRACK_SLACK ? 'on_track' : behind <= AT_RISK_SLACK ? 'at_risk' : 'off_track';
  return { status, progress, expected };
}

export type AssessedKpi = Pick<Kpi, 'baseline' | 'target' | 'direction' | 'deadline' | 'createdAt'>;

export interface Assessment {
  status: KpiStatus;
  /** Share of the way from baseline to target covered by the judged value (not clamped); null when unknown. */
  progress: number | null;
  /** Share of the time from start to deadline elapsed as of the judgement; null when not needed. */
  expected: number | null;
  /** The latest period (possibly in progress), or null. */
  current: PeriodPoint | null;
  /** True when `current` is today's period, still running. */
  currentInProgress: boolean;
  /** The period the status is about (rule 1), or null. */
  judged: PeriodPoint | null;
  /** The point before the judged one, for "vs previous period"; null when there is none. */
  previous: PeriodPoint | null;
  /** ISO start of the way to the target (rule 2). */
  start: string | null;
  /** The baseline used (rule 3). */
  baseline: number | null;
  /** ISO day of the judgement (rule 4). */
  asOf: string | null;
}

/** Whether the series' in-progress period is judged (rule 1). */
export const judgesPeriodInProgress = (series: Pick<KpiSeries, 'kind' | 'aggregation'>): boolean =>
  series.kind === 'reading' || series.aggregation === 'last';

/**
 * Rules 1–5 for a KPI and its series (aggregation.ts seriesOf; for a single cell, its archived
 * periods followed by today's reading). `today` is a day number in the spreadsheet's zone.
 */
export function assessKpi(kpi: AssessedKpi, series: KpiSeries, today: number): Assessment {
  const pts = series.points;
  const current = pts[pts.length - 1] ?? null;
  const currentInProgress = !!current && series.inProgress;
  const judgedAt = currentInProgress && !judgesPeriodInProgress(series) ? pts.length - 2 : pts.length - 1;
  const judged = pts[judgedAt] ?? null;
  const previous = pts[judgedAt - 1] ?? null;
  const first = pts[0] ?? null;
  const f = series.frequency;

  let start: string | null = null;
  if (kpi.baseline !== null && kpi.createdAt && isoDay(kpi.createdAt) !== null) start = kpi.createdAt;
  else if (first) start = dayIso(periodStartDay(first.index, f));

  const baseline = kpi.baseline ?? first?.value ?? null;
  let asOf: string | null = null;
  if (judged) {
    const end = judged === current && currentInProgress ? today : Math.min(today, periodEndDay(judged.index, f));
    asOf = dayIso(end);
  }
  const { status, progress, expected } = kpiStatus({
    latest: judged ? judged.value : null,
    baseline,
    firstValue: first ? first.value : null,
    target: kpi.target,
    direction: kpi.direction,
    start,
    deadline: kpi.deadline,
    today: asOf ?? dayIso(today),
  });
  return { status, progress, expected, current, currentInProgress, judged, previous, start, baseline, asOf };
}
