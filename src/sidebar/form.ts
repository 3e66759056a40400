/*
 * What the wizard's fields hold (text, as typed) and how it becomes a draft for the server and
 * the SMART engine. Pure: no DOM.
 */
import type { Lang } from '../core/i18n/lang';
import {
  parseNumber,
  validateKpi,
  validateObjective,
  type FieldError,
  type Kpi,
  type KpiSource,
  type Objective,
} from '../core/kpi/model';
import { fillFormula, formulaInputsOf, formulaPlaceholders, listTemplates } from '../core/kpi/templates';
import type { KpiDraft, ObjectiveDraft, SaveOptions, TemplateView } from '../shared/api';

export interface ObjectiveForm {
  id: string;
  title: string;
  description: string;
  horizon: string;
  level: string;
  owner: string;
}

export interface KpiForm {
  /** '' for a new KPI. */
  id: string;
  templateId: string;
  name: string;
  definition: string;
  unit: string;
  unitLabel: string;
  direction: string;
  indicator: string;
  level: string;
  owner: string;
  objectiveId: string;
  sourceKind: 'range' | 'cell';
  values: string;
  dates: string;
  ref: string;
  baseline: string;
  target: string;
  deadline: string;
  frequency: string;
  /** How a period's rows make its value; '' for the default of the template, formula or unit. */
  aggregation: string;
  benchmark: string;
  /** The template's formula pattern (`=CAC({spend}, {new_customers})`), or a stored formula. */
  formula: string;
  /** Ranges typed for the pattern's placeholders. */
  inputs: Record<string, string>;
}

export const emptyObjectiveForm = (): ObjectiveForm => ({
  id: '',
  title: '',
  description: '',
  horizon: '',
  level: 'strategic',
  owner: '',
});

export const emptyKpiForm = (): KpiForm => ({
  id: '',
  templateId: '',
  name: '',
  definition: '',
  unit: '',
  unitLabel: '',
  direction: '',
  indicator: '',
  level: '',
  owner: '',
  objectiveId: '',
  sourceKind: 'range',
  values: '',
  dates: '',
  ref: '',
  baseline: '',
  target: '',
  deadline: '',
  frequency: '',
  aggregation: '',
  benchmark: '',
  formula: '',
  inputs: {},
});

/** A number as a person would type it back: `12,5` (fr) / `12.5` (en); percents as `12,5 %`. */
export function numberText(n: number | null | undefined, unit: string, lang: Lang): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  const clean = (x: number) => String(Number(x.toPrecision(12)));
  const local = (s: string) => (lang === 'fr' ? s.replace('.', ',') : s);
  return unit === '%' ? `${local(clean(n * 100))}${lang === 'fr' ? '\u00a0' : ''}%` : local(clean(n));
}

export function objectiveFormOf(o: Objective): ObjectiveForm {
  return { id: o.id, title: o.title, description: o.description, horizon: o.horizon, level: o.level, owner: o.owner };
}

/**
 * The id of an item the sidebar creates, made once when its form opens and sent with
 * `{ create: true }`: a retry after an answer lost on the way back finds the row the first
 * attempt wrote instead of adding a second one (#14, item 3). 48 random bits (crypto when the
 * browser has it): two sidebars creating at the same moment do not collide in practice, and if
 * they did the server refuses the second create rather than overwriting the first.
 */
export function clientId(prefix: 'kpi' | 'obj', random: () => number = secureRandom): string {
  let hex = '';
  for (let i = 0; i < 12; i++) hex += (Math.floor(Math.abs(random()) * 16) % 16).toString(16);
  return `${prefix}_${hex}`;
}

function secureRandom(): number {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  if (c?.getRandomValues) return c.getRandomValues(new Uint32Array(1))[0] / 2 ** 32;
  return Math.random();
}

/**
 * How a form's save is made: an edit sends what the form held when it opened (`base`, so the
 * server keeps fields changed meanwhile in another window and refuses a field changed on both
 * sides: #14, item 4); a create sends the id made when the form opened.
 */
export interface SaveTarget<D> {
  /** The id of the item to create ('' when editing). */
  createId: string;
  /** The draft of the item as the form loaded it (null for a new one). */
  base: D | null;
}

/** The arguments of a save: the draft (with the id made for a create) and its options. */
export function saveArgs<T extends { id: string }>(
  draft: Partial<T>,
  target: SaveTarget<Partial<T>>,
): [Partial<T>, SaveOptions<T>] {
  if (target.base) return [draft, { base: target.base }];
  if (target.createId) return [{ ...draft, id: target.createId }, { create: true }];
  return [draft, {}];
}

export const newTarget = (prefix: 'kpi' | 'obj'): SaveTarget<never> => ({ createId: clientId(prefix), base: null });

export function objectiveDraft(f: ObjectiveForm): ObjectiveDraft {
  const d: ObjectiveDraft = {
    title: f.title,
    description: f.description,
    horizon: f.horizon,
    level: f.level as Objective['level'],
    owner: f.owner,
  };
  if (f.id) d.id = f.id;
  return d;
}

export function validateObjectiveForm(f: ObjectiveForm, lang: Lang): FieldError[] {
  const r = validateObjective({ ...objectiveDraft(f), id: f.id || 'new' }, lang);
  return r.ok ? [] : r.errors;
}

