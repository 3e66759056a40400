/**
 * The refresh: one handler for the clock trigger and for "Refresh now".
 *
 * 1. Resolve the spreadsheet (document.ts). A trigger whose spreadsheet is gone removes itself.
 * 2. Serialise runs. The document lock where there is one (a menu, the sidebar; a clock trigger
 *    may have none: "If this method is called outside of the context of a containing document
 *    … null is returned", LockService reference), and always the user's lock, which exists in
 *    every context ("prevents the current user from concurrently running a section of code").
 *    Runs of different users hold different user locks: a run in progress marks itself in the
 *    state sheet (a lease, checked after the locks), and another user's run stands down while
 *    it is live. A run that stands down is recorded, with its reason, in the run log and as the
 *    last run.
 * 3. Read everything: the state sheet (schedule, pending readings), the KPIs, their sources (one
 *    read per source sheet), the history. A service failure here ends the run with nothing written.
 * 4. Decide (core/history/due.ts, pure).
 * 5. Commit, in this order: the history rows in ONE block; the dashboard header (callback); one
 *    run-log line; the state sheet's rows of the refresh (last run, lease cleared, pending
 *    readings) in ONE block. An interruption before the history block leaves every sheet as it
 *    was; after it, the rows are complete, the next run skips them (one row per KPI and period,
 *    ever) and writes what was left.
 */
import { catalogue, localize } from '../../core/i18n/text';
import { planRefresh, type KpiReading } from '../../core/history/due';
import { pendingChanges, pendingFromProperties } from '../../core/history/pending';
import { dayIn, isoDateTimeIn } from '../../core/history/time';
import { isoDateFormatter } from '../../core/i18n/dates';
import type { Lang } from '../../core/i18n/lang';
import { blocks, encodeLease, LEASE_MS } from '../../core/storage/refresh-state';
import type { RunLogEntry } from '../../shared/api';
import { clock } from '../clock';
import { refreshDashboardHeaders, refreshedText } from '../dashboard/headers';
import { promoteProjectTags } from '../owned-sheets';
import { SheetReader } from '../sources';
import { loadKpis } from '../storage';
import {
  CONFIG_KEY,
  encodeLastRun,
  LAST_RUN_KEY,
  LEASE_KEY,
  loadRefreshState,
  userKey,
  type RefreshState,
} from './config';
import { documentLang, OrphanTriggerError, resolveSpreadsheet, type ClockEvent } from './document';
import { appendHistory, readHistory } from './history-store';
import { appendRunLog, appendRunLogLine } from './runlog-store';
import { writeState } from './state-sheet';
import { REFRESH_HANDLER, removeTriggerById } from './triggers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Lock = GoogleAppsScript.Lock.Lock;

export { REFRESH_HANDLER };

/** How long a run waits for the document lock: a KPI save holds it for a moment, a refresh for longer. */
export const LOCK_WAIT_MS = 5_000;
/**
 * How long a scheduled run waits for the user's lock: the same user's refresh of ANOTHER
 * spreadsheet holds it too (the lock is per user, whatever the document), and that run does not
 * do this one's work. Nobody waits on a trigger; a run may last 6 minutes.
 */
export const USER_LOCK_WAIT_MS = 60_000;

export interface AfterRunInfo {
  now: Date;
  timeZone: string;
  lang: Lang;
}

/** The default step after the history: the dashboards' "last refreshed" cell. */
export const refreshHeaders = (ss: Spreadsheet, nowText: string, info?: AfterRunInfo): void => {
  refreshDashboardHeaders(ss, nowText, info);
};

export interface RefreshOptions {
  /**
   * Runs under the lock, after the history (default: refreshHeaders; null: nothing). `nowText`
   * is the dashboards' "last refreshed" text (refreshedText: "15/06/2026 10:05" in French).
   * A failure is reported in the run's errors; the history is already written.
   */
  afterRun?: ((ss: Spreadsheet, nowText: string, info: AfterRunInfo) => void) | null;
  /** Where a skipped run says why (default console.log: Apps Script's execution log). */
  log?: (message: string) => void;
}

