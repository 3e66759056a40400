/**
 * What a dashboard shows for one KPI, computed once in core from the KPI's source (or its
 * archived history) and written as values: the series per period (by period key, so the order
 * of the history sheet's rows changes nothing), the judged period (status.ts rule 1), the one
 * before it, the same period last year, and status / progress from the one status function (kpi/status.ts).
 * Nothing here is recomputed by the spreadsheet: a dashboard costs no recalculation.
 */
import type { HistoryRow } from '../history/rows';
import { parsePeriodKey, periodOfIndex } from '../history/periods';
import type { SourceColumns } from '../kpi/aggregation';
import { type DateOrder, dayIso, isoDay } from '../kpi/dates';
import { type ArchivedValue, kpiSeriesOf } from '../kpi/kpi-series';
import type { Frequency, Kpi } from '../kpi/model';
import { assessKpi, elapsedShare, type KpiStatus } from '../kpi/status';

/** The six words a tile can say. */
export type TileStatus = KpiStatus;

export interface PeriodPoint {
  /** History key of the period: 2026-06, 2026-W24, 2026-Q2, 2026-06-15. */
  key: string;
  /** ISO first day of the period (the chart's x). */
  start: string;
  value: number;
}

export interface KpiFigures {
  /** One value per period, oldest first (all of them; the plan keeps the window it draws). */
  series: PeriodPoint[];
  /**
   * The judged period's value (kpi/status.ts rule 1): the latest complete period, or the running
   * one for a stock (`last`) or a single cell; the running period itself when it is the only one.
   */
  current: number | null;
  /** `current` is today's period, still running. */
  inProgress: boolean;
  /** The period `current` is about (history key), or null. */
  period: string | null;
  /** The period before the current one, when it has a value. */
  previous: number | null;
  /** The same period a year before the current one, when it has a value. */
  lastYear: number | null;
  /** The one rule (kpi/status.ts assessKpi): about the latest complete period, or a stock's reading. */
  status: TileStatus;
  progress: number | null;
  /** Share of the time from start to deadline already elapsed. */
  expected: number | null;
  /** Why the KPI can't be read (its source sheet was deleted or renamed…): the tile says it. */
  problem: string | null;
  /** The baseline progress is measured from (kpi/status.ts rule 3). */
  baseline: number | null;
  /** How `current` stays live in the sheet at the cost of one scan of its source, or null (values only). */
  live: LiveSource | null;
}

/**
 * A judged value a spreadsheet formula computes exactly as core does: a single cell's reading,
 * or the sum of a dated column's rows in the judged period (SUMIFS: one scan), when every date is
 * a date cell and every value a number (text, which core reads and SUMIFS skips, keeps the value
 * written instead). Other aggregations are written as values: an average would take two scans
 * (SUMIFS ÷ COUNTIFS; AVERAGEIFS is not one the emulator's engine computes), a last value a lookup.
 */
export type LiveSource =
  | { kind: 'cell'; ref: string }
  | { kind: 'window'; values: string; dates: string; start: string; end: string };

/** Rows of a column that count (the reader's `length`), all blank or of one type. */
const allOf = (cells: readonly unknown[] | null | undefined, n: number, type: string): boolean => {
  if (!cells) return false;
  for (let i = 0; i < n; i++) if (cells[i] !== null && typeof cells[i] !== type) return false;
  return true;
};

function liveSource(
  kpi: Kpi,
  columns: SourceColumns,
  aggregation: string,
  index: number | null,
  reading: boolean,
): LiveSource | null {
  const s = kpi.source;
  // A single cell: live while the figure is its reading (not an archived period's).
  if (s.kind === 'cell') return reading ? { kind: 'cell', ref: s.ref } : null;
  if (index === null || kpi.formula || !s.dates || s.denominator || aggregation !== 'sum') return null;
  const n = columns.length ?? columns.values.length;
  if (!allOf(columns.values, n, 'number') || !allOf(columns.dates, n, 'number')) return null;
  const p = periodOfIndex(index, kpi.frequency);
  return { kind: 'window', values: s.values, dates: s.dates, start: dayIso(p.start), end: dayIso(p.end) };
}

export const PERIODS_PER_YEAR: Record<Frequency, number> = { daily: 365, weekly: 52, monthly: 12, quarterly: 4 };

export interface FiguresInput {
  kpi: Kpi;
  /** The source as read (addon/sources.ts SheetReader.readKpi); null with `problem`. */
  columns: SourceColumns | null;
  problem: string | null;
  /** The decoded history rows (any order): a single-cell KPI's past comes from there. */
  history: readonly HistoryRow[];
  /** ISO day, in the spreadsheet's time zone. */
  today: string;
  /** How the spreadsheet writes text dates (its locale); default day first. */
  dateOrder?: DateOrder;
}

const NONE = {
  baseline: null,
  live: null,
  current: null,
  period: null,
  previous: null,
  lastYear: null,
  progress: null,
  expected: null,
  inProgress: false,
};

export function kpiFigures(input: FiguresInput): KpiFigures {
  const { kpi, today } = input;
  const day = isoDay(today);
  if (input.problem || !input.columns || day === null)
    return { series: [], ...NONE, status: 'no_data', problem: input.problem ?? 'no data' };
  const archived: ArchivedValue[] = [];
  if (kpi.source.kind === 'cell')
    for (const r of input.history) {
      const p = r.kpiId === kpi.id ? parsePeriodKey(r.period) : null;
      if (p && p.frequency === kpi.frequency) archived.push({ index: p.index, value: r.value });
    }
  const ks = kpiSeriesOf(kpi, input.columns, { today: day, dateOrder: input.dateOrder ?? 'dmy', archived });
  const a = assessKpi(kpi, ks, day);
  const byIndex = new Map(ks.points.map((p) => [p.index, p.value]));
  const series = ks.points.map((p) => {
    const period = periodOfIndex(p.index, kpi.frequency);
    return { key: period.key, start: dayIso(period.start), value: p.value };
  });
  // The figures are the judged period's (status.ts rule 1): a month still running is not set
  // against a full one ("-80 %" on the 5th); a stock or a single cell is judged as it reads now.
  const cur = a.judged ?? a.current;
  return {
    series,
    current: cur?.value ?? null,
    period: cur ? periodOfIndex(cur.index, kpi.frequency).key : null,
    inProgress: cur !== null && cur === a.current && a.currentInProgress,
    previous: cur ? (byIndex.get(cur.index - 1) ?? null) : null,
    lastYear: cur ? (byIndex.get(cur.index - PERIODS_PER_YEAR[kpi.frequency]) ?? null) : null,
    status: a.status,
    progress: a.progress,
    // The time elapsed is drawn beside the progress even once the target is met.
    expected: kpi.target === null ? null : (a.expected ?? elapsedShare(a.start, kpi.deadline, a.asOf ?? today)),
    problem: null,
    baseline: a.baseline,
    live: liveSource(
      kpi,
      input.columns,
      ks.aggregation,
      cur?.index ?? null,
      cur !== null && cur === a.current && a.currentInProgress,
    ),
  };
}
