/**
 * Objectives and KPIs in sheets the add-on owns. Every read is one batch per table (values,
 * formulas of the data range); every write is one row, under the document lock. Call counts
 * therefore do not grow with the number of KPIs.
 *
 * Nothing half-written (#14): a storage sheet is built complete, with its first row, before it is
 * tagged (a failure deletes it again); a row is written in the add-on's own columns only, one
 * setValues per run of adjacent columns (normally one), earlier runs put back if a later one
 * fails; success is reported once the row is written, whatever happens after (the lock's release).
 */
import { catalogue, localize, type Bilingual } from '../core/i18n/text';
import { langFromLocale, type Lang } from '../core/i18n/lang';
import type { FieldError, Kpi, Objective, Validation } from '../core/kpi/model';
import { fieldLabel, newId } from '../core/kpi/model';
import { quote } from '../core/kpi/format';
import { mergeOnBase, sameValue, type Conflict } from '../core/storage/merge';
import { KPIS, OBJECTIVES, SCHEMA_VERSION } from '../core/storage/schemas';
import { decodeTable, headerOf, ownRuns, type DecodedTable, type TableSchema } from '../core/storage/table';
import { createTableSheet } from './refresh/table-sheet';
import {
  findOwnedSheet,
  OWNER_KEY,
  PROTECTION_TEXT,
  promoteProjectTags,
  SCHEMA_KEY,
  tagOwnedSheet,
} from './owned-sheets';
import type { SaveOptions, StorageProblem } from '../shared/api';
import { clock } from './clock';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const SHEET_NAMES: Record<'objectives' | 'kpis', Bilingual> = {
  objectives: { fr: 'Boussole · Objectifs', en: 'Boussole · Objectives' },
  kpis: { fr: 'Boussole · KPI', en: 'Boussole · KPIs' },
};

/** Rows added at a time when a storage sheet is full (Sheets refuses a range past the last row). */
const GROW_BY = 200;

const TEXT = catalogue({
  newerSchema: {
    fr: (v: string) =>
      `cette feuille a été écrite par une version plus récente de Boussole (schéma ${v}) ; mettez le module à jour`,
    en: (v: string) => `this sheet was written by a newer Boussole (schema ${v}); update the add-on`,
  },
  missingColumns: {
    fr: (sheet: string, cols: string[]) =>
      `La feuille « ${sheet} » n'a plus ${cols.length > 1 ? 'les colonnes' : 'la colonne'} ${cols.join(', ')} : rétablissez-la (Édition › Annuler ou Historique des versions) avant d'enregistrer.`,
    en: (sheet: string, cols: string[]) =>
      `The sheet "${sheet}" lost the column${cols.length > 1 ? 's' : ''} ${cols.join(', ')}: restore it (Edit › Undo or version history) before saving.`,
  },
  notFound: {
    fr: (id: string) => `« ${id} » est introuvable : il a peut-être été supprimé entre-temps. Rechargez la liste.`,
    en: (id: string) => `"${id}" was not found: it may have been deleted meanwhile. Reload the list.`,
  },
  broken: {
    fr: (id: string, row: number) =>
      `La ligne ${row} de « ${id} » est illisible ; corrigez-la dans la feuille avant de la modifier ici.`,
    en: (id: string, row: number) =>
      `Row ${row} holding "${id}" can't be read; fix it in the sheet before editing it here.`,
  },
  unknownObjective: {
    fr: (id: string) => `Objectif : « ${id} » n'existe pas ; choisissez un objectif de la liste.`,
    en: (id: string) => `Objective: "${id}" does not exist; pick an objective from the list.`,
  },
  busy: {
    fr: 'Un autre enregistrement est en cours dans ce classeur ; réessayez dans un instant.',
    en: 'Another save is in progress in this spreadsheet; try again in a moment.',
  },
  objectiveInUse: {
    fr: (n: number) => `Cet objectif a encore ${n} KPI ; supprimez-les ou rattachez-les à un autre objectif d'abord.`,
    en: (n: number) =>
      `This objective still has ${n} KPI${n > 1 ? 's' : ''}; delete them or move them to another objective first.`,
  },
  untagged: {
    fr: (sheet: string) =>
      `« ${sheet} » avait perdu sa marque Boussole : retrouvée par son nom et ses colonnes, marquée de nouveau au prochain enregistrement.`,
    en: (sheet: string) =>
      `"${sheet}" had lost its Boussole tag: found again by its name and columns, tagged again at the next save.`,
  },
  changedMeanwhile: {
    fr: (field: string, stored: string, mine: string) =>
      `${field} : modifié entre-temps ailleurs (maintenant ${stored}) ; ${mine} n'est pas enregistré. Rechargez.`,
    en: (field: string, stored: string, mine: string) =>
      `${field}: changed meanwhile elsewhere (now ${stored}); ${mine} was not saved. Reload.`,
  },
  blank: { fr: '(vide)', en: '(blank)' },
  labelled: {
    fr: (label: string, text: string) => `${label} : ${text}`,
    en: (label: string, text: string) => `${label}: ${text}`,
  },
  idTaken: {
    fr: (id: string) => `« ${id} » existe déjà, autrement ; rechargez la liste.`,
    en: (id: string) => `"${id}" already exists, with other content; reload the list.`,
  },
});

