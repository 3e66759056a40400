/**
 * The refresh settings kept in document properties (one small JSON value), the schedule's
 * validation, and the run log's rows. Pure: the shell reads and writes the strings.
 */
import type { DashboardLayout } from '../dashboard/build';

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** How often the scheduled refresh runs. One time-driven trigger per document (the platform's limit). */
export type Schedule =
  | { kind: 'off' }
  | { kind: 'hourly' }
  | { kind: 'daily'; hour: number }
  | { kind: 'weekly'; day: Weekday; hour: number };

/** One line of the run log (also a row of the run-log sheet). */
export interface RunLogEntry {
  /** ISO date-time of the start, in the spreadsheet's zone (`2026-06-15T08:00:00+02:00`). */
  start: string;
  durationMs: number;
  trigger: 'schedule' | 'manual';
  /** History rows appended by this run. */
  rowsWritten: number;
  /** One message per KPI (or step) that failed; the others went on. */
  errors: string[];
}

export interface RefreshConfig {
  schedule: Schedule;
  layout: DashboardLayout;
  /** The spreadsheet the schedule was set for: a clock trigger may have no active spreadsheet. */
  spreadsheetId: string | null;
}

export const DEFAULT_CONFIG: RefreshConfig = { schedule: { kind: 'off' }, layout: 'by_level', spreadsheetId: null };

const isHour = (h: unknown): h is number => typeof h === 'number' && Number.isInteger(h) && h >= 0 && h <= 23;

/** A clean schedule, or null when the input is not one (the sidebar sends JSON). */
export function validateSchedule(input: unknown): Schedule | null {
  if (typeof input !== 'object' || input === null) return null;
  const s = input as Record<string, unknown>;
  switch (s.kind) {
    case 'off':
      return { kind: 'off' };
    case 'hourly':
      return { kind: 'hourly' };
    case 'daily':
      return isHour(s.hour) ? { kind: 'daily', hour: s.hour } : null;
    case 'weekly':
      return isHour(s.hour) && (WEEKDAYS as readonly unknown[]).includes(s.day)
        ? { kind: 'weekly', day: s.day as Weekday, hour: s.hour }
        : null;
    default:
      return null;
  }
}

/** Reads the stored JSON; anything unreadable falls back to the defaults field by field. */
export function parseConfig(raw: string | null | undefined): RefreshConfig {
  let o: Record<string, unknown> = {};
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (typeof parsed === 'object' && parsed !== null) o = parsed as Record<string, unknown>;
  } catch {
    /* defaults */
  }
  return {
    schedule: validateSchedule(o.schedule) ?? DEFAULT_CONFIG.schedule,
    layout: o.layout === 'overall' || o.layout === 'by_level' ? o.layout : DEFAULT_CONFIG.layout,
    spreadsheetId: typeof o.spreadsheetId === 'string' && o.spreadsheetId ? o.spreadsheetId : null,
  };
}

export const serializeConfig = (c: RefreshConfig): string =>
  JSON.stringify({ v: 1, schedule: c.schedule, layout: c.layout, spreadsheetId: c.spreadsheetId });

// ---------------------------------------------------------------------------------------------
// Run log

export const RUNLOG_KIND = 'runlog';
export const RUNLOG_SCHEMA_VERSION = 1;
export const RUNLOG_HEADER = ['start', 'durationMs', 'trigger', 'rowsWritten', 'errors'] as const;
export const RUNLOG_FORMATS = ['@', 'General', '@', 'General', '@'] as const;

/** A cell holds 50,000 characters; a property value 9 KB. Errors are capped well under both. */
const MAX_ERROR_CHARS = 400;
const MAX_ERRORS_BYTES = 6_000;

/** UTF-8 bytes of a string (Properties limits count bytes; "é" is two). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0; // a string's iteration yields whole code points: never empty
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The first errors, each cut to 400 characters, within 6,000 bytes in all; then "… +n" for the rest. */
export function capErrors(errors: readonly string[]): string[] {
  const out: string[] = [];
  let bytes = 0;
  for (const e of errors) {
    const cut = e.length > MAX_ERROR_CHARS ? `${e.slice(0, MAX_ERROR_CHARS - 1)}…` : e;
    const b = utf8Bytes(cut) + 8; // JSON quotes, comma, a few escapes
    if (bytes + b > MAX_ERRORS_BYTES) break;
    out.push(cut);
    bytes += b;
  }
  if (out.length < errors.length) out.push(`… +${errors.length - out.length}`);
  return out;
}

export function encodeRunLogRow(e: RunLogEntry): (string | number)[] {
  return [e.start, e.durationMs, e.trigger, e.rowsWritten, capErrors(e.errors).join('\n')];
}

/** The last run as stored in document properties (the sidebar shows it: add-on triggers send no failure e-mail). */
export function parseRunLogEntry(raw: string | null | undefined): RunLogEntry | null {
  try {
    const o = raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
    if (!o || typeof o.start !== 'string') return null;
    return {
      start: o.start,
      durationMs: typeof o.durationMs === 'number' ? o.durationMs : 0,
      trigger: o.trigger === 'manual' ? 'manual' : 'schedule',
      rowsWritten: typeof o.rowsWritten === 'number' ? o.rowsWritten : 0,
      errors: Array.isArray(o.errors) ? o.errors.filter((x): x is string => typeof x === 'string') : [],
    };
  } catch {
    return null;
  }
}

export const serializeRunLogEntry = (e: RunLogEntry): string => JSON.stringify({ ...e, errors: capErrors(e.errors) });
