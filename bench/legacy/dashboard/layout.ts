/**
 * Where things sit on a dashboard sheet: a header, then one row per KPI (visible columns A–M),
 * hidden calculation columns on the same rows, hidden chart-data blocks further right, and the
 * charts below the table.
 */
import { columnLetters } from '../../../src/core/kpi/a1';
import type { Frequency } from '../../../src/core/kpi/model';

export const TITLE_ROW = 1;
export const REFRESHED_ROW = 2;
export const SUMMARY_ROW = 3;
export const LEGEND_ROW = 4;
export const TABLE_HEADER_ROW = 5;
export const FIRST_KPI_ROW = 6;

/** The cell every refresh rewrites with the time of the refresh (B2). */
export const REFRESHED_CELL = { row: REFRESHED_ROW, column: 2 } as const;

export const VISIBLE = [
  'name',
  'objective',
  'status',
  'current',
  'target',
  'progress',
  'bar',
  'vsPrevious',
  'vsLastYear',
  'vsBenchmark',
  'sparkline',
  'deadline',
  'smart',
] as const;
export type VisibleColumn = (typeof VISIBLE)[number];
export const VISIBLE_WIDTHS: Record<VisibleColumn, number> = {
  name: 220,
  objective: 180,
  status: 120,
  current: 120,
  target: 110,
  progress: 90,
  bar: 110,
  vsPrevious: 115,
  vsLastYear: 115,
  vsBenchmark: 115,
  sparkline: 130,
  deadline: 100,
  smart: 95,
};

/** Intermediate values per KPI, in hidden columns on the KPI's row (after one spacer column). */
export const CALC = [
  'n',
  'lastPos',
  'prevPos',
  'firstPos',
  'points',
  'previous',
  'first',
  'baseline',
  'start',
  'lastX',
  'yoyFrom',
  'yoyTo',
  'yoy',
  'expected',
  'direction',
  'benchmark',
  'currentPeriod',
] as const;
export type CalcColumn = (typeof CALC)[number];

export const CALC_COLUMN = VISIBLE.length + 2; // O
export const SERIES_COLUMN = CALC_COLUMN + CALC.length + 1;
/** Per KPI, its chart data: position in the source, period, actual, target. */
export const SERIES_WIDTH = 4;

export const SPACER_WIDTH = 24;

/** Points a trend chart and sparkline show: about two years of months, half a year of weeks… */
export const WINDOW: Record<Frequency, number> = { daily: 30, weekly: 26, monthly: 24, quarterly: 12 };
/** Periods in a year, to find the same period last year in undated series. */
export const PERIODS_PER_YEAR: Record<Frequency, number> = { daily: 365, weekly: 52, monthly: 12, quarterly: 4 };

export const CHART_WIDTH = 620;
export const CHART_HEIGHT = 300;
export const CHART_GAP = 20;
/** Rows a chart takes at the default row height (21 px), with a margin. */
export const CHART_ROWS = 16;

export const visibleColumn = (c: VisibleColumn): number => VISIBLE.indexOf(c) + 1;
export const calcColumn = (c: CalcColumn): number => CALC_COLUMN + CALC.indexOf(c);
export const seriesColumn = (kpiIndex: number): number => SERIES_COLUMN + SERIES_WIDTH * kpiIndex;

/** `$P$7`: references inside the plan are absolute, each formula being written to its own cell. */
export const abs = (row: number, column: number): string => `$${columnLetters(column)}$${row}`;
export const a1 = (row: number, column: number): string => `${columnLetters(column)}${row}`;
export const areaA1 = (row: number, column: number, rows: number, columns: number): string =>
  rows === 1 && columns === 1 ? abs(row, column) : `${abs(row, column)}:${abs(row + rows - 1, column + columns - 1)}`;

/** The anchor column and pixel offset of a horizontal position, walking the visible columns' widths. */
export function anchorAt(x: number): { column: number; offsetX: number } {
  let start = 0;
  for (let i = 0; i < VISIBLE.length; i++) {
    const w = VISIBLE_WIDTHS[VISIBLE[i]];
    if (x < start + w) return { column: i + 1, offsetX: x - start };
    start += w;
  }
  return { column: VISIBLE.length + 1, offsetX: x - start };
}
