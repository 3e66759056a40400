/**
 * getSchedule / setSchedule for the sidebar. A document has ONE schedule (in its state sheet,
 * with the dashboards' layout), run by ONE trigger: the one made by the user who set it last.
 * Triggers are per user (the platform allows one per user per document, and a user sees and
 * deletes only their own), so each user is told the truth (#14, item 5): whether the schedule is
 * run by their trigger or another user's, and whether a trigger of theirs is left over (it
 * removes itself at its next firing, when it finds it no longer runs the schedule).
 */
import { catalogue, localize } from '../../core/i18n/text';
import { validateSchedule } from '../../core/history/schedule';
import type { Lang } from '../../core/i18n/lang';
import type { Runner } from '../../core/storage/refresh-state';
import type { DashboardInfo, Schedule, ScheduleState } from '../../shared/api';
import { clock } from '../clock';
import { listDashboards } from '../dashboard/owned-dashboards';
import { ensureUserKey, loadRefreshState, USER_KEY, userKey, writeConfig, type RefreshState } from './config';
import { documentLang, resolveSpreadsheet } from './document';
import { writeState } from './state-sheet';
import { createRefreshTrigger, refreshTriggers, removeRefreshTriggers, sweepTriggerRecords } from './triggers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Trigger = GoogleAppsScript.Script.Trigger;

export interface ScheduleOptions {
  /** The dashboards that exist (default: src/addon/dashboard's listDashboards). */
  listDashboards?: (ss: Spreadsheet) => DashboardInfo[];
}

const TEXT = catalogue({
  invalid: {
    fr: 'Planification invalide : choisissez « désactivée », « toutes les heures », « chaque jour à » une heure de 0 à 23, ou « chaque semaine » un jour et une heure.',
    en: 'Invalid schedule: choose off, hourly, daily at an hour from 0 to 23, or weekly on a day at an hour.',
  },
  busy: {
    fr: 'La planification est en cours de modification dans une autre fenêtre ; réessayez dans un instant.',
    en: 'The schedule is being changed in another window; try again in a moment.',
  },
});

/** What is in place, as this user can know it. */
function stateOf(
  current: Pick<RefreshState, 'config' | 'runner' | 'lastRun'>,
  mine: readonly string[],
  me: string | null,
  dashboards: DashboardInfo[],
): ScheduleState {
  const { config, runner } = current;
  let runBy: ScheduleState['runBy'] = 'nobody';
  if (config.schedule.kind !== 'off') {
    if (runner ? mine.includes(runner.trigger) : mine.length > 0) runBy = 'you';
    // Set by another user, or by an earlier version that did not record who (then not by you:
    // your trigger would be listed).
    else if (!runner || me === null || runner.user !== me) runBy = 'another_user';
  }
  // The layout the dashboards were made with, when there are some; else the one chosen.
  const layout = dashboards.length
    ? dashboards.some((d) => d.level === 'overall')
      ? 'overall'
      : 'by_level'
    : config.layout;
  return {
    schedule: config.schedule,
    runBy,
    staleTrigger: mine.some((id) => (runner ? id !== runner.trigger : config.schedule.kind === 'off')),
    layout,
    lastRun: current.lastRun,
    dashboards,
  };
}

/**
 * An earlier version's schedule and pending readings, read from document properties, are written
 * to the state sheet the first time the sidebar opens (under the document lock: a refresh from a
 * menu writes there too), so that a clock run without document properties finds them. Best effort:
 * the next load adopts them again.
 */
function storeAdopted(ss: Spreadsheet, current: RefreshState): void {
  let lock: GoogleAppsScript.Lock.Lock | null = null;
  let mine = false;
  try {
    lock = LockService.getDocumentLock();
    // Held already when called under a save's lock (generateDashboards): not released here.
    const held = !!lock?.hasLock();
    mine = !held && !!lock?.tryLock(0);
    if (held || mine) writeState(ss, documentLang(ss), current.state, {});
  } catch {
    /* adopted again next time */
  } finally {
    try {
      if (mine) lock?.releaseLock();
    } catch {
      /* released when the execution ends */
    }
  }
}

const idsOf = (triggers: readonly Trigger[]) => triggers.map((t) => t.getUniqueId());

export function getSchedule(options: ScheduleOptions = {}): ScheduleState {
  const ss = resolveSpreadsheet();
  const current = loadRefreshState(ss);
  if (current.adopted) storeAdopted(ss, current);
  return stateOf(current, idsOf(refreshTriggers(ss)), userKey(), (options.listDashboards ?? listDashboards)(ss));
}

