/*
 * The previous design (main before #10), kept verbatim for `npm run bench` to measure against in the same run.
 * Not used by the add-on.
 */
/**
 * What one refresh archives. Pure: the shell hands in the KPIs with their source cells as read,
 * the history as decoded, the pending observations and today; it gets back the rows to append
 * (in one batch) and the pending observations to keep.
 *
 * The rules (README "History"):
 * - A period's row holds the LAST value Boussole read in that period, and is written once the
 *   period is over, at the first refresh after its end. Never before (a value read mid-period is
 *   not the period's value yet) and never again (rows are never rewritten).
 * - Single-cell sources, and ranges without usable dates, are readings of "now": each refresh
 *   reads the latest number and keeps it as the KPI's pending observation for the current
 *   period (in document properties), replacing the previous one of the same period. When a
 *   refresh finds the pending observation's period over, that observation becomes the row.
 * - Ranges with dates say themselves which period each value belongs to (the day's period in
 *   the KPI's frequency; the last dated value of a period is its value). Ended periods found
 *   in the source after the KPI's newest archived period are archived (catching up on missed
 *   refreshes, at most MAX_CATCH_UP); a KPI never archived before starts with its latest ended
 *   period only: older periods are still in its source.
 * - At most one row per (KPI, period), ever: keys already in the sheet, from clean or broken
 *   rows, are skipped, and a batch never holds a key twice.
 * - One KPI's failure (unreadable source, no number, a bug) is reported and the others go on.
 */
import { at } from '../../src/core/arrays';
import type { Lang } from '../../src/core/i18n/lang';
import { dayIso } from './dates';
import { quote } from '../../src/core/kpi/format';
import type { Kpi } from '../../src/core/kpi/model';
import { readSeries, type SourceData } from './series';
import { kpiStatus, PERIOD_DAYS, type KpiStatus } from '../../src/core/kpi/status';
import { parsePeriodKey, periodOf, type Period } from '../../src/core/history/periods';
import { historyKey, type DecodedHistory, type HistoryRow } from '../../src/core/history/rows';

/** Ended periods a dated range may add in one refresh (a year of daily values). */
export const MAX_CATCH_UP = 366;

export interface KpiReading {
  kpi: Kpi;
  /** The source's cells as read (SheetReader), Dates already ISO days. */
  data: SourceData;
  /** Why the source could not be read (missing sheet, bad reference), or null. */
  error: string | null;
}

export interface PlanInput {
  /** Today in the spreadsheet's time zone (day number). */
  today: number;
  /** Now as an ISO date-time in that zone: the takenAt of what is read now. */
  takenAt: string;
  readings: readonly KpiReading[];
  history: Pick<DecodedHistory, 'taken' | 'periodsByKpi' | 'rows'>;
  /** Pending observations by KPI id (the last value read in a period not over at that time). */
  pending: ReadonlyMap<string, HistoryRow>;
  /**
   * Ids in the KPI table, readable rows or not. A pending observation of an id not in it (a
   * deleted KPI) is dropped; null when the table could not be read: nothing is dropped.
   */
  knownIds: ReadonlySet<string> | null;
  lang: Lang;
}

export interface Plan {
  /** Rows to append, in order. */
  rows: HistoryRow[];
  /** The pending observations after this refresh (the whole set, by KPI id). */
  pending: Map<string, HistoryRow>;
  errors: string[];
}

const TEXT = {
  source: { fr: (k: string, e: string) => `KPI ${k} : ${e}`, en: (k: string, e: string) => `KPI ${k}: ${e}` },
  noNumber: {
    fr: (k: string) => `KPI ${k} : la source ne contient aucun nombre ; rien n'est relevé.`,
    en: (k: string) => `KPI ${k}: the source holds no number; nothing was read.`,
  },
  failed: {
    fr: (k: string, e: string) => `KPI ${k} : erreur inattendue (${e}).`,
    en: (k: string, e: string) => `KPI ${k}: unexpected error (${e}).`,
  },
};

const nameOf = (kpi: Kpi, lang: Lang) => quote(kpi.name || kpi.id, lang);

function statusOf(kpi: Kpi, value: number, firstValue: number | null, start: string | null, today: string): KpiStatus {
  return kpiStatus({
    latest: value,
    baseline: kpi.baseline,
    firstValue,
    target: kpi.target,
    direction: kpi.direction,
    start,
    deadline: kpi.deadline,
    today,
  }).status;
}

