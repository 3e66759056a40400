/**
 * The document's one time-driven trigger (an add-on may hold one per user per document, firing
 * at most hourly). Replacing it deletes the old one BEFORE creating the new one, so the limit
 * holds at every instant.
 */
import type { Schedule } from '../../shared/api';
import { TRIGGER_DOC_PREFIX } from './config';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Trigger = GoogleAppsScript.Script.Trigger;

/** The name of the top-level function the clock trigger calls: src/main.ts must export it. */
export const REFRESH_HANDLER = 'runScheduledRefresh';
const HANDLER = REFRESH_HANDLER;

/** This user's refresh triggers in this document (normally zero or one). */
export function refreshTriggers(ss: Spreadsheet): Trigger[] {
  return ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === HANDLER);
}

export function removeRefreshTriggers(ss: Spreadsheet, existing: Trigger[] = refreshTriggers(ss)): void {
  if (!existing.length) return;
  const userProps = PropertiesService.getUserProperties();
  for (const t of existing) {
    const id = t.getUniqueId();
    ScriptApp.deleteTrigger(t);
    userProps.deleteProperty(TRIGGER_DOC_PREFIX + id);
  }
}

/**
 * Creates the trigger for a schedule (not 'off'). Hours are in the spreadsheet's time zone: an
 * add-on's script zone is the developer's, not the user's.
 */
export function createRefreshTrigger(ss: Spreadsheet, schedule: Exclude<Schedule, { kind: 'off' }>): Trigger {
  const builder = ScriptApp.newTrigger(HANDLER).timeBased();
  const timeZone = ss.getSpreadsheetTimeZone();
  let trigger: Trigger;
  switch (schedule.kind) {
    case 'hourly':
      trigger = builder.everyHours(1).create();
      break;
    case 'daily':
      trigger = builder.everyDays(1).atHour(schedule.hour).inTimezone(timeZone).create();
      break;
    case 'weekly':
      trigger = builder.onWeekDay(ScriptApp.WeekDay[schedule.day]).atHour(schedule.hour).inTimezone(timeZone).create();
      break;
  }
  // Where this trigger's runs go, should document properties be unavailable to it.
  PropertiesService.getUserProperties().setProperty(TRIGGER_DOC_PREFIX + trigger.getUniqueId(), ss.getId());
  return trigger;
}
