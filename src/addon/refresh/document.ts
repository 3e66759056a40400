/**
 * The ONE place that decides which spreadsheet a refresh works on. From a menu or the sidebar
 * it is the active one. A clock trigger may have no active spreadsheet (reported, not
 * documented): the id stored in document properties when the schedule was set, else the id
 * stored in the user's properties under the trigger's unique id.
 */
import { langFromLocale, type Lang } from '../../core/i18n/lang';
import { readConfig, TRIGGER_DOC_PREFIX } from './config';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export class NoDocumentError extends Error {
  override name = 'NoDocumentError';
}

/** The time-driven event Apps Script passes (only `triggerUid` is used). */
export interface ClockEvent {
  triggerUid?: string;
  [key: string]: unknown;
}

export function resolveSpreadsheet(e?: ClockEvent): Spreadsheet {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  let id: string | null = null;
  try {
    id = readConfig().spreadsheetId;
  } catch {
    /* no document properties in this context: try the user's */
  }
  if (!id && e?.triggerUid) id = PropertiesService.getUserProperties().getProperty(TRIGGER_DOC_PREFIX + e.triggerUid);
  if (!id)
    throw new NoDocumentError(
      'Boussole: no spreadsheet to refresh (no active spreadsheet and no stored id); set the schedule again from the sidebar.',
    );
  return SpreadsheetApp.openById(id);
}

/** The document's language: sheet names and run-log messages are read by every user of the file. */
export function documentLang(ss: Spreadsheet): Lang {
  // No fallback: a failing call must stop the run, not rename the sheets it creates.
  return langFromLocale(ss.getSpreadsheetLocale());
}
