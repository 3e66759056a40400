/**
 * The shape of every server API call's arguments, checked before the method runs (#14, item 6).
 * google.script.run passes whatever the page sends: an old sidebar, a hand-made call from the
 * browser console, a bug. A method given `null`, an object for an id or an hour of 99 answers
 * with a message naming the argument and what it expects, never a TypeError from deep inside.
 *
 * Only the envelope is checked here: a draft's own fields (name, target, source…) are the
 * validators' (core/kpi/model.ts), which answer field by field. A change method (ChangeResult)
 * answers a bad payload with a refusal; the others throw a PayloadError, whose message the
 * sidebar shows in its banner.
 */
import type { Lang } from '../core/i18n/lang';
import { catalogue, localize } from '../core/i18n/text';
import { AGGREGATIONS } from '../core/kpi/aggregation';
import { FREQUENCIES, UNITS } from '../core/kpi/model';
import { WEEKDAYS } from '../core/history/schedule';
import { hasOwn } from '../core/storage/table';
import type { Refusal, ServerApi, ServerMethod } from '../shared/api';
import { SERVER_METHODS } from '../shared/api';

const TEXT = catalogue({
  refused: {
    fr: (method: string, path: string, expected: string, got: string) =>
      `Demande ${method} refusée : ${path} doit être ${expected} (reçu : ${got}). Rechargez le panneau.`,
    en: (method: string, path: string, expected: string, got: string) =>
      `${method} request refused: ${path} must be ${expected} (got ${got}). Reload the sidebar.`,
  },
  object: { fr: 'un objet', en: 'an object' },
  objectOrNone: { fr: 'un objet ou absent', en: 'an object or absent' },
  text: { fr: 'un texte', en: 'a text' },
  textOrNone: { fr: 'un texte ou absent', en: 'a text or absent' },
  id: {
    fr: 'un identifiant (texte sans espace, 1 à 64 caractères)',
    en: 'an id (text without spaces, 1 to 64 characters)',
  },
  booleanOrNone: { fr: 'vrai, faux ou absent', en: 'true, false or absent' },
  oneOf: { fr: (list: string) => `l'une des valeurs ${list}`, en: (list: string) => `one of ${list}` },
  hour: { fr: 'une heure entière de 0 à 23', en: 'a whole hour from 0 to 23' },
  score: { fr: 'un nombre de 0 à 100', en: 'a number from 0 to 100' },
  none: { fr: 'rien', en: 'nothing' },
  anArray: { fr: 'une liste', en: 'a list' },
  anObject: { fr: 'un objet', en: 'an object' },
  aText: {
    fr: (n: number) => `un texte de ${n} caractère${n > 1 ? 's' : ''}`,
    en: (n: number) => `a text of ${n} character${n === 1 ? '' : 's'}`,
  },
});

/** The longest text an A1 reference, a formula or an id may be here (a cell holds 50,000 characters). */
const MAX_TEXT = 2000;

type Expected =
  | 'object'
  | 'objectOrNone'
  | 'text'
  | 'textOrNone'
  | 'id'
  | 'booleanOrNone'
  | 'hour'
  | 'score'
  | { oneOf: readonly string[]; optional?: boolean };

/** What was wrong: where (`options.frequency`), what was expected, and the value received. */
export interface PayloadProblem {
  path: string;
  expected: Expected;
  value: unknown;
}

export class PayloadError extends Error {
  override name = 'PayloadError';
}

const absent = (v: unknown) => v === undefined || v === null;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown) => typeof v === 'string' && v.length <= MAX_TEXT;

function fits(v: unknown, e: Expected): boolean {
  if (typeof e === 'object') return (e.optional && absent(v)) || (typeof v === 'string' && e.oneOf.includes(v));
  switch (e) {
    case 'object':
      return isObject(v);
    case 'objectOrNone':
      return absent(v) || isObject(v);
    case 'text':
      return isText(v);
    case 'textOrNone':
      return absent(v) || isText(v);
    case 'id':
      return typeof v === 'string' && v.length > 0 && v.length <= 64 && !/\s/.test(v);
    case 'booleanOrNone':
      return absent(v) || typeof v === 'boolean';
    case 'hour':
      return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 23;
    case 'score':
      return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100;
  }
}

/** Checks `[path, value, expected]` in order; the first misfit is the problem. */
function firstMisfit(checks: readonly (readonly [string, unknown, Expected])[]): PayloadProblem | null {
  for (const [path, value, expected] of checks) if (!fits(value, expected)) return { path, expected, value };
  return null;
}

const field = (o: unknown, key: string): unknown => (isObject(o) && hasOwn(o, key) ? o[key] : undefined);

function saveOptions(options: unknown): PayloadProblem | null {
  return firstMisfit([
    ['options', options, 'objectOrNone'],
    ['options.base', field(options, 'base'), 'objectOrNone'],
    ['options.create', field(options, 'create'), 'booleanOrNone'],
  ]);
}