export class StorageError extends Error {
  override name = 'StorageError';
}

export interface Table<T> extends DecodedTable<T> {
  sheet: Sheet | null;
  /** Schema version newer than this code: read-only. */
  readOnlyReason: string | null;
  /** Found by its name and header after its tag was lost: tagged again at the next write. */
  untagged: boolean;
  /** Tagged but completely empty (its header was never written or was cleared): the next write writes it. */
  blank: boolean;
  /** Sheet-level notices (a lost tag), reported with the rows' problems. */
  notices: string[];
}

export interface Storage {
  ss: Spreadsheet;
  /** The language of the person (messages). Sheet names follow the spreadsheet's locale. */
  lang: Lang;
  toIso: (d: Date) => string;
  /** Today in the spreadsheet's zone, ISO (default: the clock's today in `toIso`'s zone). */
  today?: string;
}

function schemaVersionOf(sheet: Sheet): string | null {
  for (const m of sheet.getDeveloperMetadata()) if (m.getKey() === SCHEMA_KEY) return m.getValue();
  return null;
}

const isBlank = (v: unknown) => v === '' || v === null || v === undefined;

/**
 * A storage sheet whose tag was lost (removed by hand, or never written by an interrupted first
 * save of an older version): a sheet with one of the storage's names (either language), carrying
 * no Boussole tag, whose first row holds every required column. Only looked for when no sheet is
 * tagged, so it costs nothing in normal use.
 */
function findUntagged<T>(ss: Spreadsheet, schema: TableSchema<T>): Sheet | null {
  const required = schema.columns.filter((c) => c.required).map((c) => c.key);
  for (const name of new Set(Object.values(SHEET_NAMES[schema.kind]))) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    if (sheet.createDeveloperMetadataFinder().withKey(OWNER_KEY).find().length) continue; // someone else's kind
    const width = sheet.getLastColumn();
    if (width < required.length) continue;
    const header = sheet
      .getRange(1, 1, 1, width)
      .getValues()[0]
      .map((h) => String(h ?? '').trim());
    if (required.every((k) => header.includes(k))) return sheet;
  }
  return null;
}

/** Loads a table: 1 metadata lookup, then the data range in 3 batched reads. */
export function loadTable<T>(st: Storage, schema: TableSchema<T>): Table<T> {
  const owned = findOwnedSheet(st.ss, schema.kind);
  let sheet = owned;
  if (!owned) sheet = findUntagged(st.ss, schema);
  const untagged = !owned && sheet !== null;
  if (!sheet)
    return {
      sheet: null,
      header: headerOf(schema as TableSchema<unknown>),
      items: [],
      problems: [],
      missingColumns: [],
      nextRow: 2,
      readOnlyReason: null,
      untagged: false,
      blank: false,
      notices: [],
    };
  const version = untagged ? null : schemaVersionOf(sheet);
  const range = sheet.getDataRange();
  const values = range.getValues();
  const formulas = range.getFormulas();
  const blank = values.every((row) => row.every(isBlank));
  const decoded = decodeTable(schema, blank ? [] : values, st.lang, st.toIso, formulas);
  const readOnlyReason =
    version !== null && Number(version) > SCHEMA_VERSION ? localize(TEXT.newerSchema, st.lang)(version) : null;
  return {
    ...decoded,
    ...(blank && { header: headerOf(schema as TableSchema<unknown>), missingColumns: [], nextRow: 2 }),
    sheet,
    readOnlyReason,
    untagged,
    blank,
    // A newer version's sheet is said on loading, not only when a save is refused.
    notices: [
      ...(untagged ? [localize(TEXT.untagged, st.lang)(sheet.getName())] : []),
      ...(readOnlyReason ? [localize(TEXT.labelled, st.lang)(sheet.getName(), readOnlyReason)] : []),
    ],
  };
}

