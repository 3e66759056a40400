/**
 * Pending observations: the last value read for a KPI in a period that is not over yet. One
 * document property per KPI (`boussole.pending.<kpiId>`, ~200 bytes, far under the 9 KB a
 * value may hold), so the number of KPIs is not bounded by one property's size.
 */
import { dayIso } from '../kpi/dates';
import { parsePeriodKey } from './periods';
import { STATUSES, type HistoryRow } from './rows';
import { isIsoDateTime } from './time';

export const PENDING_PREFIX = 'boussole.pending.';

/** The observation's own fields only (a KPI's name may be long; it is added when the row is written). */
export const serializePending = (o: HistoryRow): string =>
  JSON.stringify({
    kpiId: o.kpiId,
    period: o.period,
    periodStart: o.periodStart,
    value: o.value,
    target: o.target,
    status: o.status,
    takenAt: o.takenAt,
  });

/** The observation stored under a key, or null when it does not read back cleanly (it is then dropped). */
export function parsePending(kpiId: string, raw: string | null | undefined): HistoryRow | null {
  let o: Record<string, unknown>;
  try {
    o = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    return null;
  }
  if (typeof o !== 'object' || o === null || o.kpiId !== kpiId) return null;
  const period = parsePeriodKey(o.period);
  if (!period || o.periodStart !== dayIso(period.start)) return null;
  if (typeof o.value !== 'number' || !Number.isFinite(o.value)) return null;
  if (o.target !== null && (typeof o.target !== 'number' || !Number.isFinite(o.target))) return null;
  if (!STATUSES.includes(o.status as HistoryRow['status']) || !isIsoDateTime(o.takenAt)) return null;
  return {
    kpiId,
    period: period.key,
    periodStart: o.periodStart,
    value: o.value,
    target: o.target as number | null,
    status: o.status as HistoryRow['status'],
    takenAt: o.takenAt as string,
  };
}

/** Every pending observation among all document properties. */
export function pendingFromProperties(props: Record<string, string>): Map<string, HistoryRow> {
  const out = new Map<string, HistoryRow>();
  for (const [key, raw] of Object.entries(props)) {
    if (!key.startsWith(PENDING_PREFIX)) continue;
    const id = key.slice(PENDING_PREFIX.length);
    const obs = parsePending(id, raw);
    if (obs) out.set(id, obs);
  }
  return out;
}

/** What to write and delete so the properties hold `next` (unchanged ones are not rewritten). */
export function pendingChanges(
  props: Record<string, string>,
  next: ReadonlyMap<string, HistoryRow>,
): { set: Record<string, string>; remove: string[] } {
  const set: Record<string, string> = {};
  for (const [id, obs] of next) {
    const value = serializePending(obs);
    if (props[PENDING_PREFIX + id] !== value) set[PENDING_PREFIX + id] = value;
  }
  const remove = Object.keys(props).filter(
    (k) => k.startsWith(PENDING_PREFIX) && !next.has(k.slice(PENDING_PREFIX.length)),
  );
  return { set, remove };
}
