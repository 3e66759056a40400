/**
 * Objectives and KPIs in sheets the add-on owns. Every read is one batch per table (values,
 * formulas, number formats of the data range); every write is one row, under the document lock.
 * Call counts therefore do not grow with the number of KPIs.
 */
import type { Lang } from '../core/i18n/lang';
import type { FieldError, Kpi, Objective, Validation } from '../core/kpi/model';
import { newId } from '../core/kpi/model';
import { KPIS, OBJECTIVES, SCHEMA_VERSION } from '../core/storage/schemas';
import {
  decodeTable,
  encodeRow,
  headerOf,
  rowFormats,
  type DecodedTable,
  type TableSchema,
} from '../core/storage/table';
import { createOwnedSheet, findOwnedSheet, PROTECTION_TEXT, promoteProjectTags, SCHEMA_KEY } from './owned-sheets';
import type { StorageProblem } from '../shared/api';
import { clock } from './clock';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const SHEET_NAMES: Record<'objectives' | 'kpis', Record<Lang, string>> = {
  objectives: { fr: 'Boussole · Objectifs', en: 'Boussole · Objectives' },
  kpis: { fr: 'Boussole · KPI', en: 'Boussole · KPIs' },
};

const TEXT = {
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
};

export class StorageError extends Error {
  override name = 'StorageError';
}

export interface Table<T> extends DecodedTable<T> {
  sheet: Sheet | null;
  /** Schema version newer than this code: read-only. */
  readOnlyReason: string | null;
}

export interface Storage {
  ss: Spreadsheet;
  lang: Lang;
  toIso: (d: Date) => string;
  /** Today in the spreadsheet's zone, ISO (default: the clock's today in `toIso`'s zone). */
  today?: string;
}

function schemaVersionOf(sheet: Sheet): string | null {
  for (const m of sheet.getDeveloperMetadata()) if (m.getKey() === SCHEMA_KEY) return m.getValue();
  return null;
}

/** Loads a table: 1 metadata lookup, then the data range in 3 batched reads. */
export function loadTable<T>(st: Storage, schema: TableSchema<T>): Table<T> {
  const sheet = findOwnedSheet(st.ss, schema.kind);
  if (!sheet)
    return {
      sheet: null,
      header: headerOf(schema as TableSchema<unknown>),
      items: [],
      problems: [],
      missingColumns: [],
      nextRow: 2,
      readOnlyReason: null,
    };
  const version = schemaVersionOf(sheet);
  const range = sheet.getDataRange();
  const values = range.getValues();
  const formulas = range.getFormulas();
  const decoded = decodeTable(schema, values, st.lang, st.toIso, formulas);
  const readOnlyReason =
    version !== null && Number(version) > SCHEMA_VERSION ? TEXT.newerSchema[st.lang](version) : null;
  return { ...decoded, sheet, readOnlyReason };
}

function ensureSheet<T>(st: Storage, schema: TableSchema<T>, table: Table<T>): { sheet: Sheet; header: string[] } {
  if (table.readOnlyReason) throw new StorageError(table.readOnlyReason);
  if (table.sheet) {
    if (table.missingColumns.length)
      throw new StorageError(TEXT.missingColumns[st.lang](table.sheet.getName(), table.missingColumns));
    // A sheet written before an optional column existed (aggregation…) gains it at the end, so the field is kept.
    const absent = schema.columns.filter((c) => !c.required && !table.header.includes(c.key)).map((c) => c.key);
    if (absent.length) {
      const width = table.header.length + absent.length;
      const max = table.sheet.getMaxColumns();
      if (max < width) table.sheet.insertColumnsAfter(max, width - max); // writing past the grid fails in Sheets
      table.sheet
        .getRange(1, table.header.length + 1, 1, absent.length)
        .setValues([absent])
        .setFontWeight('bold');
      return { sheet: table.sheet, header: [...table.header, ...absent] };
    }
    return { sheet: table.sheet, header: table.header };
  }
  const sheet = createOwnedSheet(st.ss, {
    kind: schema.kind,
    name: SHEET_NAMES[schema.kind][st.lang],
    schemaVersion: SCHEMA_VERSION,
    protection: PROTECTION_TEXT[st.lang],
  });
  const header = headerOf(schema as TableSchema<unknown>);
  sheet.getRange(1, 1, 1, header.length).setValues([header]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return { sheet, header };
}

/** Runs `write` under the document lock: two sidebars saving at once never interleave rows. */
export function locked<R>(lang: Lang, write: () => R): R {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(20_000)) throw new StorageError(TEXT.busy[lang]);
  try {
    return write();
  } finally {
    lock.releaseLock();
  }
}