const same = (a: Schedule, b: Schedule) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Replaces this user's trigger, then records the schedule and its runner in the state sheet:
 * that write is the commit. Everything returned is read before it, so once it is done nothing
 * can fail the call (#14, item 3). Interrupted before it, the document's schedule is unchanged,
 * and what getSchedule tells is what will run; the retry finishes the job. Under the user's lock,
 * so two sidebars of one user never both make a trigger.
 */
/** A clean-up step, tried again once (Apps Script's service errors are mostly transient); never throws. */
function twice(step: () => unknown): void {
  for (let i = 0; i < 2; i++) {
    try {
      step();
      return;
    } catch {
      /* tried again, then left to the next save or the trigger itself */
    }
  }
}

/**
 * After a failed save that had already deleted the schedule's trigger: the schedule as it was,
 * run by a trigger made again (a new id, recorded as the runner), so the failed save changed
 * nothing a user can see. Best effort: if this fails too, Settings says the trigger is gone.
 */
function restoreRunner(ss: Spreadsheet, lang: Lang, current: RefreshState): void {
  const previous = current.config.schedule;
  if (previous.kind === 'off' || !current.runner || refreshTriggers(ss).length > 0) return;
  let trigger: GoogleAppsScript.Script.Trigger | null = null;
  twice(() => {
    trigger ??= createRefreshTrigger(ss, previous);
  });
  const made = trigger as GoogleAppsScript.Script.Trigger | null;
  if (!made) return;
  const runner: Runner = { ...current.runner, trigger: made.getUniqueId() };
  twice(() => writeConfig(ss, lang, current, current.config, runner));
}

export function setSchedule(input: Schedule, options: ScheduleOptions = {}): ScheduleState {
  const ss = resolveSpreadsheet();
  const lang: Lang = documentLang(ss);
  const schedule = validateSchedule(input);
  if (!schedule) throw new Error(localize(TEXT.invalid, lang));
  const lock = LockService.getUserLock();
  if (!lock.tryLock(10_000)) throw new Error(localize(TEXT.busy, lang));
  try {
    const current = loadRefreshState(ss);
    const dashboards = (options.listDashboards ?? listDashboards)(ss);
    const existing = refreshTriggers(ss);
    const hadKey = userKey() !== null;
    const me = ensureUserKey();
    const ids = idsOf(existing);
    // Already in place (a retry whose first attempt was done): nothing to change.
    const done =
      same(current.config.schedule, schedule) &&
      current.state.sheet !== null &&
      !current.unreadable &&
      (schedule.kind === 'off'
        ? ids.length === 0 && current.runner === null
        : ids.length === 1 && current.runner?.trigger === ids[0]);
    if (done) return stateOf(current, ids, me, dashboards);

    // Three services are written in turn (#14 items 3 and 7): the old triggers go (the platform
    // allows one time-driven trigger per user and document, so before the new one is made), the new
    // trigger and its record, then the state sheet (the commit). A failure before the commit takes
    // back what this save made (the new trigger, a user key made for it); an old trigger already
    // deleted cannot be made again with its id, and Settings then says the trigger is gone.
    let runner: Runner | null = null;
    let config = current.config;
    try {
      config = { ...current.config, schedule, spreadsheetId: ss.getId() };
      removeRefreshTriggers(ss, existing);
      if (schedule.kind !== 'off') {
        const trigger = createRefreshTrigger(ss, schedule);
        runner = { trigger: trigger.getUniqueId(), user: me, since: clock.now().toISOString() };
      }
      writeConfig(ss, lang, current, config, runner);
    } catch (e) {
      twice(() =>
        removeRefreshTriggers(
          ss,
          refreshTriggers(ss).filter((t) => !ids.includes(t.getUniqueId())),
        ),
      );
      twice(() => sweepTriggerRecords());
      // A key made for this save goes too (the next save makes another): nothing changed.
      if (!hadKey) twice(() => PropertiesService.getUserProperties().deleteProperty(USER_KEY));
      restoreRunner(ss, lang, current);
      throw e;
    }
    twice(() => sweepTriggerRecords());
    return stateOf({ config, runner, lastRun: current.lastRun }, runner ? [runner.trigger] : [], me, dashboards);
  } finally {
    try {
      lock.releaseLock();
    } catch {
      /* released when the execution ends */
    }
  }
}
