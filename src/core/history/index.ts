export {
  periodOf,
  periodOfIndex,
  parsePeriodKey,
  frequencyOfKey,
  shiftPeriod,
  periodsBetween,
  isoWeek,
  isoWeeksInYear,
  weekday,
  type Period,
} from './periods';
export { wallClockIn, isoDateTimeIn, dayIn, dayOfDateTime, isIsoDateTime } from './time';
export {
  HISTORY_KIND,
  HISTORY_SCHEMA_VERSION,
  HISTORY_HEADER,
  HISTORY_FORMATS,
  STATUSES,
  historyKey,
  encodeHistoryRow,
  decodeHistory,
  type HistoryRow,
  type StoredHistoryRow,
  type HistoryProblem,
  type DecodedHistory,
} from './rows';
export { planRefresh, MAX_CATCH_UP, type KpiReading, type PlanInput, type Plan } from './due';
export { seriesFromHistory, sourceDataFromHistory, type HistoryPoint } from './series';
export { PENDING_PREFIX, parsePending, serializePending, pendingFromProperties, pendingChanges } from './pending';
export {
  WEEKDAYS,
  DEFAULT_CONFIG,
  validateSchedule,
  parseConfig,
  serializeConfig,
  RUNLOG_KIND,
  RUNLOG_SCHEMA_VERSION,
  RUNLOG_HEADER,
  RUNLOG_FORMATS,
  capErrors,
  encodeRunLogRow,
  parseRunLogEntry,
  serializeRunLogEntry,
  type RefreshConfig,
  type Weekday,
} from './schedule';
