export { generateDashboards, DASHBOARD_SCHEMA_VERSION, type DashboardContext, type GenerateOptions } from './generate';
export { refreshDashboardHeaders, refreshedText } from './headers';
export {
  ensureHistorySheet,
  HISTORY_HEADER,
  HISTORY_KIND,
  HISTORY_SCHEMA_VERSION,
  HISTORY_SHEET_NAMES,
} from './history-sheet';
export {
  findDashboards,
  listDashboards,
  DASHBOARD_KIND,
  DRAFT_KIND,
  RETIRED_KIND,
  LEVEL_KEY,
  KPI_COUNT_KEY,
  type OwnedDashboard,
} from './owned-dashboards';
export { renderSheetPlan } from './render';