export function planRefresh(input: PlanInput): Plan {
  const { today, takenAt, history, lang } = input;
  const rows: HistoryRow[] = [];
  const pending = new Map<string, HistoryRow>();
  const errors: string[] = [];
  const taken = new Set(history.taken);
  const emit = (row: HistoryRow) => {
    const key = historyKey(row.kpiId, row.period);
    if (taken.has(key)) return;
    taken.add(key);
    rows.push(row);
  };
  /** Archives a pending observation whose period is over; returns it if it must stay pending. */
  const settle = (obs: HistoryRow | undefined): HistoryRow | null => {
    if (!obs) return null;
    const p = parsePeriodKey(obs.period);
    if (!p) return null;
    if (p.end < today) {
      emit(obs);
      return null;
    }
    return obs;
  };
  const firstArchived = new Map<string, HistoryRow>();
  for (const r of history.rows) {
    const f = firstArchived.get(r.kpiId);
    if (!f || r.periodStart < f.periodStart) firstArchived.set(r.kpiId, r);
  }

  const seen = new Set<string>();
  for (const { kpi, data, error } of input.readings) {
    seen.add(kpi.id);
    const previous = input.pending.get(kpi.id);
    let obs: HistoryRow | null = previous ?? null;
    try {
      obs = settle(previous);
      if (error) {
        errors.push(TEXT.source[lang](nameOf(kpi, lang), error));
        continue;
      }
      const series = readSeries(data);
      const current = periodOf(today, kpi.frequency);
      if (series.datesUsed) {
        const byPeriod = new Map<string, { period: Period; value: number }>();
        for (const p of series.points) {
          const period = periodOf(p.day!, kpi.frequency);
          byPeriod.set(period.key, { period, value: p.value }); // points are sorted by day: the last one wins
        }
        const ended = [...byPeriod.values()].filter((x) => x.period.index < current.index);
        const archived = (history.periodsByKpi.get(kpi.id) ?? [])
          .filter((p) => p.frequency === kpi.frequency)
          .map((p) => p.index);
        const newest = archived.length ? Math.max(...archived) : null;
        const due =
          newest === null ? ended.slice(-1) : ended.filter((x) => x.period.index > newest).slice(-MAX_CATCH_UP);
        for (const { period, value } of due) {
          const first = at(series.points, 0); // a period is due only if some point fell in it
          emit({
            kpiId: kpi.id,
            period: period.key,
            periodStart: dayIso(period.start),
            value,
            target: kpi.target,
            status: statusOf(kpi, value, first.value, dayIso(first.day!), dayIso(period.end)),
            takenAt,
          });
        }
        continue;
      }
      const last = series.points[series.points.length - 1];
      if (!last) {
        errors.push(TEXT.noNumber[lang](nameOf(kpi, lang)));
        continue;
      }
      let firstValue: number;
      let start: string;
      if (kpi.source.kind === 'cell') {
        const f = firstArchived.get(kpi.id);
        firstValue = f ? f.value : last.value;
        start = f ? f.periodStart : dayIso(today);
      } else {
        firstValue = at(series.points, 0).value; // `last` exists, so the first does
        start = dayIso(Math.round(today - (series.cells - 1) * PERIOD_DAYS[kpi.frequency]));
      }
      obs = {
        kpiId: kpi.id,
        period: current.key,
        periodStart: dayIso(current.start),
        value: last.value,
        target: kpi.target,
        status: statusOf(kpi, last.value, firstValue, start, dayIso(today)),
        takenAt,
      };
    } catch (e) {
      errors.push(TEXT.failed[lang](nameOf(kpi, lang), e instanceof Error ? e.message : String(e)));
    } finally {
      if (obs) pending.set(kpi.id, obs);
    }
  }

  // Observations of KPIs not read this time: a broken KPI row keeps them; a deleted KPI loses them.
  for (const [id, obs] of input.pending) {
    if (seen.has(id)) continue;
    if (input.knownIds && !input.knownIds.has(id)) continue;
    const kept = settle(obs);
    if (kept) pending.set(id, kept);
  }
  return { rows, pending, errors };
}
