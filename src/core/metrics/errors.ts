import type { Lang } from '../i18n/lang';
import { columnLetters } from '../kpi/a1';
import { argumentName } from './argument-names';
import { catalogue, localize, type Bilingual } from '../i18n/text';
import { quote } from '../kpi/format';

/**
 * What went wrong, as data: which function, which argument, where in the range, and why.
 * The message is rendered in the spreadsheet's language only when the error reaches the user.
 */
export type Problem =
  | { code: 'not_a_number'; value: string }
  | { code: 'error_value'; value: string }
  | { code: 'negative'; value: number }
  | { code: 'not_whole'; value: number }
  | { code: 'nps_score'; value: number }
  | { code: 'above_100_percent'; what: 'churn' | 'margin' | 'discount'; value: number }
  | { code: 'not_boolean'; value: string }
  | { code: 'not_text'; value: string }
  | { code: 'unknown_mode'; value: string; modes: string[] }
  | { code: 'periods_invalid'; value: string }
  | { code: 'not_one_column'; rows: number; columns: number }
  | { code: 'not_single'; rows: number; columns: number }
  | { code: 'not_a_series'; rows: number; columns: number }
  | { code: 'size_mismatch'; other: string; rows: number; otherRows: number; axis: 'rows' | 'columns' }
  | { code: 'empty' }
  | { code: 'no_new_customers' }
  | { code: 'zero_denominator' }
  | { code: 'churn_zero_no_discount' }
  | { code: 'target_equals_baseline' }
  | { code: 'too_few_values'; needed: number; got: number }
  | { code: 'change_from_zero' }
  | { code: 'not_finite' };

export interface Where {
  /** The argument name as the catalog spells it (`spend`, `new_customers`…). */
  arg?: string;
  /** 1-based position inside the argument's range. */
  row?: number;
  column?: number;
}

/**
 * Where a position of an argument's range is on the sheet (1-based row and column), when the
 * calling formula shows which range was given (see functions/locate.ts). Without it a message
 * says the position inside the range, and says so.
 */
export interface SheetPlace {
  row?: number;
  column?: number;
}

/** An error a person can act on. Thrown by core/, translated by the custom-function wrapper. */
export class KpiError extends Error {
  constructor(
    readonly fn: string,
    readonly problem: Problem,
    readonly where: Where = {},
  ) {
    super(formatKpiError(fn, problem, where, 'en'));
    this.name = 'KpiError';
  }

  /** The message in the given language. */
  messageIn(lang: Lang, at?: SheetPlace): string {
    return formatKpiError(this.fn, this.problem, this.where, lang, at);
  }
}

function fmt(n: number, lang: Lang): string {
  const s = Math.abs(n) >= 1e15 || (n !== 0 && Math.abs(n) < 1e-6) ? n.toExponential(3) : String(+n.toPrecision(12));
  return lang === 'fr' ? s.replace('.', ',') : s;
}

type ProblemOf<C extends Problem['code']> = { [K in C]: Extract<Problem, { code: K }> }[C];
type Describe<C extends Problem['code']> = (problem: ProblemOf<C>, arg: string) => Bilingual;

/** What went wrong, per problem, in both languages: a problem without its text fails to compile. */
type DescribeTable = { [C in Problem['code']]: Describe<C> };

