import type { Lang } from '../i18n/lang';
import { parseA1, seriesShape, type A1Range, type SeriesShape } from './a1';
import { AGGREGATIONS, aggregationOf, type Aggregation } from './aggregation';
import { parseKpiFormula } from './formula-kpi';
import { isIsoDate } from './dates';
import { catalogue, localize, type Bilingual } from '../i18n/text';
import { quote } from './format';

/*
 * The KPI model. Every type here is plain JSON (strings, numbers, booleans, null): it crosses
 * google.script.run and is stored in sheet rows. Dates are ISO strings `YYYY-MM-DD`.
 */

export const AUDIENCE_LEVELS = ['strategic', 'tactical', 'operational'] as const;
export type AudienceLevel = (typeof AUDIENCE_LEVELS)[number];

/** Coarsest last: the order is used to compare a KPI's frequency with its data's granularity. */
export const FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Which way is better. */
export const DIRECTIONS = ['higher', 'lower'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Leading indicators predict results (visitors, qualified leads); lagging ones record them (revenue). */
export const INDICATORS = ['leading', 'lagging'] as const;
export type Indicator = (typeof INDICATORS)[number];

/**
 * '%' KPIs hold fractions, as Sheets stores percentages (0.15 = 15 %). 'other' is labelled by
 * `Kpi.unitLabel` (e.g. "visites", "tickets").
 */
export const UNITS = ['€', '%', 'count', 'days', 'hours', 'ratio', 'score', 'other'] as const;
export type Unit = (typeof UNITS)[number];

export interface Objective {
  id: string;
  title: string;
  description: string;
  /** ISO deadline of the objective. */
  horizon: string;
  level: AudienceLevel;
  owner: string;
}

/**
 * Where a KPI's values live, in A1 notation with the sheet name (`'Ventes'!B2:B25`).
 * `cell`: one value (its history comes from Boussole's snapshots); `range`: rows, in any order,
 * with optional aligned dates, categories (e.g. one row per channel) and denominators (the
 * second sum of a `ratio`).
 */
export type KpiSource =
  | { kind: 'cell'; ref: string }
  | { kind: 'range'; values: string; dates?: string; categories?: string; denominator?: string };

export interface Kpi {
  id: string;
  name: string;
  definition: string;
  unit: Unit;
  /** Free label shown with the value, required in practice when unit is 'other'. */
  unitLabel?: string;
  direction: Direction;
  /** '' when not yet linked (the SMART check reports it). */
  objectiveId: string;
  indicator: Indicator;
  source: KpiSource;
  baseline: number | null;
  target: number | null;
  /** ISO date by which the target should be reached. */
  deadline: string;
  frequency: Frequency;
  /**
   * How a period's rows make its value (aggregation.ts). Always set on a validated KPI (stored
   * rows from before the field get their template's or unit's default); optional for drafts.
   */
  aggregation?: Aggregation;
  /** A sector reference value, in the KPI's unit. */
  benchmark: number | null;
  owner: string;
  level: AudienceLevel;
  /** A Boussole formula, when the KPI comes from a template (`=CAC('Ventes'!B2:B13, 'Ventes'!C2:C13)`). */
  formula?: string;
  templateId?: string;
  /** ISO date the KPI was first saved: when its baseline was the reference. Set by storage. */
  createdAt?: string;
}

export interface FieldError {
  /** The field's path: `name`, `source.values`, … */
  field: string;
  /** Stable code for programs (`required`, `not_a_date`, …). */
  code: string;
  /** Names the field, says what is wrong and what is expected, in the requested language. */
  message: string;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

// ---------------------------------------------------------------------------------------------
// Field labels and messages

const LABELS: Record<string, Bilingual> = {
  kpi: { fr: 'KPI', en: 'KPI' },
  objective: { fr: 'Objectif', en: 'Objective' },
  id: { fr: 'Identifiant', en: 'Id' },
  name: { fr: 'Nom', en: 'Name' },
  title: { fr: 'Titre', en: 'Title' },
  description: { fr: 'Description', en: 'Description' },
  horizon: { fr: 'Échéance', en: 'Deadline' },
  definition: { fr: 'Définition', en: 'Definition' },
  unit: { fr: 'Unité', en: 'Unit' },
  unitLabel: { fr: "Libellé de l'unité", en: 'Unit label' },
  direction: { fr: 'Sens', en: 'Direction' },
  objectiveId: { fr: 'Objectif', en: 'Objective' },
  indicator: { fr: "Type d'indicateur", en: 'Indicator type' },
  source: { fr: 'Source', en: 'Source' },
  'source.kind': { fr: 'Type de source', en: 'Source type' },
  'source.ref': { fr: 'Cellule source', en: 'Source cell' },
  'source.values': { fr: 'Plage des valeurs', en: 'Values range' },
  'source.dates': { fr: 'Plage des dates', en: 'Dates range' },
  'source.categories': { fr: 'Plage des catégories', en: 'Categories range' },
  'source.denominator': { fr: 'Plage des dénominateurs', en: 'Denominators range' },
  aggregation: { fr: 'Agrégation par période', en: 'Aggregation per period' },
  baseline: { fr: 'Valeur de départ', en: 'Baseline' },
  target: { fr: 'Cible', en: 'Target' },
  deadline: { fr: 'Échéance', en: 'Deadline' },
  frequency: { fr: 'Fréquence', en: 'Frequency' },
  benchmark: { fr: 'Référence sectorielle', en: 'Benchmark' },
  owner: { fr: 'Responsable', en: 'Owner' },
  level: { fr: 'Niveau', en: 'Level' },
  formula: { fr: 'Formule', en: 'Formula' },
  templateId: { fr: 'Modèle', en: 'Template' },
  createdAt: { fr: 'Créé le', en: 'Created on' },
};

/** The field's name as the form shows it. */
export function fieldLabel(field: string, lang: Lang): string {
  const label = LABELS[field];
  return label ? localize(label, lang) : field;
}

const ENUM_WORDS: Record<string, Bilingual<string[]>> = {
  level: {
    fr: ['strategic (stratégique)', 'tactical (tactique)', 'operational (opérationnel)'],
    en: [...AUDIENCE_LEVELS],
  },
  frequency: {
    fr: ['daily (quotidienne)', 'weekly (hebdomadaire)', 'monthly (mensuelle)', 'quarterly (trimestrielle)'],
    en: [...FREQUENCIES],
  },
  direction: {
    fr: ['higher (plus haut = mieux)', 'lower (plus bas = mieux)'],
    en: ['higher (is better)', 'lower (is better)'],
  },
  indicator: { fr: ['leading (avancé)', 'lagging (retardé)'], en: [...INDICATORS] },
  unit: { fr: [...UNITS], en: [...UNITS] },
  'source.kind': { fr: ['cell (une cellule)', 'range (une plage)'], en: ['cell', 'range'] },
  aggregation: {
    fr: [
      'sum (somme)',
      'average (moyenne)',
      'last (dernière valeur)',
      'min',
      'max',
      'count (nombre de lignes)',
      'ratio (rapport de deux sommes)',
    ],
    en: [...AGGREGATIONS],
  },
};

/** An enumerated field's choices as a person reads them: "moyenne" (the gloss of "average (moyenne)"), "average". */
export const choiceWords = (field: string, lang: Lang): string[] =>
  (ENUM_WORDS[field]?.[lang] ?? []).map((w) => /\((.+)\)/.exec(w)?.[1] ?? w);

type Problem =
  | { code: 'not_an_object' }
  | { code: 'required' }
  | { code: 'not_text' }
  | { code: 'too_long'; max: number; length: number }
  | { code: 'blank_in_id' }
  | { code: 'not_one_of'; value: string }
  | { code: 'not_a_date'; value: string }
  | { code: 'not_a_number'; value: string }
  | { code: 'not_a1'; value: string }
  | { code: 'no_sheet'; value: string }
  | { code: 'not_single_cell'; value: string }
  | { code: 'not_a_series'; value: string }
  | { code: 'misaligned'; value: string; length: string; otherLength: string }
  | { code: 'not_a_formula'; value: string }
  | { code: 'ratio_needs_denominator' };

const show = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)));

