import { at, group, last } from '../arrays';
import type { Lang } from '../i18n/lang';
import { parseA1 } from './a1';
import { dayIso, isoDay, periodIndex } from './dates';
import {
  DIRECTIONS,
  FREQUENCIES,
  INDICATORS,
  UNITS,
  type Direction,
  type Frequency,
  type Indicator,
  type Kpi,
  type Objective,
  type Unit,
} from './model';
import {
  GRANULARITIES,
  GRANULARITY_RANK,
  goodSide,
  median,
  periodsNeeded,
  project,
  rateKindFor,
  ratePerPeriod,
  readSeries,
  valuesPerPeriod,
  windowRates,
  type Granularity,
  type RateKind,
  type ReadSeries,
  type SourceData,
} from './series';
import { renderFinding, type RenderContext } from './smart-messages';

/*
 * The SMART engine: judges a KPI draft against the SMART table of the domain articles, from its
 * form fields AND from its data (how many numbers the source holds, the pace its history
 * shows, the granularity of its dates). Pure: `today` is a parameter. Never throws, whatever
 * the draft holds: the wizard calls it on every keystroke.
 *
 * Scoring: each of the five criteria is worth SMART_POINTS[verdict] (pass 20, warning 10,
 * failure 0), the verdict being its worst finding. The score is their sum, 0–100.
 */

export const CRITERIA = ['specific', 'measurable', 'achievable', 'relevant', 'timebound'] as const;
export type Criterion = (typeof CRITERIA)[number];

export const FINDING_LEVELS = ['pass', 'warning', 'failure'] as const;
export type FindingLevel = (typeof FINDING_LEVELS)[number];

type NoParams = Record<never, never>;

/** The pace the target requires and the one the history shows (rates as fractions per period). */
interface Pace {
  required: number | null;
  typical: number | null;
  best: number | null;
  kind: RateKind;
  periods: number;
  /** The stretch the typical and best paces were held over, in periods (the time left, or the whole history when shorter). */
  window: number;
  current: number;
  target: number;
  direction: Direction;
}

/**
 * Every finding the engine can report, by stable code, with the numbers and words behind it
 * (rates as fractions, dates ISO). Plain JSON by construction: numbers are finite, a number
 * that could not be computed is null. The message table (smart-messages.ts) is keyed by the
 * same codes: a code added here without its message, or a misspelt one, fails to compile.
 */
export interface FindingParamsByCode {
  // Specific
  name_missing: NoParams;
  name_too_short: { name: string; length: number };
  name_too_long: { length: number; max: number };
  definition_missing: NoParams;
  definition_repeats_name: { name: string };
  definition_too_short: { words: number; min: number };
  vague_verb: { verb: string };
  unit_missing: NoParams;
  unit_label_missing: NoParams;
  direction_missing: NoParams;
  specific_ok: { name: string };
  // Measurable
  source_missing: NoParams;
  source_invalid: { ref: string };
  data_not_read: { ref: string };
  no_numbers: { cells: number; blanks: number; texts: number; sample: string | null };
  has_text: { cells: number; numbers: number; texts: number; sample: string | null; latest: number | null };
  data_ok: { cells: number; numbers: number; blanks: number; latest: number | null };
  dates_unusable: { undated: number; numbers: number };
  target_missing: NoParams;
  target_not_number: NoParams;
  target_scale: { target: number; suggested: number; latest: number };
  baseline_from_data: { latest: number };
  baseline_missing: NoParams;
  // Achievable
  achievable_no_target: NoParams;
  achievable_no_history: { values: number; numbers: number; min: number; required?: number | null; kind?: RateKind };
  achievable_already_met: { current: number; target: number; direction: Direction; suggested: number | null };
  achievable_no_deadline: NoParams;
  achievable_no_time: { periods: number; from: string; deadline: string | null };
  achievable_ok: Pace;
  achievable_stretch: Pace & { atTypical: number | null };
  achievable_beyond_best: Pace & { gap: number | null; atBest: number | null; periodsNeeded: number | null };
  // Relevant
  too_many_total: { total: number; max: number };
  objective_missing: NoParams;
  objective_mismatch: { objectiveId: string; given: string };
  too_many_on_objective: { count: number; max: number; objective: string };
  few_on_objective: { count: number; min: number; objective: string };
  count_ok: { count: number; objective: string };
  indicator_missing: NoParams;
  indicator_mix: { count: number; kind: Indicator; objective: string };
  indicator_mix_ok: { leading: number; lagging: number; objective: string };
  // Time-bound
  deadline_missing: NoParams;
  deadline_invalid: NoParams;
  deadline_past: { deadline: string | null; today: string };
  today_invalid: NoParams;
  frequency_missing: NoParams;
  few_checkins: { checkins: number; min: number; deadline: string | null; finer: Frequency | null };
  frequency_finer_than_data: { granularity: Granularity };
  deadline_after_objective: { deadline: string | null; horizon: string; objective: string };
  timebound_ok: { deadline: string | null; checkins: number | null };
}

