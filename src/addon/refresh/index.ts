export {
  runScheduledRefresh,
  refreshNow,
  runRefresh,
  refreshHeaders,
  REFRESH_HANDLER,
  LOCK_WAIT_MS,
  type RefreshOptions,
  type AfterRunInfo,
} from './run';
export { getSchedule, setSchedule, type ScheduleOptions } from './schedule';
export { resolveSpreadsheet, documentLang, NoDocumentError, type ClockEvent } from './document';
export { readConfig, saveDashboardLayout, readLastRun, CONFIG_KEY, LAST_RUN_KEY } from './config';
export { readHistory, appendHistory, ensureHistorySheet, HISTORY_SHEET_NAMES } from './history-store';
export { RUNLOG_SHEET_NAME } from './runlog-store';
