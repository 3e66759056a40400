import type { Lang } from '../i18n/lang';
import { columnLetters } from '../kpi/a1';
import { argumentName } from './argument-names';
import { catalogue, inLang, localize, type Bilingual } from '../i18n/text';

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

  /** The message in the given language; `at` places the position on the sheet. */
  messageIn(lang: Lang, at?: SheetPlace): string {
    return formatKpiError(this.fn, this.problem, this.where, lang, at);
  }
}

const quote = (text: string, lang: Lang): string => {
  const short = text.length > 40 ? text.slice(0, 39) + '…' : text;
  return localize({ fr: `« ${short} »`, en: `"${short}"` }, lang);
};

function fmt(n: number, lang: Lang): string {
  const s = Math.abs(n) >= 1e15 || (n !== 0 && Math.abs(n) < 1e-6) ? n.toExponential(3) : String(+n.toPrecision(12));
  return lang === 'fr' ? s.replace('.', ',') : s;
}

type ProblemOf<C extends Problem['code']> = { [K in C]: Extract<Problem, { code: K }> }[C];
type Describe<C extends Problem['code']> = (problem: ProblemOf<C>, arg: string) => string;

/** What went wrong, per problem and language: a problem without its text fails to compile. */
type DescribeTable = { [C in Problem['code']]: Bilingual<Describe<C>> };