const TEXT = catalogue({
  busyDocument: {
    fr: 'Une actualisation (ou un enregistrement) est déjà en cours dans ce classeur : elle fait ce travail. Réessayez dans un instant.',
    en: 'A refresh (or a save) is already running in this spreadsheet and is doing this work. Try again in a moment.',
  },
  busyUser: {
    fr: "Une autre de vos actualisations est en cours (dans ce classeur ou un autre) : celle-ci n'a pas été faite ; la prochaine la rattrape.",
    en: 'Another of your refreshes is running (in this spreadsheet or another): this one was not done; the next one catches up.',
  },
  busyOther: {
    fr: (start: string) =>
      `Une actualisation lancée par un autre utilisateur à ${start} est en cours dans ce classeur : elle fait ce travail.`,
    en: (start: string) =>
      `A refresh started by another user at ${start} is running in this spreadsheet and is doing this work.`,
  },
  header: {
    fr: "La feuille d'historique n'a plus les colonnes kpiId | period | periodStart | value | target | status | takenAt en A1:G1 : rien n'y est ajouté tant qu'elles ne sont pas rétablies (Édition › Annuler ou Historique des versions).",
    en: 'The history sheet no longer has kpiId | period | periodStart | value | target | status | takenAt in A1:G1: nothing is added until they are restored (Edit › Undo or version history).',
  },
  unreadableConfig: {
    fr: "La planification enregistrée dans la feuille « Boussole · État » est illisible : l'actualisation a eu lieu ; enregistrez de nouveau la planification depuis le panneau.",
    en: 'The schedule stored in the "Boussole · State" sheet cannot be read: the refresh ran; set the schedule again from the sidebar.',
  },
  failed: { fr: "L'actualisation s'est arrêtée : ", en: 'The refresh stopped: ' },
  retry: {
    fr: ' Rien de partiel n’a été écrit ; la prochaine actualisation reprend.',
    en: ' Nothing partial was written; the next refresh picks up from here.',
  },
  afterRun: { fr: 'En-tête des tableaux de bord non mis à jour : ', en: 'Dashboard header not updated: ' },
  runLog: { fr: 'Journal non écrit : ', en: 'Run log not written: ' },
  state: {
    fr: 'État non enregistré (dernière exécution, relevés en attente) ; la prochaine actualisation le rétablit : ',
    en: 'State not saved (last run, pending readings); the next refresh puts it right: ',
  },
  kpiRowProblem: {
    fr: (row: number, id: string | null, reason: string) => `Ligne KPI ${row}${id ? ` (${id})` : ''} : ${reason}`,
    en: (row: number, id: string | null, reason: string) => `KPI row ${row}${id ? ` (${id})` : ''}: ${reason}`,
  },
});

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** ISO dates and date-times in the spreadsheet's zone, locally; Utilities when the runtime lacks the zone. */
function zoneFormatters(timeZone: string) {
  try {
    return { toIso: isoDateFormatter(timeZone), toDateTime: isoDateTimeIn(timeZone), dayOf: dayIn(timeZone) };
  } catch {
    const toIso = (d: Date) => Utilities.formatDate(d, timeZone, 'yyyy-MM-dd');
    return {
      toIso,
      toDateTime: (d: Date) => Utilities.formatDate(d, timeZone, "yyyy-MM-dd'T'HH:mm:ssXXX"),
      dayOf: (d: Date) => Math.round(Date.parse(`${toIso(d)}T00:00:00Z`) / 86_400_000),
    };
  }
}

function release(lock: Lock | null): void {
  try {
    lock?.releaseLock();
  } catch {
    /* released when the execution ends anyway */
  }
}