const DESCRIBE: DescribeTable = {
  not_a_number: (problem) => ({
    fr: `${quote(problem.value, 'fr')} n'est pas un nombre`,
    en: `${quote(problem.value, 'en')} is not a number`,
  }),
  error_value: (problem) => ({
    fr: `la cellule contient l'erreur ${problem.value}, pas un nombre`,
    en: `the cell holds the error ${problem.value}, not a number`,
  }),
  negative: (problem) => ({
    fr: `${fmt(problem.value, 'fr')} est négatif ; attendu : un nombre positif ou nul`,
    en: `${fmt(problem.value, 'en')} is negative; expected a number ≥ 0`,
  }),
  not_whole: (problem) => ({
    fr: `${fmt(problem.value, 'fr')} n'est pas un nombre entier`,
    en: `${fmt(problem.value, 'en')} is not a whole number`,
  }),
  nps_score: (problem) => ({
    fr: `${fmt(problem.value, 'fr')} n'est pas une note NPS (entier de 0 à 10)`,
    en: `${fmt(problem.value, 'en')} is not an NPS answer (a whole number from 0 to 10)`,
  }),
  above_100_percent: (problem) => {
    const pct = (lang: Lang) =>
      Number.isFinite(problem.value * 100) ? `${fmt(problem.value * 100, lang)} %` : fmt(problem.value, lang);
    const what = {
      fr: { churn: 'taux de churn', margin: 'marge brute', discount: "taux d'actualisation" }[problem.what],
      en: { churn: 'churn rate', margin: 'gross margin', discount: 'discount rate' }[problem.what],
    };
    return {
      fr: `${what.fr} au-dessus de 100 % (${pct('fr')}) ; saisissez un pourcentage comme 5 % ou 0,05`,
      en: `${what.en} above 100 % (${pct('en')}); type a percentage such as 5% or 0.05`,
    };
  },
  not_boolean: (problem) => ({
    fr: `${quote(problem.value, 'fr')} n'est ni VRAI ni FAUX`,
    en: `${quote(problem.value, 'en')} is neither TRUE nor FALSE`,
  }),
  not_text: (problem) => ({
    fr: `${quote(problem.value, 'fr')} devrait être un texte entre guillemets`,
    en: `${quote(problem.value, 'en')} should be a text in quotes`,
  }),
  unknown_mode: (problem) => ({
    fr: `mode inconnu ${quote(problem.value, 'fr')} ; modes possibles : ${problem.modes.map((m) => `"${m}"`).join(', ')}`,
    en: `unknown mode ${quote(problem.value, 'en')}; use one of ${problem.modes.map((m) => `"${m}"`).join(', ')}`,
  }),
  periods_invalid: (problem) => ({
    fr: `${quote(problem.value, 'fr')} n'est pas un nombre de périodes (entier ≥ 1)`,
    en: `${quote(problem.value, 'en')} is not a number of periods (a whole number ≥ 1)`,
  }),
  not_one_column: (problem) => ({
    fr: `attendu une seule colonne ou une seule ligne, reçu ${problem.rows} lignes × ${problem.columns} colonnes`,
    en: `expected a single column or row, got ${problem.rows} rows × ${problem.columns} columns`,
  }),
  not_single: (problem) => ({
    fr: `attendu une seule valeur, reçu une plage de ${problem.rows} lignes × ${problem.columns} colonnes`,
    en: `expected a single value, got a range of ${problem.rows} rows × ${problem.columns} columns`,
  }),
  not_a_series: (problem) => ({
    fr: `attendu une seule ligne ou une seule colonne de valeurs, reçu ${problem.rows} lignes × ${problem.columns} colonnes`,
    en: `expected one row or one column of values, got ${problem.rows} rows × ${problem.columns} columns`,
  }),
  size_mismatch: (problem, arg) => ({
    fr: `${argumentName(arg, 'fr')} a ${problem.rows} ${problem.axis === 'rows' ? 'lignes' : 'colonnes'} mais ${argumentName(problem.other, 'fr')} en a ${problem.otherRows} ; les plages doivent avoir la même taille`,
    en: `${arg} has ${problem.rows} ${problem.axis} but ${problem.other} has ${problem.otherRows} ${problem.axis}; the ranges must line up`,
  }),
  empty: () => ({
    fr: `aucune valeur (plage vide)`,
    en: `no values (the range is empty)`,
  }),
  no_new_customers: () => ({
    fr: `aucun nouveau client sur la période : le CAC n'est pas défini`,
    en: `no new customers in the period: CAC is undefined`,
  }),
  zero_denominator: () => ({
    fr: `le total vaut 0 : division par zéro`,
    en: `the total is 0: division by zero`,
  }),
  churn_zero_no_discount: () => ({
    fr: `un churn de 0 sans taux d'actualisation donne une LTV infinie ; indiquez un ${argumentName('discount_rate', 'fr')} > 0`,
    en: `churn 0 without a discount rate has no finite value; give a discount_rate > 0`,
  }),
  target_equals_baseline: () => ({
    fr: `la cible est égale à la référence (baseline) : la progression n'est pas définie`,
    en: `the target equals the baseline: progress is undefined`,
  }),
  too_few_values: (problem) => ({
    fr: `il faut au moins ${problem.needed} valeurs, la série en a ${problem.got}`,
    en: `needs at least ${problem.needed} values, the series has ${problem.got}`,
  }),
  change_from_zero: () => ({
    fr: `une variation depuis 0 n'est pas définie (utilisez "delta")`,
    en: `change from 0 is undefined (use "delta")`,
  }),
  not_finite: () => ({
    fr: `résultat trop grand pour être calculé`,
    en: `the result is too large to compute`,
  }),
};

function describe<C extends Problem['code']>(problem: ProblemOf<C>, where: Where, lang: Lang): string {
  const describeIt: Describe<C> = DESCRIBE[problem.code];
  return localize(describeIt(problem, where.arg ?? ''), lang);
}

const PLACE = catalogue({
  row: { fr: 'ligne', en: 'row' },
  column: { fr: 'colonne', en: 'column' },
  ofRange: { fr: 'de la plage', en: 'of the range' },
});

/**
 * `CAC: spend, row 5: "abc" is not a number` (row 5 of the sheet) /
 * `CAC : dépenses, ligne 5 : « abc » n'est pas un nombre`; without a sheet place, the position
 * inside the range, said as such: `CAC: spend, row 3 of the range: …`.
 */
export function formatKpiError(fn: string, problem: Problem, where: Where, lang: Lang, at?: SheetPlace): string {
  const place: string[] = [];
  if (where.arg && problem.code !== 'size_mismatch') place.push(argumentName(where.arg, lang));
  // The sheet's row and column when known; else the position inside the range, said as such.
  const sheet = at && (at.row !== undefined || at.column !== undefined) ? at : undefined;
  const row = sheet ? sheet.row : where.row;
  const column = sheet ? sheet.column && columnLetters(sheet.column) : where.column;
  const position: string[] = [];
  if (row !== undefined) position.push(`${localize(PLACE.row, lang)} ${row}`);
  if (column !== undefined) position.push(`${localize(PLACE.column, lang)} ${column}`);
  const last = position.pop();
  if (last !== undefined) position.push(sheet ? last : `${last} ${localize(PLACE.ofRange, lang)}`);
  place.push(...position);
  const parts = [fn, ...(place.length ? [place.join(', ')] : []), describe(problem, where, lang)];
  return localize({ fr: parts.join(' : '), en: parts.join(': ') }, lang);
}