const DESCRIBE: DescribeTable = {
  not_a_number: {
    fr: (problem, _arg) => `${quote(problem.value, 'fr')} n'est pas un nombre`,
    en: (problem, _arg) => `${quote(problem.value, 'en')} is not a number`,
  },
  error_value: {
    fr: (problem, _arg) => `la cellule contient l'erreur ${problem.value}, pas un nombre`,
    en: (problem, _arg) => `the cell holds the error ${problem.value}, not a number`,
  },
  negative: {
    fr: (problem, _arg) => `${fmt(problem.value, 'fr')} est négatif ; attendu : un nombre positif ou nul`,
    en: (problem, _arg) => `${fmt(problem.value, 'en')} is negative; expected a number ≥ 0`,
  },
  not_whole: {
    fr: (problem, _arg) => `${fmt(problem.value, 'fr')} n'est pas un nombre entier`,
    en: (problem, _arg) => `${fmt(problem.value, 'en')} is not a whole number`,
  },
  nps_score: {
    fr: (problem, _arg) => `${fmt(problem.value, 'fr')} n'est pas une note NPS (entier de 0 à 10)`,
    en: (problem, _arg) => `${fmt(problem.value, 'en')} is not an NPS answer (a whole number from 0 to 10)`,
  },
  above_100_percent: {
    fr: (problem, _arg) => {
      const what = { churn: 'taux de churn', margin: 'marge brute', discount: "taux d'actualisation" }[problem.what];
      const pct = Number.isFinite(problem.value * 100)
        ? `${fmt(problem.value * 100, 'fr')} %`
        : fmt(problem.value, 'fr');
      return `${what} au-dessus de 100 % (${pct}) ; saisissez un pourcentage comme 5 % ou 0,05`;
    },
    en: (problem, _arg) => {
      const what = { churn: 'churn rate', margin: 'gross margin', discount: 'discount rate' }[problem.what];
      const pct = Number.isFinite(problem.value * 100)
        ? `${fmt(problem.value * 100, 'en')} %`
        : fmt(problem.value, 'en');
      return `${what} above 100 % (${pct}); type a percentage such as 5% or 0.05`;
    },
  },
  not_boolean: {
    fr: (problem, _arg) => `${quote(problem.value, 'fr')} n'est ni VRAI ni FAUX`,
    en: (problem, _arg) => `${quote(problem.value, 'en')} is neither TRUE nor FALSE`,
  },
  not_text: {
    fr: (problem, _arg) => `${quote(problem.value, 'fr')} devrait être un texte entre guillemets`,
    en: (problem, _arg) => `${quote(problem.value, 'en')} should be a text in quotes`,
  },
  unknown_mode: {
    fr: (problem, _arg) =>
      `mode inconnu ${quote(problem.value, 'fr')} ; modes possibles : ${problem.modes.map((m) => `"${m}"`).join(', ')}`,
    en: (problem, _arg) =>
      `unknown mode ${quote(problem.value, 'en')}; use one of ${problem.modes.map((m) => `"${m}"`).join(', ')}`,
  },
  periods_invalid: {
    fr: (problem, _arg) => `${quote(problem.value, 'fr')} n'est pas un nombre de périodes (entier ≥ 1)`,
    en: (problem, _arg) => `${quote(problem.value, 'en')} is not a number of periods (a whole number ≥ 1)`,
  },
  not_one_column: {
    fr: (problem, _arg) =>
      `attendu une seule colonne ou une seule ligne, reçu ${problem.rows} lignes × ${problem.columns} colonnes`,
    en: (problem, _arg) => `expected a single column or row, got ${problem.rows} rows × ${problem.columns} columns`,
  },
  not_single: {
    fr: (problem, _arg) =>
      `attendu une seule valeur, reçu une plage de ${problem.rows} lignes × ${problem.columns} colonnes`,
    en: (problem, _arg) => `expected a single value, got a range of ${problem.rows} rows × ${problem.columns} columns`,
  },
  not_a_series: {
    fr: (problem, _arg) =>
      `attendu une seule ligne ou une seule colonne de valeurs, reçu ${problem.rows} lignes × ${problem.columns} colonnes`,
    en: (problem, _arg) =>
      `expected one row or one column of values, got ${problem.rows} rows × ${problem.columns} columns`,
  },
  size_mismatch: {
    fr: (problem, arg) => {
      const unit = problem.axis === 'rows' ? 'lignes' : 'colonnes';
      return `${argumentName(arg, 'fr')} a ${problem.rows} ${unit} mais ${argumentName(problem.other, 'fr')} en a ${problem.otherRows} ; les plages doivent avoir la même taille`;
    },
    en: (problem, arg) => {
      const unit = problem.axis;
      return `${arg} has ${problem.rows} ${unit} but ${problem.other} has ${problem.otherRows} ${unit}; the ranges must line up`;
    },
  },
  empty: {
    fr: (_problem, _arg) => `aucune valeur (plage vide)`,
    en: (_problem, _arg) => `no values (the range is empty)`,
  },
  no_new_customers: {
    fr: (_problem, _arg) => `aucun nouveau client sur la période : le CAC n'est pas défini`,
    en: (_problem, _arg) => `no new customers in the period: CAC is undefined`,
  },
  zero_denominator: {
    fr: (_problem, _arg) => `le total vaut 0 : division par zéro`,
    en: (_problem, _arg) => `the total is 0: division by zero`,
  },
  churn_zero_no_discount: {
    fr: (_problem, _arg) =>
      `un churn de 0 sans taux d'actualisation donne une LTV infinie ; indiquez un ${argumentName('discount_rate', 'fr')} > 0`,
    en: (_problem, _arg) => `churn 0 without a discount rate has no finite value; give a discount_rate > 0`,
  },
  target_equals_baseline: {
    fr: (_problem, _arg) => `la cible est égale à la référence (baseline) : la progression n'est pas définie`,
    en: (_problem, _arg) => `the target equals the baseline: progress is undefined`,
  },
  too_few_values: {
    fr: (problem, _arg) => `il faut au moins ${problem.needed} valeurs, la série en a ${problem.got}`,
    en: (problem, _arg) => `needs at least ${problem.needed} values, the series has ${problem.got}`,
  },
  change_from_zero: {
    fr: (_problem, _arg) => `une variation depuis 0 n'est pas définie (utilisez "delta")`,
    en: (_problem, _arg) => `change from 0 is undefined (use "delta")`,
  },
  not_finite: {
    fr: (_problem, _arg) => `résultat trop grand pour être calculé`,
    en: (_problem, _arg) => `the result is too large to compute`,
  },
};

function describe<C extends Problem['code']>(problem: ProblemOf<C>, where: Where, lang: Lang): string {
  const text: Bilingual<Describe<C>> = DESCRIBE[problem.code];
  return localize(text, lang)(problem, where.arg ?? '');
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
  const words = inLang(PLACE, lang);
  const place: string[] = [];
  if (where.arg && problem.code !== 'size_mismatch') place.push(argumentName(where.arg, lang));
  // The sheet's row and column when known; else the position inside the range, said as such.
  const sheet = at && (at.row !== undefined || at.column !== undefined) ? at : undefined;
  const row = sheet ? sheet.row : where.row;
  const column = sheet ? sheet.column && columnLetters(sheet.column) : where.column;
  const position: string[] = [];
  if (row !== undefined) position.push(`${words.row} ${row}`);
  if (column !== undefined) position.push(`${words.column} ${column}`);
  const last = position.pop();
  if (last !== undefined) position.push(sheet ? last : `${last} ${words.ofRange}`);
  place.push(...position);
  const parts = [fn, ...(place.length ? [place.join(', ')] : []), describe(problem, where, lang)];
  return localize({ fr: parts.join(' : '), en: parts.join(': ') }, lang);
}
