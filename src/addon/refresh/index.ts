export {
  runScheduledRefresh,
  refreshNow,
  runRefresh,
  refreshHeaders,
  REFRESH_HANDLER,
  LOCK_WAIT_MS,
  USER_LOCK_WAIT_MS,
  type RefreshOptions,
  type AfterRunInfo,
} from './run';
export { getSchedule, setSchedule, type ScheduleOptions } from './schedule';
export { resolveSpreadsheet, documentLang, NoDocumentError, OrphanTriggerError, type ClockEvent } from './document';
export { loadRefreshState, saveDashboardLayout, CONFIG_KEY, LAST_RUN_KEY, LEASE_KEY } from './config';
export { STATE_KIND, STATE_SHEET_NAME } from './state-sheet';
export { readHistory, appendHistory, ensureHistorySheet, HISTORY_SHEET_NAMES } from './history-store';
export { RUNLOG_SHEET_NAME } from './runlog-store';
