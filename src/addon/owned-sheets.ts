/**
 * Sheets the add-on owns are tagged with developer metadata and found by that tag, never by their
 * name: a user may rename them, and a sheet the add-on did not tag is never edited or deleted.
 */
import type { Bilingual } from '../core/i18n/text';

export const OWNER_KEY = 'boussole.sheet';
export const SCHEMA_KEY = 'boussole.schema';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The id of the sheet the tags were written on: a user's copy (Sheet › Duplicate) has another. */
export const SHEET_ID_KEY = 'boussole.sheetId';

/** Every key the add-on writes starts with this. */
export const KEY_PREFIX = 'boussole.';

/**
 * Tags are DOCUMENT-visible. PROJECT-visible metadata "is only visible to and accessible by the
 * developer project that created the metadata" (Apps Script reference, DeveloperMetadataVisibility),
 * and a published add-on runs from a standard Cloud project, not the default one its script had
 * before ("the default project cannot be used for publishing": Google Workspace add-ons, Publish an
 * add-on): sheets tagged PROJECT before publishing would be lost to it. Finders are never filtered
 * by visibility, so tags of both kinds are read.
 */
export const tagVisibility = () => SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT;

/** Tags a sheet as the add-on's: what it holds, its schema, and its own id. */
export function tagOwnedSheet(sheet: Sheet, kind: string, schemaVersion: number): void {
  const visibility = tagVisibility();
  sheet.addDeveloperMetadata(OWNER_KEY, kind, visibility);
  sheet.addDeveloperMetadata(SCHEMA_KEY, String(schemaVersion), visibility);
  sheet.addDeveloperMetadata(SHEET_ID_KEY, String(sheet.getSheetId()), visibility);
}

/**
 * Makes the add-on's PROJECT-visible tags (written by earlier versions) DOCUMENT-visible, so they
 * survive the move to another Cloud project. Called by every operation that writes, under its
 * lock: one search (3 calls) when there is nothing to change.
 */
export function promoteProjectTags(ss: Spreadsheet): void {
  const legacy = ss
    .createDeveloperMetadataFinder()
    .withVisibility(SpreadsheetApp.DeveloperMetadataVisibility.PROJECT)
    .find();
  for (const m of legacy) if (m.getKey().startsWith(KEY_PREFIX)) m.setVisibility(tagVisibility());
}

/**
 * True for a sheet carrying tags written on another sheet: a copy a user made of one of the
 * add-on's sheets, if Sheets copies developer metadata with it. The copy is the user's: never
 * written to, never deleted.
 */
export function isUserCopy(sheet: Sheet): boolean {
  const tag = sheet.createDeveloperMetadataFinder().withKey(SHEET_ID_KEY).find()[0];
  return Boolean(tag) && tag.getValue() !== String(sheet.getSheetId());
}

/**
 * The sheets tagged `kind`, in metadata order (normally one). When several are, a user may have
 * duplicated one: the copies are left out. A lone copy of a sheet holding data (the user deleted
 * the original) is adopted, since it holds that data; with `neverCopies` (dashboards, which are
 * rebuilt from the data) copies are always left out.
 */
export function findOwnedSheets(ss: Spreadsheet, kind: string, neverCopies = false): Sheet[] {
  const found = ss.createDeveloperMetadataFinder().withKey(OWNER_KEY).withValue(kind).find();
  const sheets: Sheet[] = [];
  for (const m of found) {
    const sheet = m.getLocation().getSheet();
    if (sheet && !sheets.some((s) => s.getSheetId() === sheet.getSheetId())) sheets.push(sheet);
  }
  if (!neverCopies && sheets.length < 2) return sheets;
  const own = sheets.filter((s) => !isUserCopy(s));
  return own.length || neverCopies ? own : sheets.slice(0, 1);
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
  tagOwnedSheet(sheet, spec.kind, spec.schemaVersion);
  sheet.protect().setWarningOnly(true).setDescription(spec.protection);
  return sheet;
}

export const PROTECTION_TEXT: Bilingual = {
  fr: 'Feuille gérée par Boussole : modifiez les KPI depuis Extensions › Boussole.',
  en: 'Sheet managed by Boussole: edit KPIs from Extensions › Boussole.',
};

/** A sheet as one `Spreadsheets.get` lists it: its id and its sheet-level tags (the first of each key). */
export interface TaggedSheet {
  sheetId: number;
  tags: ReadonlyMap<string, string>;
}

/**
 * `findOwnedSheets` on the sheets one `Spreadsheets.get` listed, without a service call: the
 * sheets tagged `kind`, a user's copies (an id tag naming another sheet) left out when the
 * original is there; a lone copy adopted unless `neverCopies`.
 */
export function ownedAmong<S extends TaggedSheet>(sheets: readonly S[], kind: string, neverCopies = false): S[] {
  const tagged = sheets.filter((s) => s.tags.get(OWNER_KEY) === kind);
  const copy = (s: S) => {
    const id = s.tags.get(SHEET_ID_KEY);
    return id !== undefined && id !== String(s.sheetId);
  };
  if (!neverCopies && tagged.length < 2) return tagged;
  const own = tagged.filter((s) => !copy(s));
  return own.length || neverCopies ? own : tagged.slice(0, 1);
}