/** Runs `write` under the document lock: two sidebars saving at once never interleave rows. */
export function locked<R>(lang: Lang, write: () => R): R {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(20_000)) throw new StorageError(localize(TEXT.busy, lang));
  try {
    return write();
  } finally {
    try {
      lock.releaseLock();
    } catch {
      // The write is done (or its own error is the one to report): Apps Script releases an
      // execution's locks when it ends (#14, item 3).
    }
  }
}

/** Runs each step even if one fails: undoing after a failure, where the first error is the one to report. */
function bestEffort(steps: (() => void)[]): void {
  for (const step of steps) {
    try {
      step();
    } catch {
      /* keep undoing */
    }
  }
}

/**
 * The first save of a table: a new sheet with its header and first row, formatted and protected,
 * tagged last and deleted again if any step fails (table-sheet.ts), so an interrupted first save
 * leaves nothing (#14, item 1). Named in the spreadsheet's language, read without a fallback (a
 * failing call stops the save rather than naming the sheet in English for good: #14, item 7).
 */
function createTable<T>(st: Storage, schema: TableSchema<T>, item: T): void {
  const lang = langFromLocale(st.ss.getSpreadsheetLocale());
  const header = headerOf(schema as TableSchema<unknown>);
  const [run] = ownRuns(schema, header, item);
  createTableSheet(
    st.ss,
    {
      kind: schema.kind,
      name: localize(SHEET_NAMES[schema.kind], lang),
      schemaVersion: SCHEMA_VERSION,
      protection: localize(PROTECTION_TEXT, lang),
      header,
      formats: run?.formats ?? [],
    },
    [run?.values ?? []],
  );
}

/** Writes an item's row into an existing table sheet: the add-on's columns only. */
function writeRow<T>(schema: TableSchema<T>, table: Table<T>, item: T, existingRow: number | null): void {
  const sheet = table.sheet as Sheet;
  let header = table.header;
  if (table.blank) {
    // A tagged sheet left empty (an older version's interrupted first save, or cleared by hand).
    header = headerOf(schema as TableSchema<unknown>);
    sheet.getRange(1, 1, 1, header.length).setValues([header]);
  } else {
    // A sheet written before an optional column existed (aggregation…) gains it at the end, so the
    // field is kept. Its own step: interrupted after it, the sheet has empty new columns, no partial item.
    const absent = schema.columns.filter((c) => !c.required && !header.includes(c.key)).map((c) => c.key);
    if (absent.length) {
      const width = header.length + absent.length;
      const max = sheet.getMaxColumns();
      if (max < width) sheet.insertColumnsAfter(max, width - max); // writing past the grid fails in Sheets
      sheet
        .getRange(1, header.length + 1, 1, absent.length)
        .setValues([absent])
        .setFontWeight('bold');
      header = [...header, ...absent];
    }
  }
  const row = existingRow ?? table.nextRow;
  const max = sheet.getMaxRows();
  if (row > max) {
    // Growing is its own step: interrupted here, it leaves empty rows, never a partial item.
    sheet.insertRowsAfter(max, GROW_BY);
  }
  const width = Math.max(header.length, 1);
  const formats = sheet.getRange(row, 1, 1, width).getNumberFormats()[0];
  const runs = ownRuns(schema, header, item, formats);
  // Text columns as plain text first (a no-op on a sheet formatted at creation), so a name such
  // as "=IMPORTXML(…)" stays text whatever the user did to the column's format.
  for (const r of runs)
    if (r.formats.some((f, i) => f !== formats[r.column - 1 + i]))
      sheet.getRange(row, r.column, 1, r.formats.length).setNumberFormats([r.formats]);
  const previous = existingRow === null ? null : (table.items.find((x) => x.row === existingRow)?.cells ?? null);
  const done: (() => void)[] = [];
  try {
    for (const r of runs) {
      const range = sheet.getRange(row, r.column, 1, r.values.length);
      range.setValues([r.values]);
      const before = previous
        ? previous.slice(r.column - 1, r.column - 1 + r.values.length).map((v) => v ?? '')
        : r.values.map(() => '');
      done.push(() => range.setValues([before]));
    }
  } catch (e) {
    bestEffort(done.reverse()); // no half-written row
    throw e;
  }
}

