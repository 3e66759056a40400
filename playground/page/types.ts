/** What the playground server sends the page (plain JSON). */

export interface CellStyle {
  background?: string;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  align?: string;
  wrap?: boolean;
}

export interface CellOut {
  /** Displayed text. */
  v: string;
  /** Formula, when the cell holds one. */
  f?: string;
  /** For a cell a formula's result fills (spilled): that formula, shown greyed in the formula bar as Sheets does. */
  of?: string;
  /** What the formula bar shows for a value when it is not the displayed text (raw number, `'` before text that reads as a number…). */
  i?: string;
  /** 1 when the value is a number or date (right-aligned). */
  n?: 1;
  /** The error's message (custom functions explain themselves). */
  e?: string;
  s?: CellStyle;
}

export interface SparklineOut {
  row: number;
  column: number;
  values: (number | null)[];
  type: 'line' | 'column' | 'bar' | 'winloss';
  color: string | null;
}

export interface ChartOut {
  type: string;
  title: string;
  labels: string[];
  series: { name: string; data: (number | null)[] }[];
  options: Record<string, unknown>;
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  width: number;
  height: number;
  /** A native scorecard (Sheets API): drawn as Sheets draws it, a big value and its coloured change. */
  scorecard?: { value: string; change: string; color: string };
}

export interface SheetView {
  name: string;
  kind: string;
  rows: number;
  cols: number;
  /** Blank rows to draw below the data so charts anchored there have room. */
  padRows: number;
  widths: number[];
  heights: number[];
  hiddenColumns: number[];
  hiddenRows: number[];
  frozenRows: number;
  frozenColumns: number;
  cells: (CellOut | null)[][];
  charts: ChartOut[];
  sparklines: SparklineOut[];
}

export interface PlaygroundState {
  lang: 'fr' | 'en';
  /** The emulated clock, ISO, and as the spreadsheet's zone shows it. */
  now: string;
  nowText: string;
  spreadsheetName: string;
  source: { kind: 'sample' } | { kind: 'file'; name: string };
  sheets: { name: string; kind: string }[];
  active: string;
  selection: string | null;
  /** How many selections and activations the server has had (see playground.ts). */
  selectionVersion: number;
  schedule: string;
  lastRun: { start: string; rowsWritten: number; errors: string[] } | null;
  historyRows: number;
  /** A message for the person: a restore that failed, a file refused… */
  notice: { level: 'info' | 'warning' | 'error'; text: string } | null;
  /** Changes with every notice set, even one with the same text. */
  noticeId: number;
  version: number;
}
