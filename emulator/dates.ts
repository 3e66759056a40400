/** Time zones, Sheets serial numbers and date patterns (Java SimpleDateFormat for Utilities.formatDate). */

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const MS_PER_DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws like Apps Script for an unknown time zone id. */
export function checkTimeZone(timeZone: string): void {
  try {
    formatterFor(timeZone);
  } catch {
    throw new Error(`Invalid argument: timeZone (${timeZone})`);
  }
}

/** The wall clock in `timeZone` at an instant. */
export function wallClock(instant: Date | number, timeZone: string): WallClock {
  const t = typeof instant === 'number' ? instant : instant.getTime();
  const parts = formatterFor(timeZone).formatToParts(new Date(t));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '0';
  let year = Number(get('year'));
  if (get('era') === 'BC') year = 1 - year;
  return {
    year,
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')) % 24,
    minute: Number(get('minute')),
    second: Number(get('second')),
    millisecond: ((t % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(get('weekday')),
  };
}

/** Offset of `timeZone` from UTC at an instant, in ms (Paris in winter: +3 600 000). */
export function zoneOffset(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond) - instant;
}

/**
 * The instant at which the wall clock in `timeZone` shows the given time: the earlier one in a DST
 * overlap; in a DST gap (a time that does not exist that day) the instant the clock jumps past it,
 * as java.time does (02:30 on a spring-forward day reads 03:30).
 *
 * Each candidate offset (the zone's offset a day before, at, and a day after the naive instant)
 * is tried and kept only if it gives back the asked wall clock. Taking the offset at the naive
 * instant alone, then correcting once, lands an hour off on the day a zone east of UTC+12 changes
 * (Pacific/Auckland, Pacific/Chatham, Australia/Lord_Howe): the naive instant is already past that
 * zone's transition while local midnight is before it.
 */
export function fromWallClock(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const offsets = [...new Set([asUtc - MS_PER_DAY, asUtc, asUtc + MS_PER_DAY].map((t) => zoneOffset(t, timeZone)))];
  const candidates = offsets.map((o) => asUtc - o);
  const exact = candidates.filter((t) => {
    const w = wallClock(t, timeZone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond) === asUtc;
  });
  if (exact.length) return new Date(Math.min(...exact));
  // In a gap: the offset in force before the jump puts the time just after it.
  return new Date(asUtc - Math.min(...offsets));
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * Both conversions are pure functions of (instant or serial, zone) but cost several Intl calls
 * each; a sheet of dated rows repeats the same few thousand dates, so they are memoised (bounded:
 * the table is dropped when it grows past MEMO_MAX entries). A Date is returned fresh each time.
 */
const MEMO_MAX = 200_000;
const toSerialMemo = new Map<string, Map<number, number>>();
const toDateMemo = new Map<string, Map<number, number>>();
function memo(table: Map<string, Map<number, number>>, timeZone: string): Map<number, number> {
  let m = table.get(timeZone);
  if (!m || m.size > MEMO_MAX) {
    m = new Map();
    table.set(timeZone, m);
  }
  return m;
}

/** The Sheets serial number (days since 1899-12-30, wall clock of the spreadsheet's zone) of an instant. */
export function dateToSerial(date: Date, timeZone: string): number {
  const t = date.getTime();
  const m = memo(toSerialMemo, timeZone);
  const hit = m.get(t);
  if (hit !== undefined) return hit;
  const w = wallClock(date, timeZone);
  const serial =
    (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond) - SERIAL_EPOCH) / MS_PER_DAY;
  if (!Number.isNaN(t)) m.set(t, serial);
  return serial;
}

/** The instant a serial number stands for in the spreadsheet's zone (rounded to the millisecond, as Sheets does). */
export function serialToDate(serial: number, timeZone: string): Date {
  const m = memo(toDateMemo, timeZone);
  const hit = m.get(serial);
  if (hit !== undefined) return new Date(hit);
  const d = serialToDateUncached(serial, timeZone);
  m.set(serial, d.getTime());
  return d;
}

function serialToDateUncached(serial: number, timeZone: string): Date {
  const utc = new Date(SERIAL_EPOCH + Math.round(serial * MS_PER_DAY));
  return fromWallClock(
    timeZone,
    utc.getUTCFullYear(),
    utc.getUTCMonth() + 1,
    utc.getUTCDate(),
    utc.getUTCHours(),
    utc.getUTCMinutes(),
    utc.getUTCSeconds(),
    utc.getUTCMilliseconds(),
  );
}

/** Wall clock parts of a serial number, without any zone. */
export function serialParts(serial: number): WallClock {
  const utc = new Date(SERIAL_EPOCH + Math.round(serial * MS_PER_DAY));
  return {
    year: utc.getUTCFullYear(),
    month: utc.getUTCMonth() + 1,
    day: utc.getUTCDate(),
    hour: utc.getUTCHours(),
    minute: utc.getUTCMinutes(),
    second: utc.getUTCSeconds(),
    millisecond: utc.getUTCMilliseconds(),
    weekday: utc.getUTCDay(),
  };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');

function dayOfYear(w: WallClock): number {
  return Math.round((Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / MS_PER_DAY) + 1;
}

function offsetText(offsetMs: number, style: 'Z' | 'X' | 'XX' | 'XXX' | 'z'): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const mins = Math.round(Math.abs(offsetMs) / 60000);
  const hh = pad(Math.floor(mins / 60), 2);
  const mm = pad(mins % 60, 2);
  if (style === 'Z') return `${sign}${hh}${mm}`;
  if (offsetMs === 0 && style !== 'z') return 'Z';
  if (style === 'X') return `${sign}${hh}`;
  if (style === 'XX') return `${sign}${hh}${mm}`;
  if (style === 'XXX') return `${sign}${hh}:${mm}`;
  return offsetMs === 0 ? 'GMT' : `GMT${sign}${hh}:${mm}`;
}

/**
 * Utilities.formatDate: Java SimpleDateFormat letters (G y Y M L d D E u a H k K h m s S z Z X w F),
 * English names, quoted literals ('T', '' for a quote).
 */
export function formatSimpleDate(date: Date, timeZone: string, pattern: string): string {
  const w = wallClock(date, timeZone);
  const offset = zoneOffset(date.getTime(), timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      const stop = end < 0 ? pattern.length : end;
      out += pattern.slice(i + 1, stop).replace(/''/g, "'");
      i = stop + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'G':
        out += w.year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1].slice(0, 3) : pad(w.month, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'D':
        out += pad(dayOfYear(w), n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[w.weekday] : DAYS[w.weekday].slice(0, 3);
        break;
      case 'u':
        out += pad(w.weekday === 0 ? 7 : w.weekday, n);
        break;
      case 'F':
        out += pad(Math.floor((w.day - 1) / 7) + 1, n);
        break;
      case 'w': {
        const jan1 = new Date(Date.UTC(w.year, 0, 1)).getUTCDay();
        out += pad(Math.floor((dayOfYear(w) - 1 + jan1) / 7) + 1, n);
        break;
      }
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'k':
        out += pad(w.hour === 0 ? 24 : w.hour, n);
        break;
      case 'K':
        out += pad(w.hour % 12, n);
        break;
      case 'h':
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(w.millisecond, Math.max(n, 3)).slice(0, Math.max(n, 3));
        break;
      case 'z':
        out += n >= 4 ? offsetText(offset, 'z') : shortZoneName(date, timeZone, offset);
        break;
      case 'Z':
        out += offsetText(offset, 'Z');
        break;
      case 'X':
        out += offsetText(offset, n === 1 ? 'X' : n === 2 ? 'XX' : 'XXX');
        break;
      default:
        throw new Error(`Invalid argument: pattern (illegal pattern character '${ch}')`);
    }
  }
  return out;
}

function shortZoneName(date: Date, timeZone: string, offset: number): string {
  if (/^(UTC|Etc\/UTC|GMT|Etc\/GMT)$/.test(timeZone)) return timeZone.replace('Etc/', '');
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
      .formatToParts(date)
      .find((p) => p.type === 'timeZoneName')?.value;
    if (name && !/^GMT[+-]/.test(name)) return name;
  } catch {
    /* fall through */
  }
  return offsetText(offset, 'z');
}