export type FindingCode = keyof FindingParamsByCode;

/** A code with its parameters; `FindingOf<'vague_verb'>` is one member, `FindingOf` the union of all. */
export type FindingOf<C extends FindingCode = FindingCode> = {
  [K in C]: { code: K; params: FindingParamsByCode[K] };
}[C];

/** The codes that carry no parameter: `add` takes them alone. */
type BareCode = { [K in FindingCode]: keyof FindingParamsByCode[K] extends never ? K : never }[FindingCode];

export type Finding = FindingOf & {
  criterion: Criterion;
  level: FindingLevel;
  /** What is wrong (or, on pass, what was found), with the numbers, in the requested language. */
  message: string;
  /** How to fix it; '' on pass. */
  fix: string;
};

export interface SmartInput {
  /** The draft being edited: possibly incomplete. */
  kpi: Partial<Kpi>;
  /** The objective the draft is linked to, when it exists. */
  objective?: Objective;
  /** The rest of the KPI set (the draft itself, if present by id, is ignored). */
  otherKpis: Kpi[];
  /** The source's cells, when read. */
  data?: SourceData;
  /** ISO date `YYYY-MM-DD`. */
  today: string;
}

export interface SmartStats {
  cells: number;
  numbers: number;
  blanks: number;
  texts: number;
  /** The latest number of the source (by date when dates are used), and its date. */
  latest: number | null;
  latestDate: string | null;
  /** How often the data has a value, from its dates; null without dates. */
  granularity: Granularity | null;
  /** The frequency the rates are expressed in: the KPI's, or monthly when it has none. */
  frequency: Frequency;
  /** Check-ins (KPI periods) from today to the deadline. */
  checkins: number | null;
  /** KPI periods from the latest value to the deadline: the time the target has. */
  periodsToDeadline: number | null;
  rateKind: RateKind | null;
  /** Change per period the target requires, and what the history shows (median, best in the good direction). */
  requiredRate: number | null;
  typicalRate: number | null;
  bestRate: number | null;
  /** Per-period changes the history holds. */
  observedChanges: number;
  /** KPIs on the draft's objective, the draft included; null when it has none. */
  kpisOnObjective: number | null;
  /** KPIs in the whole set, the draft included. */
  totalKpis: number;
}

export interface SmartReport {
  findings: Finding[];
  /** 0–100, see SMART_POINTS. */
  score: number;
  /** The latest value of the data, offered as baseline when none was entered; null otherwise. */
  suggestedBaseline: number | null;
  stats: SmartStats;
  /** Each criterion's verdict: its worst finding. */
  criteria: Record<Criterion, FindingLevel>;
}

/** Points per criterion by verdict. */
export const SMART_POINTS: Record<FindingLevel, number> = { pass: 20, warning: 10, failure: 0 };

/** The thresholds the checks use (documented in the README). */
export const SMART_RULES = {
  minNameLength: 3,
  maxNameLength: 80,
  minDefinitionWords: 5,
  minKpisPerObjective: 3,
  maxKpisPerObjective: 5,
  maxTotalKpis: 10,
  minCheckins: 3,
  minHistoryValues: 3,
} as const;

// ---------------------------------------------------------------------------------------------
// Reading the draft defensively