type ProblemOf<C extends Problem['code']> = { [K in C]: Extract<Problem, { code: K }> }[C];
/** `q` quotes in the language shown (« x » / "x"). */
type Describe<C extends Problem['code']> = (p: ProblemOf<C>, field: string, q: (s: string) => string) => Bilingual;

/** What is wrong with a field's value, per problem and language (the field's label goes before it). */
type DescribeTable = { [C in Problem['code']]: Describe<C> };

const DESCRIBE: DescribeTable = {
  not_an_object: () => ({
    fr: 'attendu : un objet avec ses champs.',
    en: 'expected an object with its fields.',
  }),
  required: () => ({
    fr: 'obligatoire.',
    en: 'required.',
  }),
  not_text: () => ({
    fr: 'attendu : du texte.',
    en: 'expected text.',
  }),
  too_long: (p) => ({
    fr: `${p.length} caractères ; ${p.max} au plus.`,
    en: `${p.length} characters; at most ${p.max}.`,
  }),
  blank_in_id: () => ({
    fr: 'sans espace : lettres, chiffres et « _ ».',
    en: 'no spaces: letters, digits and "_".',
  }),
  not_one_of: (p, field, q) => ({
    fr: `${q(p.value)} n'est pas une valeur possible ; attendu : ${(ENUM_WORDS[field]?.fr ?? []).join(', ')}.`,
    en: `${q(p.value)} is not allowed; expected one of ${(ENUM_WORDS[field]?.en ?? []).join(', ')}.`,
  }),
  not_a_date: (p, _field, q) => ({
    fr: `${q(p.value)} n'est pas une date ; attendu : AAAA-MM-JJ, par exemple 2025-12-31.`,
    en: `${q(p.value)} is not a date; expected YYYY-MM-DD, e.g. 2025-12-31.`,
  }),
  not_a_number: (p, _field, q) => ({
    fr: `${q(p.value)} n'est pas un nombre ; laissez vide ou saisissez un nombre.`,
    en: `${q(p.value)} is not a number; leave it blank or enter a number.`,
  }),
  not_a1: (p, _field, q) => ({
    fr: `${q(p.value)} n'est pas une référence A1 ; exemple : 'Ventes 2024'!B2:B25 (nom d'onglet entre apostrophes, apostrophe interne doublée).`,
    en: `${q(p.value)} is not an A1 reference; e.g. 'Sales 2024'!B2:B25 (sheet name in single quotes, inner quote doubled).`,
  }),
  no_sheet: (p, _field, q) => ({
    fr: `${q(p.value)} ne nomme pas d'onglet ; écrivez-le devant la plage, par exemple Ventes!${p.value}.`,
    en: `${q(p.value)} names no sheet; put it before the range, e.g. Sales!${p.value}.`,
  }),
  not_single_cell: (p, _field, q) => ({
    fr: `${q(p.value)} n'est pas une seule cellule ; choisissez la source « plage » pour une série.`,
    en: `${q(p.value)} is not a single cell; choose a "range" source for a series.`,
  }),
  not_a_series: (p, _field, q) => ({
    fr: `${q(p.value)} couvre plusieurs lignes et plusieurs colonnes ; attendu : une seule colonne ou une seule ligne.`,
    en: `${q(p.value)} spans several rows and columns; expected a single column or a single row.`,
  }),
  misaligned: (p, _field, q) => ({
    fr: `${q(p.value)} (${p.length}) ne s'aligne pas sur la plage des valeurs (${p.otherLength}) ; même orientation et même nombre de cellules attendus.`,
    en: `${q(p.value)} (${p.length}) does not line up with the values range (${p.otherLength}); expected the same orientation and number of cells.`,
  }),
  not_a_formula: (p, _field, q) => ({
    fr: `${q(p.value)} doit commencer par « = ».`,
    en: `${q(p.value)} must start with "=".`,
  }),
  ratio_needs_denominator: () => ({
    fr: 'obligatoire pour un ratio : la plage dont la somme divise celle des valeurs (par exemple les visiteurs pour un taux de conversion).',
    en: 'required for a ratio: the range whose sum divides the sum of the values (e.g. the visitors for a conversion rate).',
  }),
};

