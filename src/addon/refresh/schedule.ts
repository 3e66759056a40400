/**
 * getSchedule / setSchedule for the sidebar. The schedule, the layout and the spreadsheet id
 * live in document properties (one small JSON value); the trigger is this user's.
 */
import { localize } from '../../core/i18n/text';
import { validateSchedule } from '../../core/history/schedule';
import type { DashboardInfo, Schedule, ScheduleState } from '../../shared/api';
import { listDashboards } from '../dashboard/owned-dashboards';
import { documentProperties, readConfig, readLastRun, writeConfig } from './config';
import { documentLang, resolveSpreadsheet } from './document';
import { createRefreshTrigger, refreshTriggers, removeRefreshTriggers } from './triggers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ScheduleOptions {
  /** The dashboards that exist (default: src/addon/dashboard's listDashboards). */
  listDashboards?: (ss: Spreadsheet) => DashboardInfo[];
}

const TEXT = {
  invalid: {
    fr: 'Planification invalide : choisissez « désactivée », « toutes les heures », « chaque jour à » une heure de 0 à 23, ou « chaque semaine » un jour et une heure.',
    en: 'Invalid schedule: choose off, hourly, daily at an hour from 0 to 23, or weekly on a day at an hour.',
  },
  busy: {
    fr: 'La planification est en cours de modification dans une autre fenêtre ; réessayez dans un instant.',
    en: 'The schedule is being changed in another window; try again in a moment.',
  },
};

/** What is actually in place: the stored schedule when this user's trigger exists, else off. */
export function getSchedule(options: ScheduleOptions = {}): ScheduleState {
  const ss = resolveSpreadsheet();
  const props = documentProperties();
  const config = readConfig(props);
  const schedule: Schedule =
    config.schedule.kind !== 'off' && refreshTriggers(ss).length ? config.schedule : { kind: 'off' };
  return {
    schedule,
    layout: config.layout,
    lastRun: readLastRun(props),
    dashboards: (options.listDashboards ?? listDashboards)(ss),
  };
}

/**
 * Stores the schedule and the spreadsheet id, then replaces the trigger: delete, then create.
 * Under the user's lock, so two sidebars of one user never both create one.
 */
export function setSchedule(input: Schedule, options: ScheduleOptions = {}): ScheduleState {
  const ss = resolveSpreadsheet();
  const lang = documentLang(ss);
  const schedule = validateSchedule(input);
  if (!schedule) throw new Error(localize(TEXT.invalid, lang));
  const lock = LockService.getUserLock();
  if (!lock.tryLock(10_000)) throw new Error(localize(TEXT.busy, lang));
  try {
    const props = documentProperties();
    // The id first: a trigger that exists must always find its document.
    writeConfig({ ...readConfig(props), schedule, spreadsheetId: ss.getId() }, props);
    removeRefreshTriggers(ss);
    if (schedule.kind !== 'off') createRefreshTrigger(ss, schedule);
  } finally {
    lock.releaseLock();
  }
  return getSchedule(options);
}
