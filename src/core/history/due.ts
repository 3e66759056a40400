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
 *   reads the latest value and keeps it as the KPI's pending observation for the current
 *   period, replacing the previous one only when it is newer (the clock can go back). When a
 *   refresh finds the pending observation's period over, that observation becomes the row.
 * - Ranges with dates say themselves which period each row belongs to: a period's value is its
 *   rows' aggregate by the KPI's rule (core/kpi/aggregation.ts). Ended periods found in the
 *   source after the KPI's newest archived period are archived (catching up on missed
 *   refreshes, at most MAX_CATCH_UP); a KPI never archived before starts with its latest ended
 *   period only: older periods are still in its source. A KPI that gains dates drops its
 *   pending reading: a reading is not its period's aggregate, and rows are never rewritten.
 * - Each row's status is the one rule (core/kpi/status.ts assessKpi) as of the period's end.
 * - At most one row per (KPI, period), ever: keys already in the sheet, from clean or broken
 *   rows, are skipped, and a batch never holds a key twice.
 * - One KPI's failure (unreadable source, no number, a bug) is reported and the others go on.
 */
import { localize } from '../i18n/text';
import type { Lang } from '../i18n/lang';
import type { KpiSeries, SourceColumns } from '../kpi/aggregation';
import { type DateOrder, dayIso, periodEndDay } from '../kpi/dates';
import { quote } from '../kpi/format';
import { type ArchivedValue, kpiSeriesOf } from '../kpi/kpi-series';
import type { Frequency, Kpi } from '../kpi/model';
import { assessKpi, type KpiStatus } from '../kpi/status';
import { parsePeriodKey, periodOfIndex } from './periods';
import { historyKey, roundToUnit, type DecodedHistory, type HistoryRow } from './rows';

/** Ended periods a dated range may add in one refresh (a year of daily values). */
export const MAX_CATCH_UP = 366;

export interface KpiReading {
  kpi: Kpi;
  /** The source's cells as read (addon/sources.ts SheetReader): date cells already day numbers. */
  columns: SourceColumns;
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
  /** How text dates are written when their column does not say (the spreadsheet's locale); default day first. */
  dateOrder?: DateOrder;
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

/** The status a period is archived with: the one rule, on the series up to that period, as of its last day. */
export function statusAt(kpi: Kpi, series: KpiSeries, index: number): KpiStatus {
  const points = series.points.filter((p) => p.index <= index);
  return assessKpi(kpi, { ...series, points, inProgress: false }, periodEndDay(index, series.frequency)).status;
}

/** When a reading was taken, as an instant (takenAt carries its zone's offset); NaN when unreadable. */
const instant = (takenAt: string): number => Date.parse(takenAt);

export function planRefresh(input: PlanInput): Plan {
  const { today, takenAt, history, lang } = input;
  const rows: HistoryRow[] = [];
  const pending = new Map<string, HistoryRow>();
  const errors: string[] = [];
  const taken = new Set(history.taken);
  const kpis = new Map(input.readings.map((r) => [r.kpi.id, r.kpi] as const));
  /** A row as a person reads it: the KPI's name beside its id, the value rounded to its unit. */
  const emit = (row: HistoryRow) => {
    const key = historyKey(row.kpiId, row.period);
    if (taken.has(key)) return;
    taken.add(key);
    const kpi = kpis.get(row.kpiId);
    const out: HistoryRow = { ...row, value: roundToUnit(row.value, kpi?.unit ?? row.unit) };
    if (kpi) {
      out.kpiName = kpi.name;
      out.unit = kpi.unit;
    }
    rows.push(out);
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
  // Single cells' archived periods, by KPI.
  const archivedBy = new Map<string, (ArchivedValue & { frequency: Frequency })[]>();
  for (const r of history.rows) {
    const p = parsePeriodKey(r.period);
    if (!p) continue;
    const list = archivedBy.get(r.kpiId) ?? [];
    list.push({ index: p.index, value: r.value, frequency: p.frequency });
    archivedBy.set(r.kpiId, list);
  }
  const now = instant(takenAt);

  const seen = new Set<string>();
  for (const { kpi, columns, error } of input.readings) {
    seen.add(kpi.id);
    const previous = input.pending.get(kpi.id);
    let obs: HistoryRow | null = previous ?? null;
    try {
      if (error) {
        obs = settle(previous);
        errors.push(localize(TEXT.source, lang)(nameOf(kpi, lang), error));
        continue;
      }
      const archived = (archivedBy.get(kpi.id) ?? []).filter((a) => a.frequency === kpi.frequency);
      const series = kpiSeriesOf(kpi, columns, { today, dateOrder: input.dateOrder ?? 'dmy', archived });
      const period = (index: number) => periodOfIndex(index, kpi.frequency);
      if (series.kind === 'dated') {
        // The dates say each row's period: a reading kept from before the KPI had dates is dropped.
        obs = null;
        const ended = series.points.filter((p) => p.index < series.currentIndex);
        const indexes = (history.periodsByKpi.get(kpi.id) ?? [])
          .filter((p) => p.frequency === kpi.frequency)
          .map((p) => p.index);
        const newest = indexes.length ? Math.max(...indexes) : null;
        const due = newest === null ? ended.slice(-1) : ended.filter((p) => p.index > newest).slice(-MAX_CATCH_UP);
        for (const p of due) {
          const pr = period(p.index);
          emit({
            kpiId: kpi.id,
            period: pr.key,
            periodStart: dayIso(pr.start),
            value: p.value,
            target: kpi.target,
            status: statusAt(kpi, series, p.index),
            takenAt,
          });
        }
        continue;
      }
      obs = settle(previous);
      const last = series.points[series.points.length - 1];
      if (!last || last.index !== series.currentIndex) {
        errors.push(localize(TEXT.noNumber, lang)(nameOf(kpi, lang)));
        continue;
      }
      // A reading replaces the kept one only when it is newer: a clock set back does not overwrite.
      if (obs && instant(obs.takenAt) > now) continue;
      const pr = period(last.index);
      obs = {
        kpiId: kpi.id,
        period: pr.key,
        periodStart: dayIso(pr.start),
        value: roundToUnit(last.value, kpi.unit),
        target: kpi.target,
        status: assessKpi(kpi, series, today).status,
        takenAt,
      };
    } catch (e) {
      errors.push(localize(TEXT.failed, lang)(nameOf(kpi, lang), e instanceof Error ? e.message : String(e)));
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
