export { buildDashboardPlan, buildSheetPlan, dashboardsFor, type DashboardInput, type DashboardLayout } from './build';
export { kpiFigures, type KpiFigures, type TileStatus } from './figures';
export * from './layout';
export type {
  Area,
  Block,
  ChartRange,
  ChartSpec,
  ConditionalFormat,
  DashboardKey,
  DashboardPlan,
  PlanValue,
  SheetPlan,
  Style,
} from './plan';
export { SHEET_NAMES, STATUS_WORDS, TITLES, TEXT as DASHBOARD_TEXT } from './text';
export { valueFormat, CHANGE_FORMAT, compactForm } from './formats';