interface Draft {
  id: string | null;
  name: string;
  definition: string;
  unit: Unit | undefined;
  unitLabel: string;
  direction: Direction | undefined;
  objectiveId: string;
  indicator: Indicator | undefined;
  source: unknown;
  baseline: number | null;
  target: number | null;
  targetGiven: boolean;
  deadline: string | null;
  deadlineGiven: boolean;
  frequency: Frequency | undefined;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string => (typeof x === 'string' ? x.trim() : '');
const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const given = (x: unknown): boolean => x !== undefined && x !== null && !(typeof x === 'string' && x.trim() === '');
function oneOf<T extends string>(x: unknown, allowed: readonly T[]): T | undefined {
  return typeof x === 'string' && (allowed as readonly string[]).includes(x) ? (x as T) : undefined;
}

function readDraft(kpi: unknown): Draft {
  const k = isRecord(kpi) ? kpi : {};
  return {
    id: typeof k.id === 'string' && k.id !== '' ? k.id : null,
    name: str(k.name),
    definition: str(k.definition),
    unit: oneOf(k.unit, UNITS),
    unitLabel: str(k.unitLabel),
    direction: oneOf(k.direction, DIRECTIONS),
    objectiveId: str(k.objectiveId),
    indicator: oneOf(k.indicator, INDICATORS),
    source: k.source,
    baseline: num(k.baseline),
    target: num(k.target),
    targetGiven: given(k.target),
    deadline: isoDay(k.deadline) === null ? null : (k.deadline as string),
    deadlineGiven: given(k.deadline),
    frequency: oneOf(k.frequency, FREQUENCIES),
  };
}

// ---------------------------------------------------------------------------------------------
// Text checks

const stripAccents = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const words = (s: string): string[] =>
  stripAccents(s.toLowerCase())
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2);
const STOPWORDS = new Set([
  'le',
  'la',
  'les',
  'de',
  'du',
  'des',
  'un',
  'une',
  'et',
  'en',
  'par',
  'pour',
  'au',
  'aux',
  'the',
  'an',
  'of',
  'per',
  'for',
  'and',
  'in',
  'on',
  'to',
  'by',
]);

const L = '\\p{L}';
const verb = (stem: string, endings: string): string => `${stem}(?:${endings})`;
const ER = 'er|ez|ons|ent|ée|ées|és|é|e|es';
/** Vague verbs, French and English, in their usual forms (not the nouns: « amélioration » is fine). */
const VAGUE_VERBS = new RegExp(
  `(?<!${L})(` +
    [
      verb('am[eé]lior', ER),
      verb('augment', ER),
      verb('optimis', ER),
      verb('d[eé]velopp', ER),
      verb('diminu', ER),
      verb('boost', `${ER}|s|ed|ing`),
      verb('maximis', ER),
      verb('minimis', ER),
      verb('renforc', ER),
      verb('dynamis', ER),
      verb('baiss', ER),
      verb('progress', ER),
      'r[eé]dui(?:re|sez|sons|sent|ts|tes|te|t)',
      'accro[iî]tre|accroissez|accroissons',
      'improve[sd]?|improving',
      'increase[sd]?|increasing',
      'optimi[sz]e[sd]?|optimi[sz]ing',
      'maximi[sz]e[sd]?',
      'minimi[sz]e[sd]?',
      'enhance[sd]?',
      'reduce[sd]?|reducing',
      'decrease[sd]?',
      'grow|grows|growing',
      'develop|develops|developed',
      'strengthen',
    ].join('|') +
    `)(?!${L})`,
  'iu',
);

// ---------------------------------------------------------------------------------------------

type Raw = { criterion: Criterion; level: FindingLevel; finding: FindingOf };

class Findings {
  readonly raw: Raw[] = [];
  add(criterion: Criterion, level: FindingLevel, finding: BareCode | FindingOf): void {
    this.raw.push({ criterion, level, finding: typeof finding === 'string' ? { code: finding, params: {} } : finding });
  }
  has(criterion: Criterion): boolean {
    return this.raw.some((f) => f.criterion === criterion && f.level !== 'pass');
  }
}

