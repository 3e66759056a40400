import { localize, type Bilingual } from '../i18n/text';
import { at, group } from '../arrays';
import type { Lang } from '../i18n/lang';
import { isoDay } from './dates';
import type { Frequency, Unit } from './model';

/*
 * Number formatting by hand rather than Intl: the Apps Script runtime's ICU data is not
 * something to bet user-facing text on, and tests need byte-exact output.
 * French: decimal comma, narrow no-break space (U+202F) between thousands, no-break space
 * (U+00A0) before %, € and units. English: decimal point, comma between thousands.
 */
import { NBSP, NNBSP } from '../i18n/text';

export { NBSP, NNBSP };

/** `n` with exactly `decimals` decimals, thousands grouped, per language. Minus is U+2212 in neither: plain '-'. */
export function formatNumber(n: number, lang: Lang, decimals = 0): string {
  if (!Number.isFinite(n)) return String(n);
  let fixed = Math.abs(n).toFixed(decimals);
  if (Math.abs(n) >= 1e21) fixed = Math.abs(n).toExponential(3);
  const negative = n < 0 && /[1-9]/.test(fixed);
  const dot = fixed.indexOf('.');
  const int = dot < 0 ? fixed : fixed.slice(0, dot);
  const frac = dot < 0 ? undefined : fixed.slice(dot + 1);
  const group = lang === 'fr' ? NNBSP : ',';
  const grouped = /e/.test(int) ? int : int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const body = frac === undefined ? grouped : grouped + (lang === 'fr' ? ',' : '.') + frac;
  return (negative ? '-' : '') + body;
}

/** Enough decimals to show what matters: 0 from 100 up, 1 from 10, 2 below (trailing zeros dropped). */
export function formatAuto(n: number, lang: Lang): string {
  const a = Math.abs(n);
  const decimals = a >= 100 ? 0 : a >= 10 ? 1 : 2;
  let s = formatNumber(n, lang, decimals);
  if (decimals > 0) s = s.replace(/([.,]\d*?)0+$/, '$1').replace(/[.,]$/, '');
  return s === '-0' ? '0' : s;
}

/** A rate (0.082 → "+8,2 %" / "+8.2%"), always signed, one decimal. */
export function formatRate(rate: number, lang: Lang, decimals = 1): string {
  const body = formatNumber(rate * 100, lang, decimals);
  const sign = body.startsWith('-') || /^0[.,]?0*$/.test(body) ? '' : '+';
  return sign + body + (lang === 'fr' ? `${NBSP}%` : '%');
}

/** A share (0.15 → "15 %" / "15%"), unsigned, decimals as needed. */
export function formatPercent(x: number, lang: Lang): string {
  return formatAuto(x * 100, lang) + (lang === 'fr' ? `${NBSP}%` : '%');
}

const UNIT_WORDS: Bilingual<Record<'days' | 'hours', readonly [string, string]>> = {
  fr: { days: ['jour', 'jours'], hours: ['h', 'h'] },
  en: { days: ['day', 'days'], hours: ['h', 'h'] },
};

/**
 * A KPI value in its unit. Percent KPIs hold fractions, as Sheets stores them (0.15 = 15 %).
 * `signed` prefixes + on positive values (for changes).
 */
export function formatValue(n: number, unit: Unit | undefined, lang: Lang, unitLabel?: string, signed = false): string {
  const plus = signed && n > 0 ? '+' : '';
  if (unit === '%') return plus + formatPercent(n, lang);
  const num = plus + formatAuto(n, lang);
  switch (unit) {
    case '€':
      return lang === 'fr' ? `${num}${NBSP}€` : n < 0 ? `-€${num.slice(1)}` : `${plus}€${num.slice(plus.length)}`;
    case 'days':
    case 'hours': {
      const [one, many] = localize(UNIT_WORDS, lang)[unit];
      return `${num}${NBSP}${Math.abs(n) <= 1 && unit === 'days' ? one : many}`;
    }
    case 'ratio':
    case 'count':
    case 'score':
    case undefined:
      return num;
    case 'other':
      return unitLabel?.trim() ? `${num}${NBSP}${unitLabel.trim()}` : num;
  }
}