export interface SaveRequest<T> extends SaveOptions<T> {
  draft: Record<string, unknown>;
}

function conflictErrors(conflicts: Conflict[], lang: Lang): FieldError[] {
  const show = (v: unknown) =>
    v === null || v === undefined || v === ''
      ? localize(TEXT.blank, lang)
      : quote(typeof v === 'string' ? v : JSON.stringify(v), lang);
  return conflicts.map((c) => ({
    field: c.field,
    code: 'changed_meanwhile',
    message: localize(TEXT.changedMeanwhile, lang)(fieldLabel(c.field, lang), show(c.stored), show(c.mine)),
  }));
}

/** Storage's own fields: never taken from a form, never compared. */
const STORAGE_FIELDS = new Set(['id', 'createdAt']);

function save<T extends { id: string }>(
  st: Storage,
  schema: TableSchema<T>,
  request: SaveRequest<T>,
  idPrefix: string,
  validate: (draft: unknown) => Validation<T>,
  extraCheck: (item: T) => FieldError[] = () => [],
  stamp: (draft: Record<string, unknown>, stored: T | null) => Record<string, unknown> = (d) => d,
): Validation<T> {
  return locked(st.lang, () => {
    promoteProjectTags(st.ss);
    const table = loadTable(st, schema);
    if (table.readOnlyReason) throw new StorageError(table.readOnlyReason);
    if (table.sheet && !table.blank && table.missingColumns.length)
      throw new StorageError(localize(TEXT.missingColumns, st.lang)(table.sheet.getName(), table.missingColumns));
    let draft = request.draft;
    const rawId = draft.id;
    if (rawId !== undefined && rawId !== null && rawId !== '' && typeof rawId !== 'string') return validate(draft);
    const givenId = typeof rawId === 'string' && rawId !== '' ? rawId : null;
    const found = givenId ? (table.items.find((x) => x.item.id === givenId) ?? null) : null;
    let existingRow: number | null = null;
    let stored: T | null = null;

    if (request.create) {
      // A create with an id the sidebar made: a retry (the first attempt's answer was lost)
      // finds the row it made and answers as the first attempt would have (#14, item 3).
      if (!givenId) return validate({ ...draft, id: '' });
      if (found) {
        const again = validate(stamp({ ...draft }, found.item));
        if (again.ok && sameValue(again.value, found.item)) return { ok: true, value: found.item };
        throw new StorageError(localize(TEXT.idTaken, st.lang)(givenId));
      }
      if (table.problems.some((p) => p.id === givenId))
        throw new StorageError(localize(TEXT.idTaken, st.lang)(givenId));
    } else if (!givenId) {
      const ids = [...table.items.map((x) => x.item.id), ...table.problems.map((p) => p.id ?? '')];
      draft = { ...draft, id: newId(idPrefix, ids, Math.random) };
    } else {
      if (!found) {
        const broken = table.problems.find((p) => p.id === givenId);
        throw new StorageError(
          broken ? localize(TEXT.broken, st.lang)(givenId, broken.row) : localize(TEXT.notFound, st.lang)(givenId),
        );
      }
      // Another row carries the same id (a row copied by hand): which one is meant is unknown.
      const twin = table.problems.find((p) => p.id === givenId);
      if (twin) throw new StorageError(localize(TEXT.broken, st.lang)(givenId, twin.row));
      existingRow = found.row;
      stored = found.item;
      if (request.base) {
        // Only what the user changed: another window's edits to other fields are kept (#14, item 4).
        const mine = validate(stamp({ ...draft }, stored));
        if (!mine.ok) return mine;
        const base = validate(stamp({ ...request.base, id: givenId }, stored));
        if (base.ok) {
          const fields = Object.keys({ ...stored, ...mine.value }).filter((f) => !STORAGE_FIELDS.has(f));
          const { merged, conflicts } = mergeOnBase(
            stored as unknown as Record<string, unknown>,
            mine.value as unknown as Record<string, unknown>,
            base.value as unknown as Record<string, unknown>,
            fields,
          );
          if (conflicts.length) return { ok: false, errors: conflictErrors(conflicts, st.lang) };
          draft = merged;
        }
      }
    }
    const result = validate(stamp(draft, stored));
    if (!result.ok) return result;
    const errors = extraCheck(result.value);
    if (errors.length) return { ok: false, errors };
    if (stored && sameValue(result.value, stored)) return result; // nothing changed: nothing written
    if (!table.sheet) createTable(st, schema, result.value);
    else {
      writeRow(schema, table, result.value, existingRow);
      if (table.untagged) bestEffort([() => tagOwnedSheet(table.sheet as Sheet, schema.kind, SCHEMA_VERSION)]);
    }
    return result;
  });
}

