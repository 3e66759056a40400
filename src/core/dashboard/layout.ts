/**
 * Where things sit on a dashboard sheet, sized for a 1,440 px screen WITH the add-on's sidebar
 * open: 1,440 px less the sidebar (300 px), Sheets' side panel rail (about 56 px), the row
 * numbers (46 px) and a scrollbar leave about 1,020 px of grid. A title and the "as of" line,
 * then the tiles (five per row: a native scorecard, its target and progress, its status word),
 * then the detail table, then the charts. Everything a reader sees lies in columns A–J
 * (10 × 100 px = 1,000 px); chart data and figures are in hidden columns after a spacer.
 */
import { columnLetters } from '../kpi/a1';
import type { Frequency } from '../kpi/model';

export const COLUMN_WIDTH = 100;
export const VISIBLE_COLUMNS = 10;
export const CONTENT_WIDTH = COLUMN_WIDTH * VISIBLE_COLUMNS;

export const TITLE_ROW = 1;
export const REFRESHED_ROW = 2;
export const SUMMARY_ROW = 3;
export const FIRST_TILE_ROW = 5;

/** The cell every refresh rewrites with the time of the refresh (B2, its label in A2). */
export const REFRESHED_CELL = { row: REFRESHED_ROW, column: 2 } as const;

export const TILES_PER_ROW = 5;
/** A tile is two columns: the scorecard over a tall row, then target · progress, then the status word. */
export const TILE_COLUMNS = 2;
export const TILE_ROWS = 4;
export const TILE_CHART_HEIGHT = 124;
export const TILE_GAP_HEIGHT = 10;
export const TILE_WIDTH = COLUMN_WIDTH * TILE_COLUMNS;
export const SCORECARD_WIDTH = TILE_WIDTH - 8;
export const SCORECARD_HEIGHT = TILE_CHART_HEIGHT - 6;

/** Detail table columns (A–J). */
export const TABLE = [
  'name',
  'objective',
  'status',
  'current',
  'target',
  'progress',
  'vsPrevious',
  'vsLastYear',
  'sparkline',
  'deadline',
] as const;
export type TableColumn = (typeof TABLE)[number];
export const tableColumn = (c: TableColumn): number => TABLE.indexOf(c) + 1;

/** Hidden columns, after a spacer (K): per KPI one row of figures (L…), then chart data blocks. */
export const SPACER_COLUMN = VISIBLE_COLUMNS + 1;
export const FIGURES_COLUMN = SPACER_COLUMN + 1;
export const FIGURES = ['name', 'current', 'previous', 'progress', 'expected', 'lastYear', 'baseline'] as const;
export const figureColumn = (f: (typeof FIGURES)[number]): number => FIGURES_COLUMN + FIGURES.indexOf(f);
export const SERIES_COLUMN = FIGURES_COLUMN + FIGURES.length + 1;
/** Per KPI, its chart data: period, actual, target, benchmark. */
export const SERIES_WIDTH = 4;
export const seriesColumn = (kpiIndex: number): number => SERIES_COLUMN + SERIES_WIDTH * kpiIndex;

/** Points a trend chart and sparkline show: two years of months, half a year of weeks… */
export const WINDOW: Record<Frequency, number> = { daily: 30, weekly: 26, monthly: 24, quarterly: 12 };

export const CHART_GAP = 20;
export const CHART_WIDTH = (CONTENT_WIDTH - CHART_GAP) / 2;
export const CHART_HEIGHT = 300;
/** Rows a chart takes at the default row height (21 px), with a margin. */
export const CHART_ROWS = 16;

export const a1 = (row: number, column: number): string => `${columnLetters(column)}${row}`;
export const abs = (row: number, column: number): string => `$${columnLetters(column)}$${row}`;

/** The anchor column and pixel offset of a horizontal position in the visible columns. */
export function anchorAt(x: number): { column: number; offsetX: number } {
  const column = Math.min(VISIBLE_COLUMNS, Math.floor(x / COLUMN_WIDTH) + 1);
  return { column, offsetX: x - (column - 1) * COLUMN_WIDTH };
}