function checkSpecific(d: Draft, out: Findings): void {
  const c: Criterion = 'specific';
  if (!d.name) out.add(c, 'failure', 'name_missing');
  else if (d.name.length < SMART_RULES.minNameLength)
    out.add(c, 'warning', { code: 'name_too_short', params: { name: d.name, length: d.name.length } });
  else if (d.name.length > SMART_RULES.maxNameLength)
    out.add(c, 'warning', { code: 'name_too_long', params: { length: d.name.length, max: SMART_RULES.maxNameLength } });

  if (!d.definition) out.add(c, 'failure', 'definition_missing');
  else {
    const defWords = words(d.definition);
    const nameWords = new Set(words(d.name));
    const extra = defWords.filter((w) => !nameWords.has(w) && !STOPWORDS.has(w));
    if (d.name && extra.length === 0)
      out.add(c, 'warning', { code: 'definition_repeats_name', params: { name: d.name } });
    else if (defWords.length < SMART_RULES.minDefinitionWords) {
      out.add(c, 'warning', {
        code: 'definition_too_short',
        params: { words: defWords.length, min: SMART_RULES.minDefinitionWords },
      });
    }
  }

  const text = `${d.name}\n${d.definition}`;
  const vague = VAGUE_VERBS.exec(text);
  if (vague && !/\d/.test(text)) out.add(c, 'warning', { code: 'vague_verb', params: { verb: group(vague, 1) } });

  if (!d.unit) out.add(c, 'warning', 'unit_missing');
  else if (d.unit === 'other' && !d.unitLabel) out.add(c, 'warning', 'unit_label_missing');
  if (!d.direction) out.add(c, 'failure', 'direction_missing');

  if (!out.has(c)) out.add(c, 'pass', { code: 'specific_ok', params: { name: d.name } });
}

function sourceRef(source: unknown): { kind: 'cell' | 'range' | null; ref: string } {
  if (!isRecord(source)) return { kind: null, ref: '' };
  if (source.kind === 'cell') return { kind: 'cell', ref: str(source.ref) };
  if (source.kind === 'range') return { kind: 'range', ref: str(source.values) };
  return { kind: null, ref: '' };
}

function checkMeasurable(d: Draft, data: unknown, series: ReadSeries, out: Findings): void {
  const c: Criterion = 'measurable';
  const src = sourceRef(d.source);
  if (!src.kind || !src.ref) out.add(c, 'failure', 'source_missing');
  else if (!parseA1(src.ref)) out.add(c, 'failure', { code: 'source_invalid', params: { ref: src.ref } });

  const latest = series.points.length ? last(series.points).value : null;
  if (data === undefined || data === null) {
    if (src.kind && src.ref && parseA1(src.ref))
      out.add(c, 'warning', { code: 'data_not_read', params: { ref: src.ref } });
  } else if (series.numbers === 0) {
    out.add(c, 'failure', {
      code: 'no_numbers',
      params: {
        cells: series.cells,
        blanks: series.blanks,
        texts: series.texts,
        sample: series.sampleText,
      },
    });
  } else if (series.texts > 0) {
    out.add(c, 'warning', {
      code: 'has_text',
      params: {
        cells: series.cells,
        numbers: series.numbers,
        texts: series.texts,
        sample: series.sampleText,
        latest,
      },
    });
  } else {
    out.add(c, 'pass', {
      code: 'data_ok',
      params: { cells: series.cells, numbers: series.numbers, blanks: series.blanks, latest },
    });
  }
  if (series.undated > 0 && series.numbers > 0)
    out.add(c, 'warning', { code: 'dates_unusable', params: { undated: series.undated, numbers: series.numbers } });

  if (d.target === null) out.add(c, 'failure', d.targetGiven ? 'target_not_number' : 'target_missing');
  else if (d.unit === '%' && d.target > 1 && latest !== null && Math.abs(latest) <= 1) {
    out.add(c, 'warning', { code: 'target_scale', params: { target: d.target, suggested: d.target / 100, latest } });
  }

  if (d.baseline === null) {
    if (latest !== null) out.add(c, 'pass', { code: 'baseline_from_data', params: { latest } });
    else out.add(c, 'warning', 'baseline_missing');
  }
}

interface Achievability {
  periodsToDeadline: number | null;
  rateKind: RateKind | null;
  requiredRate: number | null;
  typicalRate: number | null;
  bestRate: number | null;
  observedChanges: number;
}

