/**
 * On track / at risk / off track: progress to target compared with the share of the time
 * elapsed between the first measurement and the deadline.
 */
import { progressToTarget } from '../metrics/progress';
import { isoDay } from './dates';
import type { Direction, Frequency } from './model';

export type KpiStatus = 'on_track' | 'at_risk' | 'off_track' | 'no_data';

/** Average period lengths in days, to place undated values in time. */
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
  /** ISO date of the first measurement, when known. */
  start: string | null;
  deadline: string;
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

export function kpiStatus(input: StatusInput): { status: KpiStatus; progress: number | null; expected: number | null } {
  const { latest, target, direction } = input;
  const baseline = input.baseline ?? input.firstValue;
  if (latest === null || target === null) return { status: 'no_data', progress: null, expected: null };
  const reached = direction === 'higher' ? latest >= target : latest <= target;
  if (reached)
    return {
      status: 'on_track',
      progress: baseline === null ? 1 : (progressToTarget(latest, target, baseline) ?? 1),
      expected: null,
    };
  if (baseline === null) return { status: 'no_data', progress: null, expected: null };
  const progress = progressToTarget(latest, target, baseline);
  if (progress === null) return { status: 'off_track', progress: null, expected: null };
  const expected = elapsedShare(input.start, input.deadline, input.today) ?? 0;
  if (isoDay(input.today)! >= (isoDay(input.deadline) ?? Infinity))
    return { status: 'off_track', progress, expected: 1 };
  const behind = expected - progress;
  const status = behind <= ON_TRACK_SLACK ? 'on_track' : behind <= AT_RISK_SLACK ? 'at_risk' : 'off_track';
  return { status, progress, expected };
}
