/**
 * The refresh: one handler for the clock trigger and for "Refresh now".
 *
 * 1. Resolve the spreadsheet (document.ts), take the document lock (busy: another run is doing
 *    the work; log and return).
 * 2. Read everything: KPIs, their sources (one read per source sheet), the history keys, the
 *    pending observations. A service failure here ends the run with nothing written.
 * 3. Decide (core/history/due.ts, pure).
 * 4. Commit, in this order: the history rows in ONE block; the pending observations; the
 *    dashboard header (callback); one run-log line; the last run (document properties, for the
 *    sidebar: add-on triggers send no failure e-mail). An interruption before the history
 *    block leaves every sheet as it was; after it, the rows are complete and the next run skips
 *    them (one row per KPI and period, ever).
 */
import { catalogue, localize } from '../../core/i18n/text';
import { planRefresh, type KpiReading } from '../../core/history/due';
import { pendingChanges, pendingFromProperties } from '../../core/history/pending';
import { dayIn, isoDateTimeIn } from '../../core/history/time';
import { isoDateFormatter } from '../../core/i18n/dates';
import type { Lang } from '../../core/i18n/lang';
import type { RunLogEntry } from '../../shared/api';
import { clock } from '../clock';
import { refreshDashboardHeaders, refreshedText } from '../dashboard/headers';
import { SheetReader } from '../sources';
import { loadKpis } from '../storage';
import { documentProperties, readConfig, writeLastRun } from './config';
import { documentLang, resolveSpreadsheet, type ClockEvent } from './document';
import { appendHistory, readHistory } from './history-store';
import { appendRunLog } from './runlog-store';
import { REFRESH_HANDLER, removeRefreshTriggers } from './triggers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export { REFRESH_HANDLER };

/** How long a run waits for the document lock: a KPI save holds it for a moment, a refresh for longer. */
export const LOCK_WAIT_MS = 5_000;

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
  busy: {
    fr: 'Une actualisation est déjà en cours dans ce classeur : elle fait ce travail. Réessayez dans un instant.',
    en: 'A refresh is already running in this spreadsheet and is doing this work. Try again in a moment.',
  },
  header: {
    fr: "La feuille d'historique n'a plus les colonnes kpiId | period | periodStart | value | target | status | takenAt en A1:G1 : rien n'y est ajouté tant qu'elles ne sont pas rétablies (Édition › Annuler ou Historique des versions).",
    en: 'The history sheet no longer has kpiId | period | periodStart | value | target | status | takenAt in A1:G1: nothing is added until they are restored (Edit › Undo or version history).',
  },
  failed: { fr: "L'actualisation s'est arrêtée : ", en: 'The refresh stopped: ' },
  retry: {
    fr: ' Rien de partiel n’a été écrit ; la prochaine actualisation reprend.',
    en: ' Nothing partial was written; the next refresh picks up from here.',
  },
  afterRun: { fr: 'En-tête des tableaux de bord non mis à jour : ', en: 'Dashboard header not updated: ' },
  runLog: { fr: 'Journal non écrit : ', en: 'Run log not written: ' },
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

  let lock: GoogleAppsScript.Lock.Lock | null;
  let locked: boolean;
  try {
    lock = LockService.getDocumentLock();
    locked = !!lock && lock.tryLock(LOCK_WAIT_MS);
  } catch (e) {
    log(`Boussole: refresh failed: ${message(e)}`);
    return entryOf(0, [localize(TEXT.failed, lang) + message(e) + localize(TEXT.retry, lang)]);
  }
  if (!locked || !lock) {
    log(`Boussole: ${TEXT.busy.en}`);
    return entryOf(0, [localize(TEXT.busy, lang)]);
  }

  const errors: string[] = [];
  let rowsWritten = 0;
  try {
    const props = documentProperties();
    // A trigger left behind after the document's schedule was turned off (by another user, or a
    // failed replacement) removes itself instead of running.
    if (trigger === 'schedule' && event && readConfig(props).schedule.kind === 'off') {
      removeRefreshTriggers(ss);
      log('Boussole: the schedule is off in this document; its trigger was removed.');
      return entryOf(0, []);
    }

    // --- read ---
    const kpis = loadKpis({ ss, lang, toIso: fmt.toIso });
    const reader = new SheetReader(ss, fmt.toIso);
    const readings: KpiReading[] = kpis.items.map(({ item }) => {
      const read = reader.readKpi(item, lang);
      return { kpi: item, columns: read.columns, error: read.error };
    });
    const history = readHistory(ss, lang, fmt.toIso);
    const allProps = props.getProperties();
    const pending = pendingFromProperties(allProps);

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
    if (canWrite) {
      appendHistory(ss, lang, history, plan.rows);
      rowsWritten = plan.rows.length;
      // Only once the rows are in: an observation is dropped from pending after it is archived.
      const changes = pendingChanges(allProps, plan.pending);
      if (Object.keys(changes.set).length) props.setProperties(changes.set);
      for (const key of changes.remove) props.deleteProperty(key);
    }
    const afterRun = options.afterRun === undefined ? refreshHeaders : options.afterRun;
    if (afterRun) {
      try {
        const now = clock.now();
        afterRun(ss, refreshedText(now, timeZone, lang), { now, timeZone, lang });
      } catch (e) {
        errors.push(localize(TEXT.afterRun, lang) + message(e));
      }
    }
    const entry = entryOf(rowsWritten, errors);
    try {
      appendRunLog(ss, lang, entry);
    } catch (e) {
      entry.errors = [...entry.errors, localize(TEXT.runLog, lang) + message(e)];
    }
    writeLastRun(entry, props);
    return entry;
  } catch (e) {
    const entry = entryOf(rowsWritten, [
      ...errors,
      localize(TEXT.failed, lang) + message(e) + (rowsWritten ? '' : localize(TEXT.retry, lang)),
    ]);
    log(`Boussole: refresh failed: ${message(e)}`);
    try {
      writeLastRun(entry);
    } catch {
      /* the properties service is failing too; the returned entry still says it */
    }
    return entry;
  } finally {
    try {
      lock.releaseLock();
    } catch {
      /* released when the execution ends anyway */
    }
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
