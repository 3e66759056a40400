/**
 * A stored KPI's series, the same way for every caller (sidebar, history, refresh): its source's
 * cells through its aggregation (or its template's formula), and for a single cell, its archived
 * periods followed by today's reading. Plus the bounded, compact form the sidebar receives.
 */
import { at } from '../arrays';
import {
  aggregationOf,
  seriesOf,
  type CategoryValue,
  type Cell,
  type Granularity,
  type KpiSeries,
  type PeriodPoint,
  type SeriesCounts,
  type SeriesKind,
  type SourceColumns,
} from './aggregation';
import { type DateOrder, dayIso, periodIndex, periodStartDay } from './dates';
import { formulaRanges, parseKpiFormula, type FormulaKpi, type FormulaProblem } from './formula-kpi';
import type { Frequency, Kpi, KpiSource } from './model';
import type { Aggregation } from './aggregation';
import type { SourceData } from './series';
import { judgesPeriodInProgress } from './status';

export type SeriesKpi = Pick<Kpi, 'frequency' | 'unit' | 'source'> &
  Partial<Pick<Kpi, 'aggregation' | 'formula' | 'templateId'>>;

/**
 * The formula a KPI is computed by, or null: only when every range it reads lines up with the
 * KPI's own rows (the reader checks the lengths).
 */
export const computedFormula = (kpi: Pick<Kpi, 'formula' | 'source'>): FormulaKpi | null =>
  kpi.source.kind === 'range' ? parseKpiFormula(kpi.formula) : null;

/** The A1 ranges the reader must fetch for a KPI, by role. */
export function rangesToRead(kpi: Pick<Kpi, 'formula' | 'source'>): {
  values: string;
  dates?: string;
  categories?: string;
  denominator?: string;
  inputs: string[];
} {
  const s: KpiSource = kpi.source;
  if (s.kind === 'cell') return { values: s.ref, inputs: [] };
  const formula = computedFormula(kpi);
  const out: ReturnType<typeof rangesToRead> = { values: s.values, inputs: formula ? formulaRanges(formula) : [] };
  if (s.dates) out.dates = s.dates;
  if (s.categories) out.categories = s.categories;
  if (s.denominator) out.denominator = s.denominator;
  return out;
}

/** An archived period of a single-cell KPI. */
export interface ArchivedValue {
  /** Period index in the KPI's frequency. */
  index: number;
  value: number;
}

export interface SeriesContext {
  /** Today, a day number in the spreadsheet's zone. */
  today: number;
  dateOrder: DateOrder;
  /** A single cell's archived periods (history rows in its current frequency), any order. */
  archived?: readonly ArchivedValue[];
}

/** The KPI's series from the cells read (SheetReader) and, for a single cell, its history. */
export function kpiSeriesOf(kpi: SeriesKpi, columns: SourceColumns, ctx: SeriesContext): KpiSeries {
  const aggregation = aggregationOf(kpi);
  if (kpi.source.kind !== 'cell') {
    return seriesOf(columns, {
      frequency: kpi.frequency,
      aggregation,
      today: ctx.today,
      dateOrder: ctx.dateOrder,
      formula: computedFormula(kpi),
    });
  }
  // A single cell: its archived periods, then today's reading (the last number of the cell).
  const reading = seriesOf(columns, { frequency: kpi.frequency, aggregation: 'last', today: ctx.today, reading: true });
  const current = reading.currentIndex;
  const past = new Map<number, number>();
  for (const a of ctx.archived ?? []) if (a.index < current && !past.has(a.index)) past.set(a.index, a.value);
  const points: PeriodPoint[] = [...past.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, value]) => ({ index, value, rows: 1 }));
  points.push(...reading.points);
  return { ...reading, aggregation, points, inProgress: reading.points.length > 0 };
}

// ---------------------------------------------------------------------------------------------
// What the sidebar receives: bounded and compact.

