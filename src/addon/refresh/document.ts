/**
 * The ONE place that decides which spreadsheet a refresh works on. From a menu or the sidebar it
 * is the active one. A clock trigger may run with no containing document (no active spreadsheet,
 * no document properties, no document lock): its spreadsheet is the one recorded in the user's
 * properties under the trigger's unique id when the trigger was made (triggers.ts).
 *
 * A spreadsheet that can't be opened may be gone (deleted, access lost) or a passing failure; the
 * error Apps Script gives does not say which ("Unexpected error while getting the method or
 * property openById on object SpreadsheetApp."). The trigger is taken for an orphan, and removes
 * itself, once its spreadsheet has failed to open for 24 hours in a row: a passing outage never
 * ends a schedule, a deleted file's trigger does not fire forever (orphans count against the
 * user's trigger limit).
 */
import { langFromLocale, type Lang } from '../../core/i18n/lang';
import { decodeTriggerRecord, encodeTriggerRecord, ORPHAN_AFTER_MS } from '../../core/storage/refresh-state';
import { clock } from '../clock';
import { TRIGGER_DOC_PREFIX } from './config';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export class NoDocumentError extends Error {
  override name = 'NoDocumentError';
}

/** A trigger with no spreadsheet any more: the refresh deletes it. */
export class OrphanTriggerError extends Error {
  override name = 'OrphanTriggerError';
  constructor(
    message: string,
    readonly triggerUid: string,
  ) {
    super(message);
  }
}

/** The time-driven event Apps Script passes (only `triggerUid` is used). */
export interface ClockEvent {
  triggerUid?: string;
  [key: string]: unknown;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function resolveSpreadsheet(e?: ClockEvent): Spreadsheet {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  const uid = typeof e?.triggerUid === 'string' && e.triggerUid ? e.triggerUid : null;
  if (!uid) throw new NoDocumentError('Boussole: no spreadsheet to refresh (no active one, no trigger id).');
  const props = PropertiesService.getUserProperties();
  const key = TRIGGER_DOC_PREFIX + uid;
  const record = decodeTriggerRecord(props.getProperty(key));
  if (!record) throw new OrphanTriggerError(`Boussole: trigger ${uid} has no spreadsheet recorded; removed.`, uid);
  try {
    const ss = SpreadsheetApp.openById(record.spreadsheetId);
    if (record.failingSince !== null) {
      try {
        props.setProperty(key, encodeTriggerRecord({ ...record, failingSince: null }));
      } catch {
        /* recorded again at the next failure or success */
      }
    }
    return ss;
  } catch (err) {
    const now = clock.now().getTime();
    const since = record.failingSince ?? now;
    if (now - since >= ORPHAN_AFTER_MS)
      throw new OrphanTriggerError(
        `Boussole: spreadsheet ${record.spreadsheetId} of trigger ${uid} could not be opened since ${new Date(since).toISOString()} (${message(err)}); trigger removed.`,
        uid,
      );
    try {
      if (record.failingSince === null) props.setProperty(key, encodeTriggerRecord({ ...record, failingSince: since }));
    } catch {
      /* counted from the next failure instead */
    }
    throw new NoDocumentError(
      `Boussole: spreadsheet ${record.spreadsheetId} could not be opened (${message(err)}); the next run tries again.`,
    );
  }
}

/** The document's language: sheet names and run-log messages are read by every user of the file. */
export function documentLang(ss: Spreadsheet): Lang {
  // No fallback: a failing call must stop the run, not rename the sheets it creates.
  return langFromLocale(ss.getSpreadsheetLocale());
}
