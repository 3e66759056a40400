/**
 * Where the refresh keeps its state between runs: a hidden sheet of the spreadsheet itself that
 * the add-on owns (kind `state`), two columns `key | value`. A clock trigger may run with no
 * containing document, when `PropertiesService.getDocumentProperties()` and
 * `LockService.getDocumentLock()` return null (Apps Script reference, PropertiesService and
 * LockService): the spreadsheet, opened by its id, is what every run can reach. It also has no
 * 500 KB store to fill: the pending readings of 2,800 single-cell KPIs (#14, item 7) are 2,800 rows
 * of a sheet, where the bound is the spreadsheet's own (10 million cells; a cell holds 50,000
 * characters, a value here a few hundred).
 *
 * Fixed rows, each written by one party, so two writers never overwrite each other's rows:
 *   1  key | value                       (header)
 *   2  boussole.refresh  | the schedule, the dashboards' layout, the trigger that runs them (setSchedule, dashboards)
 *   3  boussole.lastRun  | the last run (the refresh)
 *   4  boussole.running  | the run in progress, if any (the refresh)
 *   5… boussole.pending.<kpi id> | a reading of a period not over yet (the refresh)
 * Read by key, in any order: rows an older version or a person moved are read, and the next
 * write puts every row back in place (it holds every value it read).
 */
import { PENDING_PREFIX } from '../../core/history/pending';
import type { Lang } from '../../core/i18n/lang';
import { localize, type Bilingual } from '../../core/i18n/text';
import { appendBlock, createTableSheet, findTableSheet, type TableSheetSpec } from './table-sheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const STATE_KIND = 'state';
export const CONFIG_KEY = 'boussole.refresh';
export const LAST_RUN_KEY = 'boussole.lastRun';
export const LEASE_KEY = 'boussole.running';

const FIXED = [CONFIG_KEY, LAST_RUN_KEY, LEASE_KEY] as const;

export const STATE_SHEET_NAME: Bilingual = { fr: 'Boussole · État', en: 'Boussole · State' };
const PROTECTION: Bilingual = {
  fr: "État de l'actualisation de Boussole (planification, dernière exécution, relevés en attente) : ne pas modifier.",
  en: "Boussole's refresh state (schedule, last run, pending readings): do not edit.",
};

/** Hidden, two plain-text columns (a value is JSON: never parsed as a number or a formula). */
const spec = (lang: Lang): TableSheetSpec => ({
  kind: STATE_KIND,
  name: localize(STATE_SHEET_NAME, lang),
  schemaVersion: 1,
  protection: localize(PROTECTION, lang),
  header: ['key', 'value'],
  formats: ['@', '@'],
  hidden: true,
});

export interface LoadedState {
  sheet: Sheet | null;
  /** Every key → value as stored. */
  values: Record<string, string>;
  /** Rows in use (header included): a write covers them all so no stale row is left below. */
  rows: number;
  /** Rows 2–4 hold their keys: writers may write their own rows only. */
  inPlace: boolean;
}

/** 1 tag lookup, then the data range (2 calls). */
export function readState(ss: Spreadsheet): LoadedState {
  const sheet = findTableSheet(ss, STATE_KIND);
  const values: Record<string, string> = {};
  if (!sheet) return { sheet, values, rows: 0, inPlace: false };
  const rows = sheet.getDataRange().getValues();
  for (const r of rows.slice(1)) {
    const key = String(r[0] ?? '').trim();
    if (key && !(key in values)) values[key] = String(r[1] ?? '');
  }
  const inPlace = FIXED.every((k, i) => String(rows[i + 1]?.[0] ?? '') === k);
  return { sheet, values, rows: rows.length, inPlace };
}

/** Every row in its place below the header: the fixed ones, then the others by key (pending readings by KPI id). */
function canonicalRows(values: Record<string, string>): string[][] {
  const rest = Object.keys(values)
    .filter((k) => !FIXED.includes(k as (typeof FIXED)[number]))
    .sort((a, b) => Number(!a.startsWith(PENDING_PREFIX)) - Number(!b.startsWith(PENDING_PREFIX)) || (a < b ? -1 : 1));
  return [...FIXED, ...rest].map((k) => [k, values[k] ?? '']);
}

const blank = (rows: number): string[][] => Array.from({ length: rows }, () => ['', '']);

/**
 * Sets some keys (a value of null removes the key). With the sheet in place, writes only the
 * rows these keys live in: row 2 for the config; row 3 or 4 alone for the last run or the run in
 * progress; rows 3 to the end for a run's commit (with blanks over pending rows that are gone).
 * Otherwise (no sheet yet: created complete before it is tagged; rows moved) writes everything
 * it read, in place.
 */
export function writeState(
  ss: Spreadsheet,
  lang: Lang,
  state: LoadedState,
  changes: Record<string, string | null>,
): LoadedState {
  const values = { ...state.values };
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) delete values[k];
    else values[k] = v;
  }
  const rows = canonicalRows(values);
  const keys = Object.keys(changes);
  const s = spec(lang);
  const sheet = state.sheet ?? createTableSheet(ss, s, rows);
  const put = (first: number, block: string[][]) => appendBlock(sheet, first, block, s);
  const only = (key: string) => keys.every((k) => k === key);
  const stale = blank(Math.max(0, state.rows - 1 - rows.length));
  if (!state.sheet) {
    // written with the sheet
  } else if (!state.inPlace) put(1, [...rows, ...stale]);
  else if (only(CONFIG_KEY)) put(2, rows.slice(0, 1));
  else if (only(LAST_RUN_KEY))
    put(3, rows.slice(1, 2)); // a run that stood down: not the other run's rows
  else if (only(LEASE_KEY)) put(4, rows.slice(2, 3));
  else put(3, [...rows.slice(1), ...stale]); // never row 2, which setSchedule may be writing under another lock
  return { sheet, values, rows: rows.length + 1, inPlace: true };
}
