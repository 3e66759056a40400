/**
 * A dashboard as plain data: which sheets, which blocks of cells (values and formulas with their
 * number formats), which styles, conditional formats and charts, and where. Built by
 * `buildDashboardPlan` (pure), drawn by the shell's renderer in a fixed number of batched calls
 * per block, plus a fixed number per chart. Rows and columns are 1-based, as in Sheets.
 */
import type { AudienceLevel } from '../../../src/core/kpi/model';

/** One dashboard per audience level, or one for every KPI. */
export type DashboardKey = AudienceLevel | 'overall';

/** A literal (number or text) or a formula (text starting with "="). '' is a blank cell. */
export type PlanValue = string | number;

/** A rectangle on the dashboard sheet. */
export interface Area {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/**
 * A rectangle written in one batch: number formats first (text literals get "@", so a KPI named
 * "=1+1" stays text), then values and formulas together.
 */
export interface Block extends Area {
  id: string;
  values: PlanValue[][];
  numberFormats: string[][];
}

export interface Style extends Area {
  fontWeight?: 'bold' | 'normal';
  fontSize?: number;
  fontColor?: string;
  background?: string;
  horizontalAlignment?: 'left' | 'center' | 'right';
  wrap?: boolean;
}

/** A conditional format rule over one or more areas of the dashboard sheet. */
export type ConditionalFormat = {
  areas: Area[];
  background?: string;
  fontColor?: string;
  bold?: boolean;
} & ({ when: 'text_equals'; text: string } | { when: 'formula'; formula: string });

/** A range a chart reads: on the dashboard sheet itself, or an A1 reference with its sheet (a KPI's source). */
export type ChartRange = ({ sheet: 'self' } & Area) | { sheet: 'source'; a1: string };

export type ChartType = 'LINE' | 'COLUMN' | 'BAR';

export interface ChartSpec {
  id: string;
  type: ChartType;
  /** Why this chart (for tests and the report): 'trend' | 'progress' | 'categories'. */
  role: 'trend' | 'progress' | 'categories';
  kpiId: string | null;
  ranges: ChartRange[];
  /** Rows of headers in the ranges (series names). */
  numHeaders: number;
  /** Anchor cell and offset in pixels. */
  position: { row: number; column: number; offsetX: number; offsetY: number };
  /** Passed to setOption one by one: 'title', 'legend', 'colors', 'width', 'height', … */
  options: Record<string, unknown>;
}

export interface SheetPlan {
  key: DashboardKey;
  /** The name a new dashboard gets (an existing one keeps the name the user gave it). */
  name: string;
  kpiIds: string[];
  /** The grid the sheet needs at least. */
  rows: number;
  columns: number;
  frozenRows: number;
  /** The cell holding the last refresh time, rewritten by every refresh. */
  refreshedCell: { row: number; column: number };
  columnWidths: { column: number; count: number; width: number }[];
  /** Calculation and chart-data columns, hidden from readers (charts still plot them). */
  hiddenColumns: { column: number; count: number }[];
  blocks: Block[];
  styles: Style[];
  conditionalFormats: ConditionalFormat[];
  charts: ChartSpec[];
}

export interface DashboardPlan {
  sheets: SheetPlan[];
}
