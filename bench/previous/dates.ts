/*
 * The previous design (main before #10), kept verbatim for `npm run bench` to measure against in the same run.
 * Not used by the add-on.
 */
import { group } from '../../src/core/arrays';
import type { Frequency } from '../../src/core/kpi/model';

/** Days since 1970-01-01 of an ISO calendar date `YYYY-MM-DD`, or null if it is not a real date. */
export function isoDay(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const y = +group(m, 1);
  const mo = +group(m, 2);
  const d = +group(m, 3);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2025-02-30 over to March: a round trip catches it. Years 0–99 are mapped to 19xx by Date.UTC.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / 86_400_000);
}

export const isIsoDate = (text: unknown): text is string => isoDay(text) !== null;

/** The ISO date of a day number. */
export function dayIso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The calendar period a day falls in, as a consecutive integer: consecutive days, ISO weeks
 * (Monday to Sunday), calendar months and calendar quarters each get consecutive numbers, so
 * the difference of two indexes is the number of period boundaries between the two days.
 */
export function periodIndex(day: number, frequency: Frequency): number {
  switch (frequency) {
    case 'daily':
      return day;
    case 'weekly':
      return Math.floor((day + 3) / 7); // 1970-01-01 was a Thursday; weeks start on Monday
    case 'monthly':
    case 'quarterly': {
      const d = new Date(day * 86_400_000);
      const months = d.getUTCFullYear() * 12 + d.getUTCMonth();
      return frequency === 'monthly' ? months : Math.floor(months / 3);
    }
  }
}
