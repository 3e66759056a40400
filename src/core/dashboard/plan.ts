/**
 * A dashboard as plain data: which sheet, which blocks of cells (values, a few formulas, their
 * number formats), styles, row and column sizes, conditional formats and charts, and where.
 * Built by `buildDashboardPlan` (pure); the shell's renderer turns it into Sheets API requests
 * sent in one batchUpdate. Rows and columns are 1-based, as in Sheets.
 */
import type { AudienceLevel } from '../kpi/model';

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
 * A rectangle written in one updateCells: text stays text (a KPI named "=1+1" is a name), numbers
 * are numbers, formulas (only SPARKLINE, over the block's own cells) are formulas.
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
  verticalAlignment?: 'top' | 'middle' | 'bottom';
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

export interface ChartBase {
  id: string;
  kpiId: string | null;
  title: string;
  /** Anchor cell and offset in pixels; size in pixels. */
  position: { row: number; column: number; offsetX: number; offsetY: number };
  width: number;
  height: number;
}

/** A native scorecard (Sheets API ChartSpec.scorecardChart): the key value, its change vs a baseline. */
export interface ScorecardSpec extends ChartBase {
  type: 'SCORECARD';
  role: 'scorecard';
  key: Area;
  baseline: Area | null;
  /** Rates change in points (absolute difference), amounts in percent. */
  comparison: 'ABSOLUTE_DIFFERENCE' | 'PERCENTAGE_DIFFERENCE';
  /**
   * Said after the change (BaselineValueFormat.description): what it is against ("vs M-1"), and
   * for a rate that it is in points — the API formats an absolute difference with the data's
   * percent format ("0,4 %"), and has no option to write it "0,4 pt".
   */
  changeLabel: string;
  /** Lower is better: a rise is coloured bad. */
  lowerIsBetter: boolean;
  /** Compact form: values divided by this (1, 1 000, 1 000 000) and shown with prefix/suffix. */
  scale: number;
  prefix: string;
  suffix: string;
}

export interface BasicChartSpec extends ChartBase {
  type: 'LINE' | 'COLUMN' | 'BAR';
  role: 'trend' | 'progress' | 'categories';
  domain: ChartRange;
  /** A target is drawn dashed, a benchmark dotted (BasicChartSeries.lineStyle). */
  series: { range: ChartRange; color: string; line?: 'dashed' | 'dotted' }[];
  /** Rows of headers in the ranges (series names). */
  headerCount: number;
  legend: 'BOTTOM' | 'NONE';
  /** Number format of the value axis, e.g. '0%'. */
  valueFormat?: string;
}

export type ChartSpec = ScorecardSpec | BasicChartSpec;

export interface SheetPlan {
  key: DashboardKey;
  /** The name a new dashboard gets (an existing one keeps the name the user gave it). */
  name: string;
  kpiIds: string[];
  /** The grid the sheet has: sized to what it holds. */
  rows: number;
  columns: number;
  frozenRows: number;
  /** The "as of" cell, rewritten by every refresh (no volatile function anywhere). */
  refreshedCell: { row: number; column: number };
  columnWidths: { column: number; count: number; width: number }[];
  rowHeights: { row: number; count: number; height: number }[];
  /** Chart data and figures, hidden from readers (charts still plot them). */
  hiddenColumns: { column: number; count: number }[];
  blocks: Block[];
  styles: Style[];
  conditionalFormats: ConditionalFormat[];
  charts: ChartSpec[];
}

export interface DashboardPlan {
  sheets: SheetPlan[];
}
