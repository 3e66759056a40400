/**
 * Sheets the add-on owns are tagged with developer metadata and found by that tag, never by their
 * name: a user may rename them, and a sheet the add-on did not tag is never edited or deleted.
 */
import type { Lang } from '../core/i18n/lang';

export const OWNER_KEY = 'boussole.sheet';
export const SCHEMA_KEY = 'boussole.schema';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The sheets tagged `kind`, in sheet order (normally one). */
export function findOwnedSheets(ss: Spreadsheet, kind: string): Sheet[] {
  const found = ss.createDeveloperMetadataFinder().withKey(OWNER_KEY).withValue(kind).find();
  const sheets: Sheet[] = [];
  for (const m of found) {
    const sheet = m.getLocation().getSheet();
    if (sheet && !sheets.some((s) => s.getSheetId() === sheet.getSheetId())) sheets.push(sheet);
  }
  return sheets;
}

export function findOwnedSheet(ss: Spreadsheet, kind: string): Sheet | null {
  return findOwnedSheets(ss, kind)[0] ?? null;
}

/** A sheet name not used yet: `name`, else `name (2)`, `name (3)`… */
export function freeSheetName(ss: Spreadsheet, name: string): string {
  const taken = new Set(ss.getSheets().map((s) => s.getName()));
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) if (!taken.has(`${name} (${n})`)) return `${name} (${n})`;
}

export interface NewOwnedSheet {
  kind: string;
  name: string;
  schemaVersion: number;
  /** Protection description shown when someone edits by hand. */
  protection: string;
}

/** Creates a tagged, warning-protected sheet at the end of the spreadsheet. */
export function createOwnedSheet(ss: Spreadsheet, spec: NewOwnedSheet): Sheet {
  const sheet = ss.insertSheet(freeSheetName(ss, spec.name), ss.getSheets().length);
  const visibility = SpreadsheetApp.DeveloperMetadataVisibility.PROJECT;
  sheet.addDeveloperMetadata(OWNER_KEY, spec.kind, visibility);
  sheet.addDeveloperMetadata(SCHEMA_KEY, String(spec.schemaVersion), visibility);
  sheet.protect().setWarningOnly(true).setDescription(spec.protection);
  return sheet;
}

export const PROTECTION_TEXT: Record<Lang, string> = {
  fr: 'Feuille gérée par Boussole : modifiez les KPI depuis Extensions › Boussole.',
  en: 'Sheet managed by Boussole: edit KPIs from Extensions › Boussole.',
};