function checkAchievable(
  d: Draft,
  series: ReadSeries,
  todayDay: number | null,
  frequency: Frequency,
  out: Findings,
): Achievability {
  const c: Criterion = 'achievable';
  const res: Achievability = {
    periodsToDeadline: null,
    rateKind: null,
    requiredRate: null,
    typicalRate: null,
    bestRate: null,
    observedChanges: 0,
  };
  const last = series.points.length ? series.points[series.points.length - 1] : null;
  const current = last ? last.value : d.baseline;
  const target = d.target;
  if (target === null) {
    out.add(c, 'warning', 'achievable_no_target');
    return res;
  }
  if (current === null) {
    out.add(c, 'warning', {
      code: 'achievable_no_history',
      params: { values: 0, numbers: 0, min: SMART_RULES.minHistoryValues },
    });
    return res;
  }
  // Without a direction, the target says which way the KPI should go.
  const direction: Direction = d.direction ?? (target >= current ? 'higher' : 'lower');
  // One value per KPI period; the time left runs from the latest value's period (dated) or today's.
  const pv = valuesPerPeriod(series.points, frequency);
  const startDay = last && last.day !== null ? last.day : todayDay;
  const deadlineDay = isoDay(d.deadline);
  const span =
    startDay !== null && deadlineDay !== null
      ? { from: startDay, periods: periodIndex(deadlineDay, frequency) - periodIndex(startDay, frequency) }
      : null;
  // The paces the history held over stretches as long as the time left: the median and the best.
  const history = (kind: RateKind, window: number) => {
    const held = windowRates(pv, kind, window);
    const goods = held.rates.map((r) => goodSide(r, direction));
    return {
      // One value per period, in order: each one after the first is a change.
      changes: Math.max(0, pv.length - 1),
      window: held.window,
      typicalGood: goods.length ? median(goods) : Number.NaN,
      bestGood: goods.reduce((a, b) => Math.max(a, b), -Infinity),
    };
  };
  // A percentage changes in points (a rate of 2 % to 3 % is +1 pt, not +50 %).
  const kindOf = (values: number[]): RateKind => (d.unit === '%' ? 'absolute' : rateKindFor(values));

  if (direction === 'higher' ? current >= target : current <= target) {
    // Suggest the median pace carried to the deadline, when the history has one in the good direction.
    let suggested: number | null = null;
    if (pv.length >= SMART_RULES.minHistoryValues && span !== null && span.periods >= 1) {
      const kind = kindOf(pv.map((p) => p.value));
      const { typicalGood } = history(kind, span.periods);
      if (typicalGood > 0)
        suggested = finiteOrNull(project(current, goodSide(typicalGood, direction), span.periods, kind));
    }
    out.add(c, 'warning', { code: 'achievable_already_met', params: { current, target, direction, suggested } });
    return res;
  }
  if (span === null) {
    out.add(c, 'warning', 'achievable_no_deadline');
    return res;
  }
  const n = span.periods;
  res.periodsToDeadline = n;
  if (n < 1) {
    out.add(c, 'warning', {
      code: 'achievable_no_time',
      params: { periods: n, from: dayIso(span.from), deadline: d.deadline },
    });
    return res;
  }

  const kind = kindOf([...pv.map((p) => p.value), current, target]);
  res.rateKind = kind;
  const required = ratePerPeriod(current, target, n, kind);
  res.requiredRate = required;
  if (pv.length < SMART_RULES.minHistoryValues) {
    out.add(c, 'warning', {
      code: 'achievable_no_history',
      params: {
        values: pv.length,
        numbers: series.numbers,
        min: SMART_RULES.minHistoryValues,
        required: finiteOrNull(required),
        kind,
      },
    });
    return res;
  }
  const { changes, window, typicalGood, bestGood } = history(kind, n);
  res.observedChanges = changes;
  const typical = goodSide(typicalGood, direction);
  const best = goodSide(bestGood, direction);
  res.typicalRate = typical;
  res.bestRate = best;
  const requiredGood = goodSide(required, direction);
  const eps = 1e-9; // a target exactly at the median or best pace is within it
  const pace: Pace = {
    required: finiteOrNull(required),
    typical: finiteOrNull(typical),
    best: finiteOrNull(best),
    kind,
    periods: n,
    window,
    current,
    target,
    direction,
  };
  if (requiredGood <= typicalGood + eps) {
    out.add(c, 'pass', { code: 'achievable_ok', params: pace });
  } else if (requiredGood <= bestGood + eps) {
    const atTypical = typicalGood > 0 ? finiteOrNull(project(current, typical, n, kind)) : null;
    out.add(c, 'warning', { code: 'achievable_stretch', params: { ...pace, atTypical } });
  } else {
    let atBest: number | null = null;
    let periodsToTarget: number | null = null;
    if (bestGood > 0) {
      atBest = finiteOrNull(project(current, best, n, kind));
      const needed = periodsNeeded(current, target, best, kind);
      periodsToTarget = Number.isFinite(needed) ? Math.ceil(needed - eps) : null;
    }
    const gap = finiteOrNull(requiredGood - bestGood);
    out.add(c, 'failure', {
      code: 'achievable_beyond_best',
      params: { ...pace, gap, atBest, periodsNeeded: periodsToTarget },
    });
  }
  return res;
}

