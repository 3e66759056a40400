/**
 * The small records the refresh keeps between runs, as JSON strings (pure: the shell stores them
 * in the state sheet and in user properties). The config's schedule and layout are parsed by
 * core/history/schedule.ts; this adds who runs the schedule, the run in progress, and which
 * spreadsheet a user's trigger serves.
 */
import { parseConfig, serializeConfig, type RefreshConfig } from '../history/schedule';

/** The trigger that runs the document's schedule (a trigger belongs to the user who made it). */
export interface Runner {
  /** Its unique id (Trigger.getUniqueId). */
  trigger: string;
  /** The random key of the user who set it (a user property), or null. */
  user: string | null;
  /** ISO date-time it was set. */
  since: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseObject(raw: string | null | undefined): Record<string, unknown> | null {
  if (!raw) return null;
  try {
    const o: unknown = JSON.parse(raw);
    return isObject(o) ? o : null;
  } catch {
    return null;
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The config and its runner, in the one JSON value of the state sheet's row 2. */
export function encodeConfig(config: RefreshConfig, runner: Runner | null): string {
  return JSON.stringify({ ...(JSON.parse(serializeConfig(config)) as object), runner });
}

export function decodeConfig(raw: string | null | undefined): {
  config: RefreshConfig;
  runner: Runner | null;
  /** The value is there but can't be read back (edited by hand): reported, never taken as "off". */
  unreadable: boolean;
} {
  const o = parseObject(raw);
  const config = parseConfig(raw);
  const r = o && isObject(o.runner) ? o.runner : null;
  const trigger = r ? str(r.trigger) : null;
  const runner = r && trigger ? { trigger, user: str(r.user), since: str(r.since) ?? '' } : null;
  const scheduleLost =
    o !== null && o.schedule !== undefined && JSON.stringify(config.schedule) !== JSON.stringify(o.schedule);
  return { config, runner, unreadable: (!!raw && o === null) || scheduleLost };
}

/** The run in progress: another user's run stands down while it is live. */
export interface Lease {
  /** The user key of the run's user, or null. */
  user: string | null;
  /** ISO date-time the run started, for the message. */
  start: string;
  /** ms since the epoch after which the lease is stale (a run was cut short). */
  until: number;
}

/** Apps Script stops an execution after 6 minutes: a lease outlives its run by at most that. */
export const LEASE_MS = 6 * 60_000 + 30_000;

export const encodeLease = (l: Lease): string => JSON.stringify(l);

export function decodeLease(raw: string | null | undefined): Lease | null {
  const o = parseObject(raw);
  if (!o || typeof o.until !== 'number' || !Number.isFinite(o.until)) return null;
  return { user: str(o.user), start: str(o.start) ?? '', until: o.until };
}

/** Live and not this user's (a user's own runs are already serialised by the user lock). */
export const blocks = (lease: Lease | null, now: number, userKey: string | null): lease is Lease =>
  !!lease && lease.until > now && (userKey === null || lease.user !== userKey);

/** A user property per trigger: the spreadsheet it serves, and since when it can't be opened. */
export interface TriggerRecord {
  spreadsheetId: string;
  /** ms since the epoch of the first failed open in a row, or null. */
  failingSince: number | null;
}

/** The spreadsheet id alone while it opens (as earlier versions stored it); JSON once it fails. */
export const encodeTriggerRecord = (r: TriggerRecord): string =>
  r.failingSince === null ? r.spreadsheetId : JSON.stringify({ id: r.spreadsheetId, failingSince: r.failingSince });

export function decodeTriggerRecord(raw: string | null | undefined): TriggerRecord | null {
  if (!raw) return null;
  const o = parseObject(raw);
  if (!o) return /^[\w-]+$/.test(raw) ? { spreadsheetId: raw, failingSince: null } : null;
  const id = str(o.id);
  if (!id) return null;
  return { spreadsheetId: id, failingSince: typeof o.failingSince === 'number' ? o.failingSince : null };
}

/** A trigger whose spreadsheet can't be opened for this long is taken for one whose file is gone. */
export const ORPHAN_AFTER_MS = 24 * 3_600_000;
