/** The run-log sheet: owned kind `runlog`, one line per completed refresh, appended. */
import { localize, type Bilingual } from '../../core/i18n/text';
import type { Lang } from '../../core/i18n/lang';
import {
  encodeRunLogRow,
  RUNLOG_FORMATS,
  RUNLOG_HEADER,
  RUNLOG_KIND,
  RUNLOG_SCHEMA_VERSION,
} from '../../core/history/schedule';
import type { RunLogEntry } from '../../shared/api';
import { appendToTableSheet, createTableSheet, findTableSheet, type TableSheetSpec } from './table-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const RUNLOG_SHEET_NAME: Bilingual = { fr: 'Boussole · Journal', en: 'Boussole · Run log' };

const PROTECTION: Bilingual = {
  fr: 'Journal des actualisations de Boussole (début, durée, déclencheur, lignes écrites, erreurs).',
  en: "Log of Boussole's refreshes (start, duration, trigger, rows written, errors).",
};

export const runLogSpec = (lang: Lang): TableSheetSpec => ({
  kind: RUNLOG_KIND,
  name: localize(RUNLOG_SHEET_NAME, lang),
  schemaVersion: RUNLOG_SCHEMA_VERSION,
  protection: localize(PROTECTION, lang),
  header: RUNLOG_HEADER,
  formats: RUNLOG_FORMATS,
});

export function appendRunLog(ss: Spreadsheet, lang: Lang, entry: RunLogEntry): void {
  const spec = runLogSpec(lang);
  const found = findTableSheet(ss, RUNLOG_KIND);
  const last = found ? found.getLastRow() : 1;
  appendToTableSheet(ss, found, last === 0 ? 1 : last + 1, [encodeRunLogRow(entry)], spec, () =>
    createTableSheet(ss, spec),
  );
}

/**
 * One line appended by a run that does NOT hold the lock (it stood down because another run
 * does): Sheet.appendRow finds the last row itself, so the other run's appends are not
 * overwritten. Only into a run log that exists: a sheet is never created outside the lock.
 */
export function appendRunLogLine(ss: Spreadsheet, entry: RunLogEntry): boolean {
  const found = findTableSheet(ss, RUNLOG_KIND);
  if (!found) return false;
  found.appendRow(encodeRunLogRow(entry));
  return true;
}