/** Periods sent to the sidebar, most recent first kept: enough for SMART's pace windows and a chart. */
export const PAYLOAD_PERIODS: Record<Frequency, number> = { daily: 400, weekly: 160, monthly: 72, quarterly: 40 };

/** JSON for google.script.run: consecutive periods from `first`, null where a period has no value. */
export interface SeriesPayload {
  kind: SeriesKind;
  frequency: Frequency;
  aggregation: Aggregation;
  currentIndex: number;
  /** Period index of values[0]. */
  first: number;
  values: (number | null)[];
  /** Rows aggregated into each period (0 without a value). */
  rows: number[];
  /** Periods with a value left out before `first` (the bound). */
  dropped: number;
  inProgress: boolean;
  categories: CategoryValue[] | null;
  granularity: Granularity | null;
  counts: SeriesCounts;
  emptyPeriods: number;
  problem: FormulaProblem | null;
}

/** 12 significant digits: what a person or a chart can use, a third of the JSON of a full double. */
const compact = (v: number): number => Number(v.toPrecision(12));

export function seriesPayload(s: KpiSeries, max = PAYLOAD_PERIODS[s.frequency]): SeriesPayload {
  const pts = s.points;
  const lastIndex = pts.length ? at(pts, pts.length - 1).index : s.currentIndex;
  const first = pts.length ? Math.max(at(pts, 0).index, lastIndex - max + 1) : s.currentIndex;
  const span = pts.length ? lastIndex - first + 1 : 0;
  const values: (number | null)[] = new Array(span).fill(null);
  const rows: number[] = new Array(span).fill(0);
  let dropped = 0;
  for (const p of pts) {
    if (p.index < first) {
      dropped++;
      continue;
    }
    values[p.index - first] = compact(p.value);
    rows[p.index - first] = p.rows;
  }
  return {
    kind: s.kind,
    frequency: s.frequency,
    aggregation: s.aggregation,
    currentIndex: s.currentIndex,
    first,
    values,
    rows,
    dropped,
    inProgress: s.inProgress,
    categories: s.categories ? s.categories.map((c) => ({ ...c, value: compact(c.value) })) : null,
    granularity: s.granularity,
    counts: s.counts,
    emptyPeriods: s.emptyPeriods,
    problem: s.problem,
  };
}

/** The series back from its payload (the periods sent). */
export function seriesFromPayload(p: SeriesPayload): KpiSeries {
  const points: PeriodPoint[] = [];
  p.values.forEach((v, i) => {
    if (v !== null) points.push({ index: p.first + i, value: v, rows: p.rows[i] ?? 0 });
  });
  return {
    kind: p.kind,
    frequency: p.frequency,
    aggregation: p.aggregation,
    currentIndex: p.currentIndex,
    points,
    inProgress: p.inProgress,
    categories: p.categories,
    granularity: p.granularity,
    counts: p.counts,
    emptyPeriods: p.emptyPeriods,
    problem: p.problem,
  };
}

/**
 * The per-period values as a dated SourceData (each period at its first day), for the code that
 * still reads SourceData (the SMART engine): it then judges one value per period, the same ones
 * the status rule judges (status.ts): a period in progress is left out unless the rule judges it
 * (a stock's reading, a single cell), so SMART's "latest value" is the judged period's, as the
 * data step's preview says. The rows' own granularity (before aggregation) goes along: it says
 * whether a finer frequency would have data in each period.
 */
export function periodData(p: SeriesPayload): SourceData {
  const values: (number | null)[] = [];
  const dates: string[] = [];
  const skip = p.inProgress && !judgesPeriodInProgress(p) ? p.currentIndex : null;
  p.values.forEach((v, i) => {
    if (v === null || p.first + i === skip) return;
    values.push(v);
    dates.push(dayIso(periodStartDay(p.first + i, p.frequency)));
  });
  return { values, dates, granularity: p.granularity };
}

/** The index of today's period, for callers without a series. */
export const currentPeriodIndex = (today: number, frequency: Frequency): number => periodIndex(today, frequency);

export type { Cell };
