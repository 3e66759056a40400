export {
  generateDashboards,
  listDashboards,
  NothingToGenerate,
  DASHBOARD_SCHEMA_VERSION,
  DASHBOARD_KIND,
  LEVEL_KEY,
  KPI_COUNT_KEY,
  LAYOUT_KEY,
  type DashboardContext,
  type GenerateOptions,
} from './generate';
export { refreshDashboardHeaders, refreshedText } from './headers';
export {
  ensureHistorySheet,
  HISTORY_HEADER,
  HISTORY_KIND,
  HISTORY_SCHEMA_VERSION,
  HISTORY_SHEET_NAMES,
} from './history-sheet';
export { sheetRequests } from './render';
