/**
 * Instants read in a time zone, without a service call: the calendar day, the wall-clock time and
 * ISO date-times with the zone's offset, as the spreadsheet shows them (a run at 00:30 in Paris on
 * a daylight-saving day belongs to that Paris day). Intl is part of V8, Apps Script's runtime
 * included; the shell falls back to Utilities.formatDate if a runtime lacks the zone.
 */
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
    const part = (type: Intl.DateTimeFormatPartTypes): number => {
      const value = parts[type];
      if (value === undefined) throw new RangeError(`Intl.DateTimeFormat gave no ${type} for ${d.toISOString()}`);
      return +value;
    };
    return {
      year: part('year'),
      month: part('month'),
      day: part('day'),
      hour: part('hour') % 24,
      minute: part('minute'),
      second: part('second'),
    };
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

/** A Date as the ISO day (`2026-06-15`) it falls on in the zone: how a date read from a cell is stored. */
export function isoDateFormatter(timeZone: string): (d: Date) => string {
  const wall = wallClockIn(timeZone);
  return (d: Date) => {
    const w = wall(d);
    return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  };
}
