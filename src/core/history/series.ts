/**
 * A KPI's series from the history: what a single-cell KPI has instead of a range (the
 * dashboards' sparkline and trend, the sidebar's SMART checks). Pure; give it the decoded rows.
 */
import type { Kpi } from '../kpi/model';
import type { SourceData } from '../kpi/series';
import { frequencyOfKey } from './periods';
import type { HistoryRow } from './rows';

export interface HistoryPoint {
  period: string;
  /** ISO date of the period's first day. */
  periodStart: string;
  value: number;
  target: number | null;
  status: HistoryRow['status'];
}

/**
 * The KPI's archived values, oldest period first, one per period. Only periods written in the
 * KPI's current frequency count: rows archived before its frequency changed stay in the sheet
 * but would mix weeks and months in one line.
 */
export function seriesFromHistory(rows: readonly HistoryRow[], kpi: Pick<Kpi, 'id' | 'frequency'>): HistoryPoint[] {
  const byPeriod = new Map<string, HistoryPoint>();
  for (const r of rows) {
    if (r.kpiId !== kpi.id || frequencyOfKey(r.period) !== kpi.frequency || byPeriod.has(r.period)) continue;
    byPeriod.set(r.period, {
      period: r.period,
      periodStart: r.periodStart,
      value: r.value,
      target: r.target,
      status: r.status,
    });
  }
  return [...byPeriod.values()].sort((a, b) =>
    a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : 0,
  );
}

/** The same series as the SourceData a dated range gives, for the code that reads sources (status, SMART, trend). */
export function sourceDataFromHistory(rows: readonly HistoryRow[], kpi: Pick<Kpi, 'id' | 'frequency'>): SourceData {
  const points = seriesFromHistory(rows, kpi);
  return { values: points.map((p) => p.value), dates: points.map((p) => p.periodStart) };
}