function describe<C extends Problem['code']>(field: string, p: ProblemOf<C>, lang: Lang): string {
  const describeIt: Describe<C> = DESCRIBE[p.code];
  return localize(
    describeIt(p, field, (s) => quote(s, lang)),
    lang,
  );
}

class Collector {
  readonly errors: FieldError[] = [];
  constructor(private readonly lang: Lang) {}
  add(field: string, p: Problem): void {
    const label = fieldLabel(field, this.lang);
    const what = describe(field, p, this.lang);
    this.errors.push({
      field,
      code: p.code,
      message: localize({ fr: `${label} : ${what}`, en: `${label}: ${what}` }, this.lang),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Field readers: each returns the clean value, or undefined after recording the problem.

/**
 * What a person may type in a free-text field: as much as a Sheets cell holds. Long or odd text
 * is stored and shown as typed; the SMART checks, not the validator, judge a name too long to read.
 */
export const TEXT_MAX = 50_000;

function text(
  c: Collector,
  o: Record<string, unknown>,
  field: string,
  opts: { required: boolean; max: number },
): string | undefined {
  const v = o[field];
  if (v === undefined || v === null) {
    if (opts.required) return void c.add(field, { code: 'required' });
    return '';
  }
  if (typeof v !== 'string') return void c.add(field, { code: 'not_text' });
  const t = v.trim();
  if (opts.required && t === '') return void c.add(field, { code: 'required' });
  if (t.length > opts.max) return void c.add(field, { code: 'too_long', max: opts.max, length: t.length });
  return t;
}

function id(c: Collector, o: Record<string, unknown>, field: string): string | undefined {
  const t = text(c, o, field, { required: true, max: 64 });
  if (t !== undefined && /\s/.test(t)) return void c.add(field, { code: 'blank_in_id' });
  return t;
}

function oneOf<T extends string>(
  c: Collector,
  o: Record<string, unknown>,
  field: string,
  allowed: readonly T[],
  key = field,
): T | undefined {
  const v = o[key];
  if (v === undefined || v === null || v === '') return void c.add(field, { code: 'required' });
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  return void c.add(field, { code: 'not_one_of', value: show(v) });
}

function date(c: Collector, o: Record<string, unknown>, field: string): string | undefined {
  const v = o[field];
  if (v === undefined || v === null || v === '') return void c.add(field, { code: 'required' });
  const t = typeof v === 'string' ? v.trim() : v;
  if (!isIsoDate(t)) return void c.add(field, { code: 'not_a_date', value: show(v) });
  return t;
}

/** A nullable number: blank is null; numeric text is accepted in the form's language. */
function nullableNumber(
  c: Collector,
  o: Record<string, unknown>,
  field: string,
  lang: Lang,
): number | null | undefined {
  const v = o[field];
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return null;
  const n = parseNumber(v, lang);
  if (n === null) return void c.add(field, { code: 'not_a_number', value: show(v) });
  return n;
}

/**
 * A number typed by a person or read from a cell: `1250`, `1 250,5` (fr), `1,250.5` (en),
 * `12,5 %` → 0.125 (percent KPIs hold fractions), `1 250 €`. Null when it is not a number.
 */
export function parseNumber(v: unknown, lang: Lang): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  let s = v
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^€|€$/g, '')
    .replace(/^\+/, '');
  let scale = 1;
  if (s.endsWith('%')) {
    scale = 0.01;
    s = s.slice(0, -1);
  }
  s = s.replace(/^−/, '-'); // a typographic minus pasted from a document
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // Both: the last one is the decimal separator.
    s = lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (lastComma >= 0) {
    // Only commas: decimal in French; in English, thousands when grouped by three (1,250).
    s = lang === 'en' && /^-?\d{1,3}(,\d{3})+$/.test(s) ? s.replace(/,/g, '') : s.replace(',', '.');
  }
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const n = Number(s) * scale;
  return Number.isFinite(n) ? n : null;
}

function a1(c: Collector, field: string, v: unknown): { range: A1Range; text: string } | undefined {
  if (v === undefined || v === null || v === '') return void c.add(field, { code: 'required' });
  if (typeof v !== 'string') return void c.add(field, { code: 'not_text' });
  const t = v.trim();
  const range = parseA1(t);
  if (!range) return void c.add(field, { code: 'not_a1', value: t });
  if (range.sheet === undefined) return void c.add(field, { code: 'no_sheet', value: t });
  return { range, text: t };
}

const SHAPE = catalogue({
  openEnded: { fr: 'ouverte', en: 'open-ended' },
  orientation: {
    fr: { column: 'colonne', row: 'ligne', cell: 'cellule' },
    en: { column: 'column', row: 'row', cell: 'cell' },
  },
});

const describeShape = (s: SeriesShape, lang: Lang): string => {
  const open = localize(SHAPE.openEnded, lang);
  return `${localize(SHAPE.orientation, lang)[s.orientation]}, ${s.length === null ? open : String(s.length)}`;
};

/** Two series line up when they have the same orientation and length (open-ended ones start on the same row or column). */
function aligned(a: SeriesShape, b: SeriesShape): boolean {
  if (a.orientation === 'cell' || b.orientation === 'cell') return a.length === b.length;
  if (a.orientation !== b.orientation || a.length !== b.length) return false;
  return a.length !== null || a.start === b.start;
}

function source(c: Collector, o: Record<string, unknown>, lang: Lang): KpiSource | undefined {
  const v = o.source;
  if (v === undefined || v === null) return void c.add('source', { code: 'required' });
  if (typeof v !== 'object' || Array.isArray(v)) return void c.add('source', { code: 'not_an_object' });
  const s = v as Record<string, unknown>;
  const kind = oneOf(c, s, 'source.kind', ['cell', 'range'] as const, 'kind');
  if (kind === 'cell') {
    const ref = a1(c, 'source.ref', s.ref);
    if (!ref) return undefined;
    if (ref.range.endRow !== ref.range.startRow || ref.range.endCol !== ref.range.startCol) {
      return void c.add('source.ref', { code: 'not_single_cell', value: ref.text });
    }
    return { kind: 'cell', ref: ref.text };
  }
  if (kind !== 'range') return undefined;
  const values = a1(c, 'source.values', s.values);
  const valuesShape = values && seriesShape(values.range);
  if (values && !valuesShape) c.add('source.values', { code: 'not_a_series', value: values.text });
  const out: KpiSource = { kind: 'range', values: values?.text ?? '' };
  let ok = !!valuesShape;
  for (const key of ['dates', 'categories', 'denominator'] as const) {
    const raw = s[key];
    if (raw === undefined || raw === null || raw === '') continue;
    const field = `source.${key}`;
    const ref = a1(c, field, raw);
    if (!ref) {
      ok = false;
      continue;
    }
    const shape = seriesShape(ref.range);
    if (!shape) {
      c.add(field, { code: 'not_a_series', value: ref.text });
      ok = false;
    } else if (valuesShape && !aligned(shape, valuesShape)) {
      c.add(field, {
        code: 'misaligned',
        value: ref.text,
        length: describeShape(shape, lang),
        otherLength: describeShape(valuesShape, lang),
      });
      ok = false;
    } else out[key] = ref.text;
  }
  return ok ? out : undefined;
}

function asRecord(c: Collector, draft: unknown, field: string): Record<string, unknown> | undefined {
  if (typeof draft !== 'object' || draft === null || Array.isArray(draft))
    return void c.add(field, { code: 'not_an_object' });
  return draft as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Validators

/** Checks an objective from the form or a storage row; the value keeps only the model's fields, trimmed. */
export function validateObjective(draft: unknown, lang: Lang): Validation<Objective> {
  const c = new Collector(lang);
  const o = asRecord(c, draft, 'objective');
  if (!o) return { ok: false, errors: c.errors };
  const value = {
    id: id(c, o, 'id'),
    title: text(c, o, 'title', { required: true, max: TEXT_MAX }),
    description: text(c, o, 'description', { required: false, max: TEXT_MAX }),
    horizon: date(c, o, 'horizon'),
    level: oneOf(c, o, 'level', AUDIENCE_LEVELS),
    owner: text(c, o, 'owner', { required: false, max: TEXT_MAX }),
  };
  return c.errors.length ? { ok: false, errors: c.errors } : { ok: true, value: value as Objective };
}

/**
 * Checks a KPI from the form or a storage row. Structure only: a KPI can be valid and still
 * fail SMART (no target, no objective yet) — `checkSmart` judges quality.
 */
export function validateKpi(draft: unknown, lang: Lang): Validation<Kpi> {
  const c = new Collector(lang);
  const o = asRecord(c, draft, 'kpi');
  if (!o) return { ok: false, errors: c.errors };
  const value: Partial<Kpi> = {
    id: id(c, o, 'id'),
    name: text(c, o, 'name', { required: true, max: TEXT_MAX }),
    definition: text(c, o, 'definition', { required: false, max: TEXT_MAX }),
    unit: oneOf(c, o, 'unit', UNITS),
  };
  const unitLabel = text(c, o, 'unitLabel', { required: false, max: TEXT_MAX });
  if (unitLabel) value.unitLabel = unitLabel;
  value.direction = oneOf(c, o, 'direction', DIRECTIONS);
  const objectiveId = text(c, o, 'objectiveId', { required: false, max: 64 });
  if (objectiveId !== undefined && /\s/.test(objectiveId)) c.add('objectiveId', { code: 'blank_in_id' });
  value.objectiveId = objectiveId;
  value.indicator = oneOf(c, o, 'indicator', INDICATORS);
  value.source = source(c, o, lang);
  value.baseline = nullableNumber(c, o, 'baseline', lang) as number | null;
  value.target = nullableNumber(c, o, 'target', lang) as number | null;
  value.deadline = date(c, o, 'deadline');
  value.frequency = oneOf(c, o, 'frequency', FREQUENCIES);
  const rawAggregation = o.aggregation;
  const aggregation =
    rawAggregation === undefined || rawAggregation === null || rawAggregation === ''
      ? undefined
      : oneOf(c, o, 'aggregation', AGGREGATIONS);
  value.benchmark = nullableNumber(c, o, 'benchmark', lang) as number | null;
  value.owner = text(c, o, 'owner', { required: false, max: TEXT_MAX });
  value.level = oneOf(c, o, 'level', AUDIENCE_LEVELS);
  const formula = text(c, o, 'formula', { required: false, max: 2000 });
  if (formula) {
    if (!formula.startsWith('=')) c.add('formula', { code: 'not_a_formula', value: formula });
    else value.formula = formula;
  }
  const templateId = text(c, o, 'templateId', { required: false, max: 64 });
  if (templateId) value.templateId = templateId;
  if (o.createdAt !== undefined && o.createdAt !== null && o.createdAt !== '') {
    const createdAt = date(c, o, 'createdAt');
    if (createdAt) value.createdAt = createdAt;
  }
  if (
    value.source &&
    value.unit &&
    (rawAggregation === undefined || rawAggregation === null || rawAggregation === '' || aggregation)
  ) {
    const chosen = aggregationOf({ ...value, aggregation });
    const src = value.source;
    if (chosen === 'ratio' && src.kind === 'range' && !src.denominator && !parseKpiFormula(value.formula))
      c.add('source.denominator', { code: 'ratio_needs_denominator' });
    else value.aggregation = chosen;
  }
  return c.errors.length ? { ok: false, errors: c.errors } : { ok: true, value: value as Kpi };
}

// ---------------------------------------------------------------------------------------------
// Ids

/**
 * A short id unique among `existingIds`: `kpi_7f3a9c`. `random` returns numbers in [0, 1)
 * (Math.random in the shell, a seeded generator in tests). After repeated collisions the id
 * grows a character; a generator that never varies still terminates, with a counter.
 */
export function newId(prefix: string, existingIds: Iterable<string>, random: () => number): string {
  const taken = new Set(existingIds);
  const clean = prefix.toLowerCase().replace(/[^a-z0-9]+/g, '') || 'id';
  const hex = (length: number): string => {
    let s = '';
    for (let i = 0; i < length; i++) {
      const r = random();
      const k = Number.isFinite(r) ? Math.floor(Math.abs(r) * 16) % 16 : 0;
      s += k.toString(16);
    }
    return s;
  };
  for (let length = 6; length <= 12; length++) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const candidate = `${clean}_${hex(length)}`;
      if (!taken.has(candidate)) return candidate;
    }
  }
  for (let n = 1; ; n++) {
    const candidate = `${clean}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
