/**
 * Instants read in a time zone, without a service call: which calendar day an instant is in the
 * spreadsheet's zone (so a run at 00:30 in Paris on a daylight-saving day belongs to that
 * Paris day, not to the UTC one), and ISO date-times with the zone's offset for the logs.
 * Intl is part of V8, Apps Script's runtime included; the shell falls back to
 * Utilities.formatDate when a zone is unknown to the runtime.
 */
import { isoDay } from '../kpi/dates';

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Reads instants as wall-clock times in `timeZone`; throws a RangeError for an unknown zone. */
export function wallClockIn(timeZone: string): (d: Date) => WallClock {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (d: Date) => {
    const parts: Record<string, string> = {};
    for (const p of format.formatToParts(d)) parts[p.type] = p.value;
    return { year: +parts.year, month: +parts.month, day: +parts.day, hour: +parts.hour % 24, minute: +parts.minute, second: +parts.second };
  };
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** `2026-06-15T08:00:00+02:00`: the wall-clock time in the zone and the zone's offset then. */
export function isoDateTimeIn(timeZone: string): (d: Date) => string {
  const wall = wallClockIn(timeZone);
  return (d: Date) => {
    const w = wall(d);
    const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    const offsetMin = Math.round((asUtc - Math.floor(d.getTime() / 1000) * 1000) / 60_000);
    const sign = offsetMin < 0 ? '-' : '+';
    return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.trunc(offsetMin / 60))}:${pad(offsetMin % 60)}`;
  };
}

/** The day number (since 1970-01-01) an instant falls on in the zone. */
export function dayIn(timeZone: string): (d: Date) => number {
  const wall = wallClockIn(timeZone);
  return (d: Date) => {
    const w = wall(d);
    return Math.round(Date.UTC(w.year, w.month - 1, w.day) / 86_400_000);
  };
}

/** The ISO day of an ISO date-time's own wall clock (`2026-06-15T00:30:00+02:00` → the 15th), or null. */
export function dayOfDateTime(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  return m ? isoDay(m[1]) : null;
}

export const isIsoDateTime = (text: unknown): text is string => dayOfDateTime(text) !== null;