function source(s: unknown): PayloadProblem | null {
  const kind = field(s, 'kind');
  return firstMisfit([
    ['source', s, 'object'],
    ['source.kind', kind, { oneOf: ['range', 'cell'] }],
    ...(kind === 'cell'
      ? ([['source.ref', field(s, 'ref'), 'text']] as const)
      : ([
          ['source.values', field(s, 'values'), 'text'],
          ['source.dates', field(s, 'dates'), 'textOrNone'],
          ['source.categories', field(s, 'categories'), 'textOrNone'],
          ['source.denominator', field(s, 'denominator'), 'textOrNone'],
        ] as const)),
  ]);
}

function schedule(s: unknown): PayloadProblem | null {
  const kind = field(s, 'kind');
  return firstMisfit([
    ['schedule', s, 'object'],
    ['schedule.kind', kind, { oneOf: ['off', 'hourly', 'daily', 'weekly'] }],
    ...(kind === 'daily' || kind === 'weekly' ? ([['schedule.hour', field(s, 'hour'), 'hour']] as const) : []),
    ...(kind === 'weekly' ? ([['schedule.day', field(s, 'day'), { oneOf: WEEKDAYS }]] as const) : []),
  ]);
}

function scores(s: unknown): PayloadProblem | null {
  const first = firstMisfit([['smartScores', s, 'objectOrNone']]);
  if (first || !isObject(s)) return first;
  return firstMisfit(Object.keys(s).map((k) => [`smartScores[${JSON.stringify(k)}]`, s[k], 'score'] as const));
}

/** Each method's check of its arguments (none for the methods that take none: extra ones are ignored). */
const CHECKS: { [M in ServerMethod]: (...args: unknown[]) => PayloadProblem | null } = {
  bootstrap: () => null,
  saveObjective: (draft, options) => firstMisfit([['draft', draft, 'object']]) ?? saveOptions(options),
  deleteObjective: (id) => firstMisfit([['id', id, 'id']]),
  saveKpi: (draft, options) => firstMisfit([['draft', draft, 'object']]) ?? saveOptions(options),
  deleteKpi: (id) => firstMisfit([['id', id, 'id']]),
  readSelection: () => null,
  readSource: (s, options) =>
    source(s) ??
    firstMisfit([
      ['options', options, 'objectOrNone'],
      ['options.frequency', field(options, 'frequency'), { oneOf: FREQUENCIES, optional: true }],
      ['options.aggregation', field(options, 'aggregation'), { oneOf: AGGREGATIONS, optional: true }],
      ['options.unit', field(options, 'unit'), { oneOf: UNITS, optional: true }],
      ['options.formula', field(options, 'formula'), 'textOrNone'],
      ['options.templateId', field(options, 'templateId'), 'textOrNone'],
    ]),
  saveSettings: (settings) =>
    firstMisfit([
      ['settings', settings, 'object'],
      ['settings.lang', field(settings, 'lang'), { oneOf: ['auto', 'fr', 'en'] }],
    ]),
  generateDashboards: (layout, smartScores) =>
    firstMisfit([['layout', layout, { oneOf: ['by_level', 'overall'] }]]) ?? scores(smartScores),
  refreshNow: () => null,
  getSchedule: () => null,
  setSchedule: (s) => schedule(s),
};

/** The methods whose answer is a ChangeResult: a bad payload is a refusal, like any other. */
const CHANGES: ReadonlySet<ServerMethod> = new Set([
  'saveObjective',
  'deleteObjective',
  'saveKpi',
  'deleteKpi',
  'saveSettings',
]);

/** What was received, in a few words (never the value itself: it may be long or hostile). */
function received(v: unknown, lang: Lang): string {
  if (v === undefined) return localize(TEXT.none, lang);
  if (v === null || typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'NaN';
  if (typeof v === 'string') return localize(TEXT.aText, lang)(v.length);
  return localize(Array.isArray(v) ? TEXT.anArray : TEXT.anObject, lang);
}

export function problemMessage(method: ServerMethod, p: PayloadProblem, lang: Lang): string {
  const e = p.expected;
  const expected =
    typeof e === 'object'
      ? localize(TEXT.oneOf, lang)(e.oneOf.map((x) => `"${x}"`).join(', '))
      : localize(TEXT[e], lang);
  return localize(TEXT.refused, lang)(method, p.path, expected, received(p.value, lang));
}

/** The problem with a call's arguments, or null when they have the shape the method expects. */
export function checkPayload(method: ServerMethod, args: readonly unknown[]): PayloadProblem | null {
  return CHECKS[method](...args);
}

/**
 * The API with every method's arguments checked first, in one place rather than at the top of
 * each method. `lang` is read only when a call is refused.
 */
export function checkedApi(api: ServerApi, lang: () => Lang): ServerApi {
  const out = {} as Record<ServerMethod, (...args: unknown[]) => unknown>;
  for (const method of SERVER_METHODS) {
    const run = api[method] as (...args: unknown[]) => unknown;
    out[method] = (...args: unknown[]) => {
      const problem = checkPayload(method, args);
      if (!problem) return run(...args);
      const message = problemMessage(method, problem, lang());
      if (!CHANGES.has(method)) throw new PayloadError(message);
      const refusal: Refusal = { ok: false, message, errors: [{ field: problem.path, code: 'bad_payload', message }] };
      return refusal;
    };
  }
  return out as unknown as ServerApi;
}