function checkRelevant(
  d: Draft,
  objective: unknown,
  otherKpis: unknown,
  out: Findings,
): { onObjective: number | null; total: number } {
  const c: Criterion = 'relevant';
  // The rest of the set, without the draft itself, one entry per id.
  const others = new Map<string, Record<string, unknown>>();
  (Array.isArray(otherKpis) ? otherKpis : []).forEach((k, i) => {
    if (!isRecord(k)) return;
    const id = typeof k.id === 'string' && k.id !== '' ? k.id : `#${i}`;
    if (id !== d.id) others.set(id, k);
  });
  const total = others.size + 1;
  if (total > SMART_RULES.maxTotalKpis)
    out.add(c, 'warning', { code: 'too_many_total', params: { total, max: SMART_RULES.maxTotalKpis } });

  if (!d.objectiveId) {
    out.add(c, 'failure', 'objective_missing');
    return { onObjective: null, total };
  }
  const obj = isRecord(objective) ? objective : null;
  const objTitle =
    obj && obj.id === d.objectiveId && typeof obj.title === 'string' && obj.title.trim()
      ? obj.title.trim()
      : d.objectiveId;
  if (obj && typeof obj.id === 'string' && obj.id !== d.objectiveId) {
    out.add(c, 'warning', { code: 'objective_mismatch', params: { objectiveId: d.objectiveId, given: obj.id } });
  }
  const siblings = [...others.values()].filter((k) => k.objectiveId === d.objectiveId);
  const count = siblings.length + 1;
  if (count > SMART_RULES.maxKpisPerObjective) {
    out.add(c, 'warning', {
      code: 'too_many_on_objective',
      params: {
        count,
        max: SMART_RULES.maxKpisPerObjective,
        objective: objTitle,
      },
    });
  } else if (count < SMART_RULES.minKpisPerObjective) {
    out.add(c, 'pass', {
      code: 'few_on_objective',
      params: { count, min: SMART_RULES.minKpisPerObjective, objective: objTitle },
    });
  } else out.add(c, 'pass', { code: 'count_ok', params: { count, objective: objTitle } });

  if (!d.indicator) out.add(c, 'warning', 'indicator_missing');
  else if (count >= 2) {
    const kinds = [d.indicator, ...siblings.map((k) => oneOf(k.indicator, INDICATORS))];
    const leading = kinds.filter((k) => k === 'leading').length;
    const lagging = kinds.filter((k) => k === 'lagging').length;
    if (leading === count || lagging === count) {
      out.add(c, 'warning', { code: 'indicator_mix', params: { count, kind: d.indicator, objective: objTitle } });
    } else out.add(c, 'pass', { code: 'indicator_mix_ok', params: { leading, lagging, objective: objTitle } });
  }
  return { onObjective: count, total };
}

function checkTimebound(
  d: Draft,
  todayDay: number | null,
  objective: unknown,
  granularity: Granularity | null,
  /** The rows' own granularity, before aggregation (null when unknown). */
  rowsGranularity: Granularity | null,
  out: Findings,
): number | null {
  const c: Criterion = 'timebound';
  const deadlineDay = isoDay(d.deadline);
  let checkins: number | null = null;
  if (deadlineDay === null) out.add(c, 'failure', d.deadlineGiven ? 'deadline_invalid' : 'deadline_missing');
  else if (todayDay === null) out.add(c, 'warning', 'today_invalid');
  else if (deadlineDay <= todayDay)
    out.add(c, 'failure', { code: 'deadline_past', params: { deadline: d.deadline, today: dayIso(todayDay) } });

  if (!d.frequency) out.add(c, 'failure', 'frequency_missing');
  else {
    if (deadlineDay !== null && todayDay !== null && deadlineDay > todayDay) {
      checkins = periodIndex(deadlineDay, d.frequency) - periodIndex(todayDay, d.frequency);
      if (checkins < SMART_RULES.minCheckins) {
        // A finer frequency is offered only when the rows would give each of its periods a value:
        // never "track weekly" for data that is monthly (frequency_finer_than_data would then say so).
        const i = FREQUENCIES.indexOf(d.frequency);
        const finer = i > 0 ? at(FREQUENCIES, i - 1) : null;
        const fed = (f: Frequency) => {
          const g = rowsGranularity ?? granularity;
          return g === null || GRANULARITY_RANK[g] <= GRANULARITY_RANK[f];
        };
        out.add(c, 'warning', {
          code: 'few_checkins',
          params: {
            checkins,
            min: SMART_RULES.minCheckins,
            deadline: d.deadline,
            finer: finer && fed(finer) ? finer : null,
          },
        });
      }
    }
    if (granularity && GRANULARITY_RANK[d.frequency] < GRANULARITY_RANK[granularity]) {
      out.add(c, 'warning', { code: 'frequency_finer_than_data', params: { granularity } });
    }
  }

  const obj = isRecord(objective) ? objective : null;
  const horizon = obj && obj.id === d.objectiveId && typeof obj.horizon === 'string' ? obj.horizon : null;
  const horizonDay = isoDay(horizon);
  if (obj && horizon !== null && deadlineDay !== null && horizonDay !== null && deadlineDay > horizonDay) {
    out.add(c, 'warning', {
      code: 'deadline_after_objective',
      params: { deadline: d.deadline, horizon, objective: str(obj.title) || d.objectiveId },
    });
  }
  if (!out.has(c)) out.add(c, 'pass', { code: 'timebound_ok', params: { deadline: d.deadline, checkins } });
  return checkins;
}