export function kpiFormOf(k: Kpi, lang: Lang): KpiForm {
  const f = emptyKpiForm();
  f.id = k.id;
  f.templateId = k.templateId ?? '';
  f.name = k.name;
  f.definition = k.definition;
  f.unit = k.unit;
  f.unitLabel = k.unitLabel ?? '';
  f.direction = k.direction;
  f.indicator = k.indicator;
  f.level = k.level;
  f.owner = k.owner;
  f.objectiveId = k.objectiveId;
  if (k.source.kind === 'cell') {
    f.sourceKind = 'cell';
    f.ref = k.source.ref;
  } else {
    f.values = k.source.values;
    f.dates = k.source.dates ?? '';
  }
  f.baseline = numberText(k.baseline, k.unit, lang);
  f.target = numberText(k.target, k.unit, lang);
  f.benchmark = numberText(k.benchmark, k.unit, lang);
  f.deadline = k.deadline;
  f.frequency = k.frequency;
  f.aggregation = k.aggregation ?? '';
  f.formula = k.formula ?? '';
  // A template's formula comes back as its pattern with each range in its own field, so editing
  // the KPI shows (and can change) what its figures are computed from.
  const pattern = k.templateId ? listTemplates(lang).find((t) => t.id === k.templateId)?.formula : undefined;
  const inputs = pattern && k.formula ? formulaInputsOf(pattern, k.formula) : null;
  if (pattern && inputs) {
    f.formula = pattern;
    f.inputs = inputs;
  }
  return f;
}

/** Fills the form from a template, keeping what belongs to this KPI rather than to the template. */
export function applyTemplate(f: KpiForm, t: TemplateView | null, lang: Lang): KpiForm {
  if (!t) return { ...f, templateId: '', formula: '', inputs: {} };
  return {
    ...f,
    templateId: t.id,
    name: t.name,
    definition: t.definition,
    unit: t.unit,
    unitLabel: t.unitLabel ?? '',
    direction: t.direction,
    indicator: t.indicator,
    frequency: t.frequency,
    aggregation: '',
    level: t.level,
    benchmark: t.benchmark === undefined ? '' : numberText(t.benchmark, t.unit, lang),
    formula: t.formula ?? '',
    inputs: {},
  };
}

export function sourceOf(f: KpiForm): KpiSource {
  if (f.sourceKind === 'cell') return { kind: 'cell', ref: f.ref.trim() };
  const s: KpiSource = { kind: 'range', values: f.values.trim() };
  if (f.dates.trim()) s.dates = f.dates.trim();
  return s;
}

/** The formula to store: a filled template pattern, a stored formula as is, or none. */
export function formulaOf(f: KpiForm): string | undefined {
  if (!f.formula) return undefined;
  if (formulaPlaceholders(f.formula).length === 0) return f.formula;
  const filled = fillFormula(f.formula, f.inputs);
  return filled.ok ? filled.formula : undefined;
}

/** The fields as typed (numbers as text), for the validator, which reads numbers in the form's language. */
function rawDraft(f: KpiForm): Record<string, unknown> {
  const d: Record<string, unknown> = {
    id: f.id || 'new',
    name: f.name,
    definition: f.definition,
    unit: f.unit,
    direction: f.direction,
    objectiveId: f.objectiveId,
    indicator: f.indicator,
    source: sourceOf(f),
    baseline: f.baseline,
    target: f.target,
    deadline: f.deadline,
    frequency: f.frequency,
    benchmark: f.benchmark,
    owner: f.owner,
    level: f.level,
  };
  if (f.unitLabel) d.unitLabel = f.unitLabel;
  if (f.aggregation) d.aggregation = f.aggregation;
  const formula = formulaOf(f);
  if (formula) d.formula = formula;
  if (f.templateId) d.templateId = f.templateId;
  return d;
}

export function validateKpiForm(f: KpiForm, lang: Lang): FieldError[] {
  const r = validateKpi(rawDraft(f), lang);
  return r.ok ? [] : r.errors;
}

/** Blank is null; unreadable text stays text, so the SMART check can say "not a number". */
const numberOrText = (s: string, lang: Lang): number | string | null =>
  s.trim() === '' ? null : (parseNumber(s, lang) ?? s);

/** The draft the SMART engine judges while the user types. */
export function smartDraft(f: KpiForm, lang: Lang): Partial<Kpi> {
  const d = rawDraft(f);
  if (!f.id) delete d.id;
  d.baseline = numberOrText(f.baseline, lang);
  d.target = numberOrText(f.target, lang);
  d.benchmark = numberOrText(f.benchmark, lang);
  return d as Partial<Kpi>;
}

/** The draft sent to saveKpi: numbers parsed (the form only saves once the validator accepts them). */
export function kpiDraft(f: KpiForm, lang: Lang): KpiDraft {
  const d = rawDraft(f);
  if (!f.id) delete d.id;
  const n = (s: string) => (s.trim() === '' ? null : parseNumber(s, lang));
  d.baseline = n(f.baseline);
  d.target = n(f.target);
  d.benchmark = n(f.benchmark);
  return d as KpiDraft;
}

/** Which wizard step holds each validated field. */
export const STEP_FIELDS: Record<number, readonly string[]> = {
  1: ['objectiveId'],
  2: ['name', 'definition', 'unit', 'unitLabel', 'direction', 'indicator', 'level', 'owner'],
  3: [
    'source',
    'source.kind',
    'source.ref',
    'source.values',
    'source.dates',
    'source.categories',
    'aggregation',
    'formula',
  ],
  4: ['baseline', 'target', 'deadline', 'frequency', 'benchmark'],
};

export function stepOfField(field: string): number {
  for (const step of [1, 2, 3, 4]) if (STEP_FIELDS[step].includes(field)) return step;
  return 5;
}
