/**
 * Instants read in a time zone, without a service call: which calendar day an instant is in the
 * spreadsheet's zone (so a run at 00:30 in Paris on a daylight-saving day belongs to that
 * Paris day, not to the UTC one), and ISO date-times with the zone's offset for the logs.
 * Intl is part of V8, Apps Script's runtime included; the shell falls back to
 * Utilities.formatDate when a zone is unknown to the runtime.
 */
import { isoDay } from '../kpi/dates';

export { wallClockIn, isoDateTimeIn, dayIn, type WallClock } from '../i18n/dates';

/** The ISO day of an ISO date-time's own wall clock (`2026-06-15T00:30:00+02:00` → the 15th), or null. */
export function dayOfDateTime(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  return m ? isoDay(m[1]) : null;
}

export const isIsoDateTime = (text: unknown): text is string => dayOfDateTime(text) !== null;
