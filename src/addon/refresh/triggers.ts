/**
 * The refresh's time-driven trigger. An add-on may hold one per user per document, firing at
 * most hourly; a trigger belongs to the user who made it, and only they can see or delete it.
 * Replacing it deletes the old one BEFORE creating the new one, so the limit holds at every
 * instant. Each trigger has a user property naming its spreadsheet (written right after it is
 * made, deleted right after it is), its only way to its document in a run without one.
 */
import { encodeTriggerRecord } from '../../core/storage/refresh-state';
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

/** Deletes one of this user's triggers by its id (a trigger removing itself), and its property. */
export function removeTriggerById(uid: string): boolean {
  const trigger = ScriptApp.getProjectTriggers().find((t) => t.getUniqueId() === uid);
  if (trigger) ScriptApp.deleteTrigger(trigger);
  PropertiesService.getUserProperties().deleteProperty(TRIGGER_DOC_PREFIX + uid);
  return !!trigger;
}

/**
 * Deletes the trigger properties whose trigger no longer exists (one left by an interrupted
 * deletion: #14, item 7). All of this user's triggers of this add-on are listed, whatever their
 * document, so this also cleans up after other spreadsheets.
 */
export function sweepTriggerRecords(): number {
  const props = PropertiesService.getUserProperties();
  const live = new Set(ScriptApp.getProjectTriggers().map((t) => t.getUniqueId()));
  const dead = props
    .getKeys()
    .filter((k) => k.startsWith(TRIGGER_DOC_PREFIX) && !live.has(k.slice(TRIGGER_DOC_PREFIX.length)));
  for (const k of dead) props.deleteProperty(k);
  return dead.length;
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
  // Where this trigger's runs go: the only way to the document in a run that has none.
  PropertiesService.getUserProperties().setProperty(
    TRIGGER_DOC_PREFIX + trigger.getUniqueId(),
    encodeTriggerRecord({ spreadsheetId: ss.getId(), failingSince: null }),
  );
  return trigger;
}
