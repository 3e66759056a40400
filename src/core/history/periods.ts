/**
 * Calendar periods as history keys. A period is named by a key that sorts and reads well in a
 * sheet: `2026-06-15` (daily), `2026-W24` (ISO week, Monday to Sunday, numbered in its ISO
 * week-year), `2026-06` (monthly), `2026-Q2` (quarterly). Days are day numbers since 1970-01-01
 * (see kpi/dates.ts); which day an instant falls on is decided in the spreadsheet's time zone
 * by the caller (time.ts), so nothing here depends on a zone or on daylight saving.
 */
import { group } from '../arrays';
import { dayIso, isoDay, periodIndex, periodStartDay } from '../kpi/dates';
import { FREQUENCIES, type Frequency } from '../kpi/model';

export interface Period {
  frequency: Frequency;
  key: string;
  /** First and last day of the period (day numbers, inclusive). */
  start: number;
  end: number;
  /** Consecutive per frequency (kpi/dates.ts periodIndex): next period = index + 1. */
  index: number;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Monday = 0 … Sunday = 6. 1970-01-01 was a Thursday. */
export const weekday = (day: number): number => (((day + 3) % 7) + 7) % 7;

function ymd(day: number): { y: number; m: number; d: number } {
  const dt = new Date(day * 86_400_000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

const dayOf = (y: number, m: number, d: number): number => Math.round(Date.UTC(y, m - 1, d) / 86_400_000);

/** The ISO week-year and week number of a day: the week belongs to the year of its Thursday. */
export function isoWeek(day: number): { year: number; week: number; monday: number } {
  const monday = day - weekday(day);
  const thursday = monday + 3;
  const year = ymd(thursday).y;
  const week = Math.floor((thursday - dayOf(year, 1, 1)) / 7) + 1;
  return { year, week, monday };
}

/** The Monday of ISO week 1 of a week-year: the week holding January 4th. */
const week1Monday = (year: number): number => {
  const jan4 = dayOf(year, 1, 4);
  return jan4 - weekday(jan4);
};

/** 52 or 53. */
export const isoWeeksInYear = (year: number): number => (week1Monday(year + 1) - week1Monday(year)) / 7;

/** The period of a frequency that holds a day. */
export function periodOf(day: number, frequency: Frequency): Period {
  const { y, m } = ymd(day);
  switch (frequency) {
    case 'daily':
      return { frequency, key: dayIso(day), start: day, end: day, index: periodIndex(day, frequency) };
    case 'weekly': {
      const w = isoWeek(day);
      return {
        frequency,
        key: `${w.year}-W${pad2(w.week)}`,
        start: w.monday,
        end: w.monday + 6,
        index: periodIndex(day, frequency),
      };
    }
    case 'monthly':
      return {
        frequency,
        key: `${y}-${pad2(m)}`,
        start: dayOf(y, m, 1),
        end: dayOf(y, m + 1, 1) - 1,
        index: periodIndex(day, frequency),
      };
    case 'quarterly': {
      const q = Math.floor((m - 1) / 3);
      return {
        frequency,
        key: `${y}-Q${q + 1}`,
        start: dayOf(y, 3 * q + 1, 1),
        end: dayOf(y, 3 * q + 4, 1) - 1,
        index: periodIndex(day, frequency),
      };
    }
  }
}

/** The period with this index (kpi/dates.ts periodIndex). */
export const periodOfIndex = (index: number, frequency: Frequency): Period =>
  periodOf(periodStartDay(index, frequency), frequency);

/** The period a key names, or null when it names none (`2026-W54`, `2026-13`, `2026-Q5`, `2026-02-30`). */
export function parsePeriodKey(key: unknown): Period | null {
  if (typeof key !== 'string') return null;
  const w = /^(\d{4})-W(\d{2})$/.exec(key);
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  const mo = /^(\d{4})-(\d{2})$/.exec(key);
  let period: Period | null = null;
  if (w) {
    const year = +group(w, 1);
    const week = +group(w, 2);
    if (week >= 1 && week <= isoWeeksInYear(year)) period = periodOf(week1Monday(year) + 7 * (week - 1), 'weekly');
  } else if (q) {
    period = periodOf(dayOf(+group(q, 1), 3 * (+group(q, 2) - 1) + 1, 1), 'quarterly');
  } else if (mo) {
    const month = +group(mo, 2);
    if (month >= 1 && month <= 12) period = periodOf(dayOf(+group(mo, 1), month, 1), 'monthly');
  } else {
    const day = isoDay(key);
    if (day !== null) period = periodOf(day, 'daily');
  }
  // Round trip: rejects what Date.UTC would silently roll over.
  return period && period.key === key ? period : null;
}

/** The frequency a key is written in, or null. */
export const frequencyOfKey = (key: unknown): Frequency | null => parsePeriodKey(key)?.frequency ?? null;

/** The period `n` periods after (or before, n < 0) `p`. */
export function shiftPeriod(p: Period, n: number): Period {
  if (n === 0) return p;
  switch (p.frequency) {
    case 'daily':
      return periodOf(p.start + n, 'daily');
    case 'weekly':
      return periodOf(p.start + 7 * n, 'weekly');
    case 'monthly':
    case 'quarterly': {
      const { y, m } = ymd(p.start);
      const months = p.frequency === 'monthly' ? n : 3 * n;
      return periodOf(dayOf(y, m + months, 1), p.frequency);
    }
  }
}

/** Every period of a frequency that touches the days [from, to], in order. */
export function periodsBetween(from: number, to: number, frequency: Frequency): Period[] {
  const out: Period[] = [];
  if (to < from) return out;
  for (let p = periodOf(from, frequency); p.start <= to; p = shiftPeriod(p, 1)) out.push(p);
  return out;
}

export const isFrequency = (v: unknown): v is Frequency => (FREQUENCIES as readonly unknown[]).includes(v);