const MONTHS: Record<Lang, string[]> = {
  fr: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** "31 déc. 2025" / "31 Dec 2025": unambiguous in both languages. */
export function formatDate(iso: string, lang: Lang): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!parts || isoDay(iso) === null) return iso;
  const month = at(localize(MONTHS, lang), +group(parts, 2) - 1);
  return `${+group(parts, 3)}${lang === 'fr' ? NBSP : ' '}${month} ${group(parts, 1)}`;
}

const PERIOD: Record<Lang, Record<Frequency, { per: string; one: string; many: string }>> = {
  fr: {
    daily: { per: 'par jour', one: 'jour', many: 'jours' },
    weekly: { per: 'par semaine', one: 'semaine', many: 'semaines' },
    monthly: { per: 'par mois', one: 'mois', many: 'mois' },
    quarterly: { per: 'par trimestre', one: 'trimestre', many: 'trimestres' },
  },
  en: {
    daily: { per: 'per day', one: 'day', many: 'days' },
    weekly: { per: 'per week', one: 'week', many: 'weeks' },
    monthly: { per: 'per month', one: 'month', many: 'months' },
    quarterly: { per: 'per quarter', one: 'quarter', many: 'quarters' },
  },
};

/** "par mois" / "per month". */
export const perPeriod = (f: Frequency, lang: Lang): string => localize(PERIOD, lang)[f].per;

/** "3 mois" / "3 months", "1 semaine" / "1 week". */
export function periodCount(count: number, f: Frequency, lang: Lang): string {
  const p = localize(PERIOD, lang)[f];
  return `${formatAuto(count, lang)}${lang === 'fr' ? NBSP : ' '}${Math.abs(count) === 1 ? p.one : p.many}`;
}

type Gender = 'm' | 'f' | 'fp';
const FREQ_ADJ_FR: Record<Frequency | 'yearly', Record<Gender, string>> = {
  daily: { m: 'quotidien', f: 'quotidienne', fp: 'quotidiennes' },
  weekly: { m: 'hebdomadaire', f: 'hebdomadaire', fp: 'hebdomadaires' },
  monthly: { m: 'mensuel', f: 'mensuelle', fp: 'mensuelles' },
  quarterly: { m: 'trimestriel', f: 'trimestrielle', fp: 'trimestrielles' },
  yearly: { m: 'annuel', f: 'annuelle', fp: 'annuelles' },
};

/** "mensuel" / "mensuelle" / "mensuelles" (French agrees with its noun), "monthly". */
export const frequencyAdjective = (f: Frequency | 'yearly', lang: Lang, gender: Gender = 'f'): string =>
  lang === 'fr' ? FREQ_ADJ_FR[f][gender] : f;

/** « texte » / "text", shortened. */
export function quote(text: string, lang: Lang, max = 40): string {
  const short = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return lang === 'fr' ? `«${NBSP}${short}${NBSP}»` : `"${short}"`;
}

/** A change between two periods: percentages move in points, other values relatively. */
export type Change = { kind: 'points'; value: number } | { kind: 'relative'; value: number };

/**
 * From `before` to `now`. A percentage KPI's change is in points (3.1 % → 3.5 % is +0.4 pt:
 * "+12.9 %" of a rate misleads); any other KPI's is relative to |before| (null when before is 0).
 */
export function changeOf(now: number, before: number, unit: Unit | undefined): Change | null {
  if (!Number.isFinite(now) || !Number.isFinite(before)) return null;
  if (unit === '%') return { kind: 'points', value: (now - before) * 100 };
  if (before === 0) return null;
  return { kind: 'relative', value: (now - before) / Math.abs(before) };
}

/** "+0,4 pt" / "+0.4 pt", "−8,2 %" / "-8.2%": signed, one decimal. */
export function formatChange(change: Change, lang: Lang): string {
  if (change.kind === 'relative') return formatRate(change.value, lang);
  const body = formatNumber(change.value, lang, 1);
  const sign = body.startsWith('-') || /^0[.,]0$/.test(body) ? '' : '+';
  return `${sign}${body === '-0.0' || body === '-0,0' ? body.slice(1) : body}${NBSP}pt`;
}