function writeRow<T>(st: Storage, schema: TableSchema<T>, table: Table<T>, item: T, existingRow: number | null): void {
  const { sheet, header } = ensureSheet(st, schema, table);
  const previous = existingRow === null ? [] : (table.items.find((x) => x.row === existingRow)?.cells ?? []);
  const row = existingRow ?? (table.sheet ? table.nextRow : 2);
  const range = sheet.getRange(row, 1, 1, header.length);
  const previousFormats = existingRow === null ? [] : range.getNumberFormats()[0];
  // Formats first: text columns become plain text so a name like "=IMPORTXML(…)" stays text.
  range.setNumberFormats([rowFormats(schema as TableSchema<unknown>, header, previousFormats)]);
  range.setValues([encodeRow(schema, header, item, previous)]);
}

function save<T extends { id: string }>(
  st: Storage,
  schema: TableSchema<T>,
  draft: Record<string, unknown>,
  idPrefix: string,
  validate: (draft: unknown) => Validation<T>,
  extraCheck: (item: T) => FieldError[] = () => [],
  stamp: (draft: Record<string, unknown>, stored: T | null) => Record<string, unknown> = (d) => d,
): Validation<T> {
  return locked(st.lang, () => {
    promoteProjectTags(st.ss);
    const table = loadTable(st, schema);
    const isNew = draft.id === undefined || draft.id === null || draft.id === '';
    let existingRow: number | null = null;
    let stored: T | null = null;
    if (isNew) {
      const ids = [...table.items.map((x) => x.item.id), ...table.problems.map((p) => p.id ?? '')];
      draft = { ...draft, id: newId(idPrefix, ids, Math.random) };
    } else {
      const found = table.items.find((x) => x.item.id === draft.id);
      if (!found) {
        const broken = table.problems.find((p) => p.id === draft.id);
        throw new StorageError(
          broken ? TEXT.broken[st.lang](String(draft.id), broken.row) : TEXT.notFound[st.lang](String(draft.id)),
        );
      }
      existingRow = found.row;
      stored = found.item;
    }
    const result = validate(stamp(draft, stored));
    if (!result.ok) return result;
    const errors = extraCheck(result.value);
    if (errors.length) return { ok: false, errors };
    writeRow(st, schema, table, result.value, existingRow);
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
    if (!found || !table.sheet) throw new StorageError(TEXT.notFound[st.lang](id));
    if (table.readOnlyReason) throw new StorageError(table.readOnlyReason);
    const refusal = guard();
    if (refusal) throw new StorageError(refusal);
    table.sheet.deleteRow(found.row);
  });
}

export const loadObjectives = (st: Storage) => loadTable(st, OBJECTIVES);
export const loadKpis = (st: Storage) => loadTable(st, KPIS);

export function problemsOf(objectives: Table<Objective>, kpis: Table<Kpi>): StorageProblem[] {
  return [
    ...objectives.problems.map((p) => ({ sheet: 'objectives' as const, ...p })),
    ...kpis.problems.map((p) => ({ sheet: 'kpis' as const, ...p })),
  ];
}

export function saveObjective(
  st: Storage,
  draft: Record<string, unknown>,
  validate: (d: unknown) => Validation<Objective>,
): Validation<Objective> {
  return save(st, OBJECTIVES, draft, 'obj', validate);
}

export function saveKpi(
  st: Storage,
  draft: Record<string, unknown>,
  validate: (d: unknown) => Validation<Kpi>,
): Validation<Kpi> {
  return save(
    st,
    KPIS,
    draft,
    'kpi',
    validate,
    (kpi) => {
      if (!kpi.objectiveId) return [];
      const objectives = loadObjectives(st);
      return objectives.items.some((o) => o.item.id === kpi.objectiveId)
        ? []
        : [
            {
              field: 'objectiveId',
              code: 'unknown_objective',
              message: TEXT.unknownObjective[st.lang](kpi.objectiveId),
            },
          ];
    },
    // The creation date is the storage's to keep: set once, never taken from the form.
    (d, stored) => ({
      ...d,
      createdAt: stored?.createdAt ?? (stored ? undefined : (st.today ?? st.toIso(clock.now()))),
    }),
  );
}

export function deleteKpi(st: Storage, id: string): void {
  remove(st, KPIS, id);
}

export function deleteObjective(st: Storage, id: string): void {
  remove(st, OBJECTIVES, id, () => {
    const n = loadKpis(st).items.filter((k) => k.item.objectiveId === id).length;
    return n ? TEXT.objectiveInUse[st.lang](n) : null;
  });
}