/** Params and stats cross google.script.run as JSON: a number that is not finite is null. */
function finiteOrNull(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

/** Judges a KPI draft against SMART, from its fields and its data. See the module comment for the scoring. */
export function checkSmart(input: SmartInput, lang: Lang): SmartReport {
  const inp: Partial<SmartInput> = isRecord(input) ? input : {};
  const language: Lang = lang === 'en' ? 'en' : 'fr';
  const d = readDraft(inp.kpi);
  const todayDay = isoDay(inp.today);
  const series = readSeries(inp.data);
  const frequency: Frequency = d.frequency ?? 'monthly';
  const out = new Findings();

  checkSpecific(d, out);
  checkMeasurable(d, inp.data, series, out);
  const ach = checkAchievable(d, series, todayDay, frequency, out);
  const rel = checkRelevant(d, inp.objective, inp.otherKpis, out);
  const rowsGranularity = isRecord(inp.data) ? oneOf(inp.data.granularity, GRANULARITIES) : undefined;
  const checkins = checkTimebound(d, todayDay, inp.objective, series.granularity, rowsGranularity ?? null, out);

  const last = series.points.length ? series.points[series.points.length - 1] : null;
  const ctx: RenderContext = {
    lang: language,
    unit: d.unit,
    unitLabel: d.unitLabel,
    frequency,
    frequencyAssumed: !d.frequency,
  };
  const findings: Finding[] = out.raw.map((r) => {
    const texts = renderFinding(r.finding, ctx);
    return { ...r.finding, criterion: r.criterion, level: r.level, ...texts, fix: r.level === 'pass' ? '' : texts.fix };
  });

  /** A criterion's verdict is its worst finding. */
  const verdict = (criterion: Criterion): FindingLevel => {
    const levels = findings.filter((f) => f.criterion === criterion).map((f) => f.level);
    return levels.includes('failure') ? 'failure' : levels.includes('warning') ? 'warning' : 'pass';
  };
  const criteria: Record<Criterion, FindingLevel> = {
    specific: verdict('specific'),
    measurable: verdict('measurable'),
    achievable: verdict('achievable'),
    relevant: verdict('relevant'),
    timebound: verdict('timebound'),
  };
  const score = CRITERIA.reduce((sum, criterion) => sum + SMART_POINTS[criteria[criterion]], 0);

  return {
    findings,
    score,
    suggestedBaseline: d.baseline === null && last ? last.value : null,
    criteria,
    stats: {
      cells: series.cells,
      numbers: series.numbers,
      blanks: series.blanks,
      texts: series.texts,
      latest: last ? last.value : null,
      latestDate: last && last.day !== null ? dayIso(last.day) : null,
      granularity: series.granularity,
      frequency,
      checkins,
      periodsToDeadline: ach.periodsToDeadline,
      rateKind: ach.rateKind,
      requiredRate: finiteOrNull(ach.requiredRate),
      typicalRate: finiteOrNull(ach.typicalRate),
      bestRate: finiteOrNull(ach.bestRate),
      observedChanges: ach.observedChanges,
      kpisOnObjective: rel.onObjective,
      totalKpis: rel.total,
    },
  };
}