function remove<T extends { id: string }>(
  st: Storage,
  schema: TableSchema<T>,
  id: string,
  guard: () => string | null = () => null,
): void {
  locked(st.lang, () => {
    promoteProjectTags(st.ss);
    const table = loadTable(st, schema);
    const found = table.items.find((x) => x.item.id === id);
    if (!found || !table.sheet) throw new StorageError(localize(TEXT.notFound, st.lang)(id));
    const twin = table.problems.find((p) => p.id === id);
    if (twin) throw new StorageError(localize(TEXT.broken, st.lang)(id, twin.row));
    if (table.readOnlyReason) throw new StorageError(table.readOnlyReason);
    const refusal = guard();
    if (refusal) throw new StorageError(refusal);
    // The whole row goes: cells a user added in their own columns of that row were about this item.
    table.sheet.deleteRow(found.row);
    if (table.untagged) bestEffort([() => tagOwnedSheet(table.sheet as Sheet, schema.kind, SCHEMA_VERSION)]);
  });
}

export const loadObjectives = (st: Storage) => loadTable(st, OBJECTIVES);
export const loadKpis = (st: Storage) => loadTable(st, KPIS);

export function problemsOf(objectives: Table<Objective>, kpis: Table<Kpi>): StorageProblem[] {
  const notices = (sheet: 'objectives' | 'kpis', t: Table<unknown>) =>
    t.notices.map((reason) => ({ sheet, row: 1, id: null, reason }));
  return [
    ...notices('objectives', objectives as Table<unknown>),
    ...objectives.problems.map((p) => ({ sheet: 'objectives' as const, ...p })),
    ...notices('kpis', kpis as Table<unknown>),
    ...kpis.problems.map((p) => ({ sheet: 'kpis' as const, ...p })),
  ];
}

export function saveObjective(
  st: Storage,
  request: SaveRequest<Objective>,
  validate: (d: unknown) => Validation<Objective>,
): Validation<Objective> {
  return save(st, OBJECTIVES, request, 'obj', validate);
}

/** Why a KPI's objective can't be used: unknown, on an unreadable row, or in an unreadable sheet. */
function objectiveErrors(st: Storage, objectiveId: string): FieldError[] {
  if (!objectiveId) return [];
  const objectives = loadObjectives(st);
  if (objectives.items.some((o) => o.item.id === objectiveId)) return [];
  const broken = objectives.problems.find((p) => p.id === objectiveId);
  const [code, text] =
    objectives.sheet && !objectives.blank && objectives.missingColumns.length
      ? [
          'objectives_unreadable',
          localize(TEXT.missingColumns, st.lang)(objectives.sheet.getName(), objectives.missingColumns),
        ]
      : broken
        ? ['objective_unreadable', localize(TEXT.broken, st.lang)(objectiveId, broken.row)]
        : ['unknown_objective', ''];
  const message = text
    ? localize(TEXT.labelled, st.lang)(fieldLabel('objectiveId', st.lang), text)
    : localize(TEXT.unknownObjective, st.lang)(objectiveId);
  return [{ field: 'objectiveId', code, message }];
}

export function saveKpi(
  st: Storage,
  request: SaveRequest<Kpi>,
  validate: (d: unknown) => Validation<Kpi>,
): Validation<Kpi> {
  return save(
    st,
    KPIS,
    request,
    'kpi',
    validate,
    (kpi) => objectiveErrors(st, kpi.objectiveId),
    // The creation date is the storage's to keep: set once, never taken from the form.
    (d, stored) => ({
      ...d,
      createdAt: stored ? stored.createdAt : (st.today ?? st.toIso(clock.now())),
    }),
  );
}

export function deleteKpi(st: Storage, id: string): void {
  remove(st, KPIS, id);
}

export function deleteObjective(st: Storage, id: string): void {
  remove(st, OBJECTIVES, id, () => {
    const n = loadKpis(st).items.filter((k) => k.item.objectiveId === id).length;
    return n ? localize(TEXT.objectiveInUse, st.lang)(n) : null;
  });
}
