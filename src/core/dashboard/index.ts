export { buildDashboardPlan, buildSheetPlan, dashboardsFor, type DashboardInput, type DashboardLayout } from './build';
export { kpiFormulas, currentPeriodKey, type KpiFormulas, type KpiFormulaContext } from './formulas';
export * from './layout';
export type {
  Area,
  Block,
  ChartRange,
  ChartSpec,
  ChartType,
  ConditionalFormat,
  DashboardKey,
  DashboardPlan,
  PlanValue,
  SheetPlan,
  Style,
} from './plan';
export { SHEET_NAMES, STATUS_WORDS, TITLES, TEXT as DASHBOARD_TEXT } from './text';
export { valueFormat, CHANGE_FORMAT } from './formats';
