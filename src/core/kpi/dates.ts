import { group } from '../arrays';
import type { Frequency } from './model';

/*
 * Calendar days as integers (days since 1970-01-01, UTC calendar) and the periods they fall in.
 * Pure integer arithmetic: a refresh places hundreds of thousands of rows in their periods, and
 * building a Date per row is what made it slow.
 */

/** The calendar date of a day number (proleptic Gregorian; H. Hinnant's civil_from_days). */
export function civilOf(day: number): { y: number; m: number; d: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** The day number of a calendar date; months and days out of range roll over like Date.UTC. */
export function dayOfCivil(y: number, m: number, d: number): number {
  const yy = y + Math.floor((m - 1) / 12);
  const mm = ((((m - 1) % 12) + 12) % 12) + 1;
  const y2 = mm <= 2 ? yy - 1 : yy;
  const era = Math.floor(y2 / 400);
  const yoe = y2 - era * 400;
  const doy = Math.floor((153 * (mm > 2 ? mm - 3 : mm + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const daysInMonth = (y: number, m: number): number => dayOfCivil(y, m + 1, 1) - dayOfCivil(y, m, 1);

/** A real calendar date (2025-02-30 is not), years 1000–9999. */
const validDate = (y: number, m: number, d: number): boolean =>
  y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);

/** Days since 1970-01-01 of an ISO calendar date `YYYY-MM-DD`, or null if it is not a real date. */
export function isoDay(text: unknown): number | null {
  if (typeof text !== 'string' || text.length !== 10) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const y = +group(m, 1);
  const mo = +group(m, 2);
  const d = +group(m, 3);
  return validDate(y, mo, d) ? dayOfCivil(y, mo, d) : null;
}

export const isIsoDate = (text: unknown): text is string => isoDay(text) !== null;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** The ISO date of a day number. */
export function dayIso(day: number): string {
  const { y, m, d } = civilOf(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
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
      const { y, m } = civilOf(day);
      const months = y * 12 + m - 1;
      return frequency === 'monthly' ? months : Math.floor(months / 3);
    }
    default:
      return unknownFrequency(frequency);
  }
}

/** A frequency that is none of the four (a corrupted row that got past validation) is a bug: say so. */
function unknownFrequency(f: never): never {
  throw new Error(`unknown frequency ${JSON.stringify(f)}`);
}

/** The first day of the period with this index (the inverse of periodIndex). */
export function periodStartDay(index: number, frequency: Frequency): number {
  switch (frequency) {
    case 'daily':
      return index;
    case 'weekly':
      return index * 7 - 3;
    case 'monthly':
      return dayOfCivil(Math.floor(index / 12), (((index % 12) + 12) % 12) + 1, 1);
    case 'quarterly':
      return periodStartDay(index * 3, 'monthly');
    default:
      return unknownFrequency(frequency);
  }
}

/** The last day of the period with this index. */
export const periodEndDay = (index: number, frequency: Frequency): number => periodStartDay(index + 1, frequency) - 1;

// ---------------------------------------------------------------------------------------------
// Dates typed as text

/** How a column writes its dates: day first (15/03/2025, most of the world) or month first (03/15/2025, US). */
export type DateOrder = 'dmy' | 'mdy';

/** Locales that write month first (Sheets' en_US and the few that follow it); every other one writes day first. */
const MONTH_FIRST = new Set(['en_US', 'en_PH', 'es_US', 'fil_PH', 'en_BZ', 'en_FM', 'en_MH', 'en_PW']);

export const dateOrderOfLocale = (locale: string | null | undefined): DateOrder =>
  locale && MONTH_FIRST.has(locale.replace('-', '_')) ? 'mdy' : 'dmy';

const NUMERIC_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A two-digit year as Sheets reads it when typed: 00–29 are 2000–2029, 30–99 are 1930–1999
 * (Google Sheets help, "Date and number formats": the century cut-off is 1930).
 */
const fullYear = (y: string): number => (y.length === 4 ? +y : +y < 30 ? 2000 + +y : 1900 + +y);

/**
 * The order a column of text dates is written in, from the dates themselves: a first number
 * above 12 can only be a day, a second one above 12 only a day too. When no date settles it,
 * the spreadsheet's locale decides.
 */
export function dateOrderOf(texts: Iterable<unknown>, fallback: DateOrder): DateOrder {
  let dmy = false;
  let mdy = false;
  for (const t of texts) {
    if (typeof t !== 'string') continue;
    const m = NUMERIC_DATE.exec(t.trim());
    if (!m) continue;
    if (+group(m, 1) > 12) dmy = true;
    if (+group(m, 2) > 12) mdy = true;
    if (dmy && mdy) break;
  }
  return dmy === mdy ? fallback : dmy ? 'dmy' : 'mdy';
}

/**
 * The day of a date typed as text: ISO (2025-03-15, with or without a time), or numeric in the
 * column's order (15/03/2025, 15.03.2025, 15-03-25; a time after it is ignored). Null when it
 * is not a real date.
 */
export function textDay(text: string, order: DateOrder): number | null {
  const s = text.trim();
  let m = ISO_DATE.exec(s);
  if (m) {
    const y = +group(m, 1);
    const mo = +group(m, 2);
    const d = +group(m, 3);
    return validDate(y, mo, d) ? dayOfCivil(y, mo, d) : null;
  }
  m = NUMERIC_DATE.exec(s);
  if (!m) return null;
  const a = +group(m, 1);
  const b = +group(m, 2);
  const y = fullYear(group(m, 3));
  const [d, mo] = order === 'dmy' ? [a, b] : [b, a];
  return validDate(y, mo, d) ? dayOfCivil(y, mo, d) : null;
}
