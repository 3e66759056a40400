/**
 * The history sheet: one row per KPI and period, appended by the scheduled refresh and read by
 * the dashboards' formulas (KPIs sourced from a single cell get their series from it). Shared
 * with the refresh: both find it by its tag, never by its name.
 */
import { localize, type Bilingual } from '../../core/i18n/text';
import { HISTORY_HEADER, HISTORY_KIND, HISTORY_SCHEMA_VERSION } from '../../core/history/rows';
import type { Lang } from '../../core/i18n/lang';
import { findOwnedSheet, freeSheetName, PROTECTION_TEXT, tagOwnedSheet } from '../owned-sheets';

/** Columns A–H (core/history/rows.ts): kpiId | kpiName | period | periodStart | value | target | status | takenAt. */
export { HISTORY_HEADER, HISTORY_KIND, HISTORY_SCHEMA_VERSION };

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const HISTORY_SHEET_NAMES: Bilingual = { fr: 'Boussole · Historique', en: 'Boussole · History' };

/**
 * The history sheet, created empty (header only) when there is none yet: tagged, warning-only
 * protected, header frozen; id, name, key and date columns (A–D) and status and stamp (G, H) as
 * plain text (core/history/rows.ts HISTORY_FORMAT_OF), so "2026-06" stays a period key and "001"
 * an id. A failure while creating it removes the half-made sheet.
 */
export function ensureHistorySheet(ss: Spreadsheet, lang: Lang): Sheet {
  const existing = findOwnedSheet(ss, HISTORY_KIND);
  if (existing) return existing;
  const sheet = ss.insertSheet(freeSheetName(ss, localize(HISTORY_SHEET_NAMES, lang)), ss.getNumSheets());
  try {
    tagOwnedSheet(sheet, HISTORY_KIND, HISTORY_SCHEMA_VERSION);
    sheet.getRange('A:D').setNumberFormat('@');
    sheet.getRange('G:H').setNumberFormat('@');
    sheet
      .getRange(1, 1, 1, HISTORY_HEADER.length)
      .setValues([[...HISTORY_HEADER]])
      .setFontWeight('bold');
    sheet.setFrozenRows(1);
    sheet.protect().setWarningOnly(true).setDescription(localize(PROTECTION_TEXT, lang));
  } catch (e) {
    try {
      ss.deleteSheet(sheet);
    } catch {
      /* the next call finds no tag and starts over; an untagged leftover is the user's to remove */
    }
    throw e;
  }
  return sheet;
}