/** Runs one refresh; never throws (the outcome, errors included, is the returned entry). */
export function runRefresh(
  trigger: RunLogEntry['trigger'],
  event: ClockEvent | undefined,
  options: RefreshOptions = {},
): RunLogEntry {
  const log = options.log ?? ((m: string) => console.log(m));
  const startedAt = clock.now();
  // No spreadsheet, so no zone of its own: the script's zone, like every other stamp the user sees.
  const scriptStamp = (): string => {
    try {
      return isoDateTimeIn(Session.getScriptTimeZone())(startedAt);
    } catch {
      return startedAt.toISOString();
    }
  };
  const fallback = (errors: string[]): RunLogEntry => ({
    start: scriptStamp(),
    durationMs: clock.now().getTime() - startedAt.getTime(),
    trigger,
    rowsWritten: 0,
    errors,
  });

  let ss: Spreadsheet;
  let lang: Lang = 'en';
  let timeZone: string;
  let fmt: ReturnType<typeof zoneFormatters>;
  try {
    ss = resolveSpreadsheet(event);
    lang = documentLang(ss);
    timeZone = ss.getSpreadsheetTimeZone();
    fmt = zoneFormatters(timeZone);
  } catch (e) {
    if (e instanceof OrphanTriggerError) {
      // Its spreadsheet is gone: an orphan would fire forever and count against the trigger limit.
      try {
        removeTriggerById(e.triggerUid);
      } catch (removal) {
        log(`${e.message} Removing it failed: ${message(removal)}`);
        return fallback([e.message]);
      }
    }
    log(message(e));
    return fallback([message(e)]);
  }
  const start = fmt.toDateTime(startedAt);
  const entryOf = (rowsWritten: number, errors: string[]): RunLogEntry => ({
    start,
    durationMs: clock.now().getTime() - startedAt.getTime(),
    trigger,
    rowsWritten,
    errors,
  });

  // A run that stands down says so where the user looks: the run log and the last run.
  const standDown = (reason: string, state: RefreshState | null): RunLogEntry => {
    log(`Boussole: ${reason}`);
    const entry = entryOf(0, [reason]);
    try {
      appendRunLogLine(ss, entry);
    } catch (e) {
      entry.errors = [...entry.errors, localize(TEXT.runLog, lang) + message(e)];
    }
    try {
      const current = state ?? loadRefreshState(ss);
      if (current.state.sheet) writeState(ss, lang, current.state, { [LAST_RUN_KEY]: encodeLastRun(entry) });
    } catch {
      /* the run log has it */
    }
    return entry;
  };

  let docLock: Lock | null = null;
  let userLock: Lock | null = null;
  try {
    docLock = LockService.getDocumentLock();
    if (docLock && !docLock.tryLock(LOCK_WAIT_MS)) {
      docLock = null;
      return standDown(localize(TEXT.busyDocument, lang), null);
    }
    userLock = LockService.getUserLock();
    if (!userLock.tryLock(trigger === 'schedule' ? USER_LOCK_WAIT_MS : LOCK_WAIT_MS)) {
      userLock = null;
      release(docLock);
      docLock = null;
      return standDown(localize(TEXT.busyUser, lang), null);
    }
  } catch (e) {
    release(userLock);
    release(docLock);
    log(`Boussole: refresh failed: ${message(e)}`);
    return entryOf(0, [localize(TEXT.failed, lang) + message(e) + localize(TEXT.retry, lang)]);
  }

  const errors: string[] = [];
  let rowsWritten = 0;
  let current: RefreshState | null = null;
  let leased = false;
  let stateWritten = false;
  try {
    current = loadRefreshState(ss);
    const uid = trigger === 'schedule' && typeof event?.triggerUid === 'string' ? event.triggerUid : null;
    if (uid && current.unreadable) errors.push(localize(TEXT.unreadableConfig, lang));
    else if (uid && current.state.values[CONFIG_KEY] && current.config.schedule.kind === 'off') {
      // Left behind after the document's schedule was turned off (by another user, or a failed replacement).
      removeTriggerById(uid);
      log('Boussole: the schedule is off in this document; its trigger was removed.');
      return entryOf(0, []);
    } else if (uid && current.runner && current.runner.trigger !== uid) {
      // Another user set the document's schedule since: their trigger runs it now (#14, item 5).
      removeTriggerById(uid);
      log(
        "Boussole: this document's schedule is now run by another trigger (set by another user); this one was removed.",
      );
      return entryOf(0, []);
    }

    const me = userKey();
    const now0 = clock.now().getTime();
    if (blocks(current.lease, now0, me)) {
      const reason = localize(TEXT.busyOther, lang)(current.lease.start);
      return standDown(reason, current);
    }
    if (current.state.sheet && current.state.inPlace) {
      current = {
        ...current,
        state: writeState(ss, lang, current.state, {
          [LEASE_KEY]: encodeLease({ user: me, start, until: now0 + LEASE_MS }),
        }),
      };
      leased = true;
    }
    promoteProjectTags(ss);

    // --- read ---
    const kpis = loadKpis({ ss, lang, toIso: fmt.toIso });
    const reader = new SheetReader(ss, fmt.toIso);
    const readings: KpiReading[] = kpis.items.map(({ item }) => {
      const read = reader.readKpi(item, lang);
      return { kpi: item, columns: read.columns, error: read.error };
    });
    const history = readHistory(ss, lang, fmt.toIso);
    const stored = current.state.values;
    const pending = pendingFromProperties(stored);

    // --- decide ---
    const now = clock.now();
    const plan = planRefresh({
      today: fmt.dayOf(now),
      takenAt: fmt.toDateTime(now),
      readings,
      history,
      pending,
      knownIds: kpis.sheet
        ? new Set([...kpis.items.map((x) => x.item.id), ...kpis.problems.map((p) => p.id ?? '')])
        : null,
      lang,
      dateOrder: reader.dateOrder,
    });
    for (const p of kpis.problems) errors.push(localize(TEXT.kpiRowProblem, lang)(p.row, p.id, p.reason));
    errors.push(...plan.errors);

    // --- commit ---
    const canWrite = history.headerOk;
    if (plan.rows.length && !canWrite) errors.push(localize(TEXT.header, lang));
    const changes: Record<string, string | null> = {};
    if (canWrite) {
      appendHistory(ss, lang, history, plan.rows);
      rowsWritten = plan.rows.length;
      // Only once the rows are in: a reading leaves the pending ones after it is archived.
      const diff = pendingChanges(stored, plan.pending);
      Object.assign(changes, diff.set);
      for (const key of diff.remove) changes[key] = null;
    }
    const afterRun = options.afterRun === undefined ? refreshHeaders : options.afterRun;
    if (afterRun) {
      // The dashboards' figures follow the rows just archived. Their update is one Sheets API
      // batch (all or nothing) that reads again what it writes, so it is tried a second time
      // when the first fails (Apps Script's service errors are mostly transient): a run then
      // leaves the history and the dashboards in step (#14, the campaign's "later refresh").
      for (let attempt = 1; attempt <= 2; attempt++) {
        try {
          const now = clock.now();
          afterRun(ss, refreshedText(now, timeZone, lang), { now, timeZone, lang });
          break;
        } catch (e) {
          if (attempt === 2) errors.push(localize(TEXT.afterRun, lang) + message(e));
        }
      }
    }
    const entry = entryOf(rowsWritten, errors);
    try {
      appendRunLog(ss, lang, entry);
    } catch (e) {
      entry.errors = [...entry.errors, localize(TEXT.runLog, lang) + message(e)];
    }
    try {
      writeState(ss, lang, current.state, { ...changes, [LAST_RUN_KEY]: encodeLastRun(entry), [LEASE_KEY]: '' });
      stateWritten = true;
    } catch (e) {
      entry.errors = [...entry.errors, localize(TEXT.state, lang) + message(e)];
    }
    return entry;
  } catch (e) {
    const entry = entryOf(rowsWritten, [
      ...errors,
      localize(TEXT.failed, lang) + message(e) + (rowsWritten ? '' : localize(TEXT.retry, lang)),
    ]);
    log(`Boussole: refresh failed: ${message(e)}`);
    if (current?.state.sheet && !rowsWritten) {
      try {
        writeState(ss, lang, current.state, { [LAST_RUN_KEY]: encodeLastRun(entry), [LEASE_KEY]: '' });
        stateWritten = true;
      } catch {
        /* the service is failing; the returned entry still says it */
      }
    }
    return entry;
  } finally {
    if (leased && !stateWritten && current) {
      // Put the lease row back as it was: a run cut short blocks nobody.
      try {
        writeState(ss, lang, current.state, { [LEASE_KEY]: '' });
      } catch {
        /* stale after LEASE_MS anyway */
      }
    }
    release(userLock);
    release(docLock);
  }
}

/** The clock trigger's handler: src/main.ts exports it as the top-level `runScheduledRefresh`. */
export function runScheduledRefresh(e?: ClockEvent, options: RefreshOptions = {}): RunLogEntry {
  return runRefresh('schedule', e, options);
}

/** "Refresh now" (sidebar/menu): the same handler, marked manual. */
export function refreshNow(options: RefreshOptions = {}): RunLogEntry {
  return runRefresh('manual', undefined, options);
}
