import type { Lang } from '../i18n/lang';
import { columnLetters } from '../kpi/a1';
import { argumentName } from './argument-names';

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
  return lang === 'fr' ? `« ${short} »` : `"${short}"`;
};

function fmt(n: number, lang: Lang): string {
  const s = Math.abs(n) >= 1e15 || (n !== 0 && Math.abs(n) < 1e-6) ? n.toExponential(3) : String(+n.toPrecision(12));
  return lang === 'fr' ? s.replace('.', ',') : s;
}

function describe(problem: Problem, where: Where, lang: Lang): string {
  const fr = lang === 'fr';
  const arg = argumentName(where.arg ?? '', lang);
  switch (problem.code) {
    case 'not_a_number':
      return fr ? `${quote(problem.value, lang)} n'est pas un nombre` : `${quote(problem.value, lang)} is not a number`;
    case 'error_value':
      return fr
        ? `la cellule contient l'erreur ${problem.value}, pas un nombre`
        : `the cell holds the error ${problem.value}, not a number`;
    case 'negative':
      return fr
        ? `${fmt(problem.value, lang)} est négatif ; attendu : un nombre positif ou nul`
        : `${fmt(problem.value, lang)} is negative; expected a number ≥ 0`;
    case 'not_whole':
      return fr
        ? `${fmt(problem.value, lang)} n'est pas un nombre entier`
        : `${fmt(problem.value, lang)} is not a whole number`;
    case 'nps_score':
      return fr
        ? `${fmt(problem.value, lang)} n'est pas une note NPS (entier de 0 à 10)`
        : `${fmt(problem.value, lang)} is not an NPS answer (a whole number from 0 to 10)`;
    case 'above_100_percent': {
      const what = fr
        ? { churn: 'taux de churn', margin: 'marge brute', discount: "taux d'actualisation" }[problem.what]
        : { churn: 'churn rate', margin: 'gross margin', discount: 'discount rate' }[problem.what];
      const pct = Number.isFinite(problem.value * 100)
        ? `${fmt(problem.value * 100, lang)} %`
        : fmt(problem.value, lang);
      return fr
        ? `${what} au-dessus de 100 % (${pct}) ; saisissez un pourcentage comme 5 % ou 0,05`
        : `${what} above 100 % (${pct}); type a percentage such as 5% or 0.05`;
    }
    case 'not_boolean':
      return fr
        ? `${quote(problem.value, lang)} n'est ni VRAI ni FAUX`
        : `${quote(problem.value, lang)} is neither TRUE nor FALSE`;
    case 'not_text':
      return fr
        ? `${quote(problem.value, lang)} devrait être un texte entre guillemets`
        : `${quote(problem.value, lang)} should be a text in quotes`;
    case 'unknown_mode':
      return fr
        ? `mode inconnu ${quote(problem.value, lang)} ; modes possibles : ${problem.modes.map((m) => `"${m}"`).join(', ')}`
        : `unknown mode ${quote(problem.value, lang)}; use one of ${problem.modes.map((m) => `"${m}"`).join(', ')}`;
    case 'periods_invalid':
      return fr
        ? `${quote(problem.value, lang)} n'est pas un nombre de périodes (entier ≥ 1)`
        : `${quote(problem.value, lang)} is not a number of periods (a whole number ≥ 1)`;
    case 'not_one_column':
      return fr
        ? `attendu une seule colonne ou une seule ligne, reçu ${problem.rows} lignes × ${problem.columns} colonnes`
        : `expected a single column or row, got ${problem.rows} rows × ${problem.columns} columns`;
    case 'not_single':
      return fr
        ? `attendu une seule valeur, reçu une plage de ${problem.rows} lignes × ${problem.columns} colonnes`
        : `expected a single value, got a range of ${problem.rows} rows × ${problem.columns} columns`;
    case 'not_a_series':
      return fr
        ? `attendu une seule ligne ou une seule colonne de valeurs, reçu ${problem.rows} lignes × ${problem.columns} colonnes`
        : `expected one row or one column of values, got ${problem.rows} rows × ${problem.columns} columns`;
    case 'size_mismatch': {
      const unit = fr ? (problem.axis === 'rows' ? 'lignes' : 'colonnes') : problem.axis;
      return fr
        ? `${arg} a ${problem.rows} ${unit} mais ${argumentName(problem.other, lang)} en a ${problem.otherRows} ; les plages doivent avoir la même taille`
        : `${arg} has ${problem.rows} ${unit} but ${problem.other} has ${problem.otherRows} ${unit}; the ranges must line up`;
    }
    case 'empty':
      return fr ? `aucune valeur (plage vide)` : `no values (the range is empty)`;
    case 'no_new_customers':
      return fr
        ? `aucun nouveau client sur la période : le CAC n'est pas défini`
        : `no new customers in the period: CAC is undefined`;
    case 'zero_denominator':
      return fr ? `le total vaut 0 : division par zéro` : `the total is 0: division by zero`;
    case 'churn_zero_no_discount':
      return fr
        ? `un churn de 0 sans taux d'actualisation donne une LTV infinie ; indiquez un ${argumentName('discount_rate', lang)} > 0`
        : `churn 0 without a discount rate has no finite value; give a discount_rate > 0`;
    case 'target_equals_baseline':
      return fr
        ? `la cible est égale à la référence (baseline) : la progression n'est pas définie`
        : `the target equals the baseline: progress is undefined`;
    case 'too_few_values':
      return fr
        ? `il faut au moins ${problem.needed} valeurs, la série en a ${problem.got}`
        : `needs at least ${problem.needed} values, the series has ${problem.got}`;
    case 'change_from_zero':
      return fr
        ? `une variation depuis 0 n'est pas définie (utilisez "delta")`
        : `change from 0 is undefined (use "delta")`;
    case 'not_finite':
      return fr ? `résultat trop grand pour être calculé` : `the result is too large to compute`;
  }
}

/**
 * `CAC: spend, row 5: "abc" is not a number` (row 5 of the sheet) /
 * `CAC : dépenses, ligne 5 : « abc » n'est pas un nombre`; without a sheet place, the position
 * inside the range, said as such: `CAC: spend, row 3 of the range: …`.
 */
export function formatKpiError(fn: string, problem: Problem, where: Where, lang: Lang, at?: SheetPlace): string {
  const fr = lang === 'fr';
  const place: string[] = [];
  if (where.arg && problem.code !== 'size_mismatch') place.push(argumentName(where.arg, lang));
  // The sheet's row and column when known; else the position inside the range, said as such.
  const sheet = at && (at.row !== undefined || at.column !== undefined) ? at : undefined;
  const row = sheet ? sheet.row : where.row;
  const column = sheet ? sheet.column && columnLetters(sheet.column) : where.column;
  const position: string[] = [];
  if (row !== undefined) position.push(`${fr ? 'ligne' : 'row'} ${row}`);
  if (column !== undefined) position.push(`${fr ? 'colonne' : 'column'} ${column}`);
  if (!sheet && position.length) position.push(`${position.pop()} ${fr ? 'de la plage' : 'of the range'}`);
  place.push(...position);
  const sep = fr ? ' : ' : ': ';
  return [fn, ...(place.length ? [place.join(', ')] : []), describe(problem, where, lang)].join(sep);
}
