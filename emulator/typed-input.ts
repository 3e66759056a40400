/**
 * What Sheets makes of a string typed into a cell, in the spreadsheet's locale — one parser for
 * every place a string becomes a cell value: `Range.setValue(s)` (Apps Script parses strings like
 * typed input), the playground's formula bar, and the CSV reader.
 *
 * Sources: the Sheets API says USER_ENTERED input is "parsed as if the user typed them into the
 * UI … strings may be converted to numbers, dates, etc. following the same rules that are applied
 * when entering text into a cell via the Google Sheets UI" (developers.google.com/sheets/api/
 * reference/rest/v4/ValueInputOption); `setValue('01234')` gives the number 1234 and a leading `'`
 * keeps text (vlucas/sheetquery#20, theoephraim/node-google-spreadsheet#696); strings are read in
 * the spreadsheet's locale: in sv_SE `1234,1234` and `1 234,1234` are numbers and `1.2` is not
 * (burnash/gspread#501, nithinmurali/pygsheets#483).
 *
 * Where Sheets' rule is unknown or looser than what is written here, this takes the strict side
 * (the value stays text): grouping must be well formed (`1 234 567`), although Sheets reads a
 * misplaced group separator as one (en_US `1234,1234` → 12341234 in gspread#501, de_DE
 * `1.123456789` → 1123456789 in pygsheets#414, `22 34` → 2234 in sheetquery#20); two-digit
 * years, dates without a year, month names outside French and English, and `TRUE` in a French
 * sheet stay text.
 */
import { isDateFormat, separators } from './number-format';

export type TypedInput =
  | { kind: 'blank' }
  | { kind: 'formula'; formula: string }
  /** `forced`: a leading apostrophe made it text. */
  | { kind: 'text'; text: string; forced: boolean }
  /** `format`: the number format Sheets gives a cell still in the default format (grouping, currency, percent). */
  | { kind: 'number'; value: number; format: string | null }
  | { kind: 'boolean'; value: boolean }
  /** A date, a time or both, as a serial number (days since 1899-12-30, wall clock). */
  | { kind: 'date'; serial: number; format: string; time: boolean; date: boolean };

export interface InputLocale {
  locale: string;
  decimal: '.' | ',';
  /** Grouping separators accepted between groups of three digits. */
  groups: readonly string[];
  dateOrder: 'DMY' | 'MDY' | 'YMD';
  trueWord: string;
  falseWord: string;
  /** Month names (and their abbreviations) read in dates, lower case, January first. */
  months: readonly (readonly string[])[];
  /** The format of a date typed in the locale's own order, with and without a time. */
  dateFormat: string;
  dateTimeFormat: string;
}

const SPACES = [' ', '\u00a0', '\u202f'];
/** Unicode minus (U+2212) and the ASCII hyphen-minus both make a number negative. */
const MINUS = /^[-\u2212]/;

const BOOLEANS: Record<string, [string, string]> = {
  en: ['TRUE', 'FALSE'],
  fr: ['VRAI', 'FAUX'],
  de: ['WAHR', 'FALSCH'],
  es: ['VERDADERO', 'FALSO'],
  it: ['VERO', 'FALSO'],
  pt: ['VERDADEIRO', 'FALSO'],
  nl: ['WAAR', 'ONWAAR'],
};

const MONTHS: Record<string, string[][]> = {
  en: [
    ['january', 'jan'],
    ['february', 'feb'],
    ['march', 'mar'],
    ['april', 'apr'],
    ['may'],
    ['june', 'jun'],
    ['july', 'jul'],
    ['august', 'aug'],
    ['september', 'sep', 'sept'],
    ['october', 'oct'],
    ['november', 'nov'],
    ['december', 'dec'],
  ],
  fr: [
    ['janvier', 'janv'],
    ['février', 'févr', 'fevrier', 'fevr'],
    ['mars'],
    ['avril', 'avr'],
    ['mai'],
    ['juin'],
    ['juillet', 'juil'],
    ['août', 'aout'],
    ['septembre', 'sept'],
    ['octobre', 'oct'],
    ['novembre', 'nov'],
    ['décembre', 'déc', 'decembre', 'dec'],
  ],
};

const CURRENCIES = ['€', '$', '£', '¥'];

const cache = new Map<string, InputLocale>();

/** The typing rules of a spreadsheet locale ('fr_FR', 'en_US', 'de_DE'…), from ICU's data. */
export function inputLocale(locale: string): InputLocale {
  let found = cache.get(locale);
  if (found) return found;
  const tag = locale.replace('_', '-');
  const lang = locale.split(/[_-]/)[0].toLowerCase();
  const sep = separators(locale);
  const decimal = sep.decimal === ',' ? ',' : '.';
  // A space-like group separator (fr: U+202F) accepts all three spaces; otherwise the one ICU gives.
  const groups = SPACES.includes(sep.group) ? SPACES : [sep.group === decimal ? ' ' : sep.group];
  let order: InputLocale['dateOrder'] = 'DMY';
  try {
    const parts = new Intl.DateTimeFormat(tag, { year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date(Date.UTC(2025, 2, 15, 12)))
      .filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year')
      .map((p) => p.type[0])
      .join('');
    order = parts === 'mdy' ? 'MDY' : parts === 'ymd' ? 'YMD' : 'DMY';
  } catch {
    // an unknown locale reads dates day first, as most of the world does
  }
  const [trueWord, falseWord] = BOOLEANS[lang] ?? BOOLEANS.en;
  const dateFormat = order === 'MDY' ? 'M/d/yyyy' : order === 'YMD' ? 'yyyy-MM-dd' : 'dd/MM/yyyy';
  found = {
    locale,
    decimal,
    groups,
    dateOrder: order,
    trueWord,
    falseWord,
    months: MONTHS[lang] ?? (lang === 'en' ? MONTHS.en : []),
    dateFormat,
    dateTimeFormat: `${dateFormat} H:mm:ss`,
  };
  cache.set(locale, found);
  return found;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface NumberRules {
  /** sign, integer part (with its separators), decimals, exponent */
  re: RegExp;
  groups: RegExp;
}
const numberRules = new Map<string, NumberRules>();

function rulesOf(loc: InputLocale): NumberRules {
  let r = numberRules.get(loc.locale);
  if (!r) {
    const g = `[${loc.groups.map(escapeRe).join('')}]`;
    const d = escapeRe(loc.decimal);
    r = {
      re: new RegExp(`^(\\d{1,3}(?:${g}\\d{3})+|\\d+)?(?:${d}(\\d+))?(?:[eE]([-+]?\\d{1,3}))?$`),
      groups: new RegExp(g, 'g'),
    };
    numberRules.set(loc.locale, r);
  }
  return r;
}

/** A plain number in the locale: `1 234,5`, `-0,25`, `1,5E3` (fr_FR); `1,234.5` (en_US). */
function readNumber(
  text: string,
  loc: InputLocale,
): { value: number; source: string; grouped: boolean; decimals: number; exponent: boolean } | null {
  let t = text;
  let negative = false;
  if (MINUS.test(t)) {
    negative = true;
    t = t.slice(1);
  } else if (t.startsWith('+')) t = t.slice(1);
  const rules = rulesOf(loc);
  const m = rules.re.exec(t);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const int = (m[1] ?? '0').replace(rules.groups, '');
  const source = `${int}${m[2] ? `.${m[2]}` : ''}${m[3] ? `e${m[3]}` : ''}`;
  const value = Number(source);
  if (!Number.isFinite(value)) return null;
  return {
    value: negative && value !== 0 ? -value : value,
    source: negative ? `-${source}` : source,
    grouped: int !== (m[1] ?? '0'),
    decimals: m[2]?.length ?? 0,
    exponent: m[3] !== undefined,
  };
}

function strip(text: string, symbols: readonly string[]): { rest: string; symbol: string; before: boolean } | null {
  for (const s of symbols) {
    if (text.startsWith(s)) return { rest: text.slice(s.length), symbol: s, before: true };
    if (text.endsWith(s)) return { rest: text.slice(0, -s.length), symbol: s, before: false };
  }
  return null;
}

const trimSpaces = (s: string) => s.replace(/^[\s\u00a0\u202f]+|[\s\u00a0\u202f]+$/g, '');

function groupedFormat(decimals: number): string {
  return decimals ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

/** `7 791,48 €`, `-7 791,48 €`, `€7 791,48` (fr_FR); `$1,234.50`, `-$5` (en_US). */
function readCurrency(text: string, loc: InputLocale): { value: number; format: string } | null {
  let t = text;
  let negative = false;
  if (MINUS.test(t)) {
    negative = true;
    t = trimSpaces(t.slice(1));
  }
  const c = strip(t, CURRENCIES);
  if (!c) return null;
  let rest = trimSpaces(c.rest);
  if (MINUS.test(rest)) {
    if (negative) return null;
    negative = true;
    rest = rest.slice(1);
  }
  const n = readNumber(rest, loc);
  if (!n || n.exponent || rest.startsWith('+')) return null;
  const decimals = n.decimals ? Math.max(2, n.decimals) : 0;
  const body = groupedFormat(decimals);
  const format = c.before ? `[$${c.symbol}]${body}` : `${body} [$${c.symbol}]`;
  return { value: negative && n.value !== 0 ? -n.value : n.value, format };
}

/** `12 %`, `−12,5 %`, `7,5%` (fr_FR) → a fraction and a percent format. */
function readPercent(text: string, loc: InputLocale): { value: number; format: string } | null {
  if (!text.endsWith('%')) return null;
  const n = readNumber(trimSpaces(text.slice(0, -1)), loc);
  if (!n || n.exponent) return null;
  // value / 100 can be off by an ulp (7 / 100): the decimal text divided exactly is what was meant.
  const value = Number(`${n.source}e-2`);
  return { value, format: n.decimals ? '0.00%' : '0%' };
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

interface Day {
  y: number;
  m: number;
  d: number;
  iso: boolean;
}
interface Time {
  h: number;
  min: number;
  s: number;
}

function day(y: number, m: number, d: number, iso = false): Day | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const back = new Date(Date.UTC(y, m - 1, d));
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return { y, m, d, iso };
}

/** Computed as dateToSerial computes it from a Date's wall clock, so both give the same double. */
function serialOf(d: Day | null, t: Time | null): number {
  const ms = d
    ? Date.UTC(d.y, d.m - 1, d.d, t?.h ?? 0, t?.min ?? 0, t?.s ?? 0)
    : Date.UTC(1899, 11, 30, t?.h ?? 0, t?.min ?? 0, t?.s ?? 0);
  return (ms - SERIAL_EPOCH) / MS_PER_DAY;
}

/** `14:30`, `14:30:05`, `2:30 PM` (en) → hours, minutes, seconds. */
function readTime(text: string, loc: InputLocale): Time | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?$/.exec(text);
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const s = Number(m[3] ?? 0);
  if (m[4]) {
    if (!/^en/i.test(loc.locale) || h < 1 || h > 12) return null;
    h = (h % 12) + (/[Pp]/.test(m[4]) ? 12 : 0);
  }
  if (h > 23 || min > 59 || s > 59) return null;
  return { h, min, s };
}

function monthOf(word: string, loc: InputLocale): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = loc.months.findIndex((names) => names.includes(w));
  return i < 0 ? null : i + 1;
}

/** The calendar part: ISO `2025-03-15`; `15/03/2025`, `15-03-2025`, `15.03.2025` (DMY); `3/15/2025` (MDY); `15 mars 2025`. */
function readDay(text: string, loc: InputLocale): Day | null {
  const iso = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/.exec(text);
  if (iso) return day(Number(iso[1]), Number(iso[3]), Number(iso[4]), iso[2] === '-');
  const numeric = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(text);
  if (numeric) {
    if (loc.dateOrder === 'YMD') return null;
    if (loc.dateOrder === 'MDY' && numeric[2] === '.') return null;
    const [a, b, y] = [Number(numeric[1]), Number(numeric[3]), Number(numeric[4])];
    return loc.dateOrder === 'MDY' ? day(y, a, b) : day(y, b, a);
  }
  const named = /^(\d{1,2})(?:er)?[\s\u00a0-]+([^\s\d,.-]+\.?)[\s\u00a0-]+(\d{4})$/u.exec(text);
  if (named) {
    const m = monthOf(named[2], loc);
    return m === null ? null : day(Number(named[3]), m, Number(named[1]));
  }
  const us = /^([^\s\d,.-]+\.?)\s+(\d{1,2}),?\s+(\d{4})$/u.exec(text);
  if (us && /^en/i.test(loc.locale)) {
    const m = monthOf(us[1], loc);
    return m === null ? null : day(Number(us[3]), m, Number(us[2]));
  }
  return null;
}

function readDate(text: string, loc: InputLocale): Extract<TypedInput, { kind: 'date' }> | null {
  const time = readTime(text, loc);
  if (time) return { kind: 'date', serial: serialOf(null, time), format: 'H:mm:ss', time: true, date: false };
  const d = readDay(text, loc);
  if (d)
    return {
      kind: 'date',
      serial: serialOf(d, null),
      format: d.iso ? 'yyyy-mm-dd' : loc.dateFormat,
      time: false,
      date: true,
    };
  // A date and a time: `15/03/2025 14:30`, `2025-03-15 14:30:00`, `2025-03-15T14:30`.
  const m = /^(.+?)(?:\s+|T)(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)$/.exec(text);
  if (!m) return null;
  const dd = readDay(m[1], loc);
  const t = readTime(m[2], loc);
  if (!dd || !t) return null;
  return {
    kind: 'date',
    serial: serialOf(dd, t),
    format: dd.iso ? 'yyyy-mm-dd H:mm:ss' : loc.dateTimeFormat,
    time: true,
    date: true,
  };
}

/**
 * What a typed string becomes in a cell of a spreadsheet in `locale`: blank, a formula (starts
 * with `=`), text (a leading `'` forces it, and is not part of the value), a number (with the
 * format Sheets gives it: grouping, currency, percent), a boolean, or a date/time.
 */
export function parseTypedInput(input: string, locale: string): TypedInput {
  if (input === '') return { kind: 'blank' };
  if (input.startsWith("'")) {
    const text = input.slice(1);
    return text === '' ? { kind: 'blank' } : { kind: 'text', text, forced: true };
  }
  if (input.startsWith('=') && input.length > 1) return { kind: 'formula', formula: input };
  const loc = inputLocale(locale);
  const t = trimSpaces(input);
  if (t === '') return { kind: 'text', text: input, forced: false };
  const upper = t.toUpperCase();
  if (upper === loc.trueWord) return { kind: 'boolean', value: true };
  if (upper === loc.falseWord) return { kind: 'boolean', value: false };
  const n = readNumber(t, loc);
  if (n) return { kind: 'number', value: n.value, format: n.grouped ? groupedFormat(n.decimals) : null };
  const pct = readPercent(t, loc);
  if (pct) return { kind: 'number', ...pct };
  const cur = readCurrency(t, loc);
  if (cur) return { kind: 'number', ...cur };
  const date = readDate(t, loc);
  if (date) return date;
  return { kind: 'text', text: input, forced: false };
}

/** True when `input` would not stay the text it is if typed (so the formula bar must show `'` before it). */
export function needsApostrophe(text: string, locale: string): boolean {
  if (text === '') return false;
  const typed = parseTypedInput(text, locale);
  return typed.kind !== 'text' || typed.forced || typed.text !== text;
}

/** The shortest decimal text that reads back as exactly `n`, in the locale's decimal separator. */
export function numberText(n: number, locale: string): string {
  const loc = inputLocale(locale);
  let s = String(n);
  if (/e/.test(s)) s = s.replace('e+', 'E').replace('e', 'E');
  return loc.decimal === ',' ? s.replace('.', ',') : s;
}

function percentText(fraction: number, locale: string): string {
  // The shortest text t with t / 100 === fraction (0.07 → "7", not "7.000000000000001").
  for (let p = 1; p <= 17; p++) {
    const text = `${numberText(Number((fraction * 100).toPrecision(p)), locale)}%`;
    const typed = parseTypedInput(text, locale);
    if (typed.kind === 'number' && Object.is(typed.value, fraction)) return text;
  }
  // Beyond what a percent can be typed as (1E-300 %): the raw number, which the cell's format keeps.
  return numberText(fraction, locale);
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function serialText(serial: number, loc: InputLocale, withDate: boolean, withTime: boolean): string {
  const utc = new Date(SERIAL_EPOCH + Math.round(serial * MS_PER_DAY));
  const [y, m, d] = [utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate()];
  const day =
    loc.dateOrder === 'MDY'
      ? `${m}/${d}/${y}`
      : loc.dateOrder === 'YMD'
        ? `${y}-${two(m)}-${two(d)}`
        : `${two(d)}/${two(m)}/${y}`;
  const time = `${utc.getUTCHours()}:${two(utc.getUTCMinutes())}:${two(utc.getUTCSeconds())}`;
  return withDate && withTime ? `${day} ${time}` : withTime ? time : day;
}

/** Quoted text, escapes and [brackets] removed: what is left are the format's own tokens. */
function tokens(format: string): string {
  return (format.split(';')[0] ?? '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[_*]./g, '');
}

/**
 * What the formula bar shows for a literal value under its number format (Sheets shows the raw
 * value, not the displayed text: 76220 for "76 220 €", 12% for a percent, 15/03/2025 for a date),
 * such that typing it back gives the same value: `parseTypedInput(editText(v)) ≡ v`. Dates are
 * their serial numbers here, as the cell stores them.
 */
export function editText(value: number | string | boolean, format: string, locale: string): string {
  const loc = inputLocale(locale);
  if (typeof value === 'boolean') return value ? loc.trueWord : loc.falseWord;
  // A plain-text cell ("@") keeps what is typed as it is: no apostrophe needed.
  if (typeof value === 'string') return format !== '@' && needsApostrophe(value, locale) ? `'${value}` : value;
  if (!Number.isFinite(value)) return String(value);
  const t = tokens(format);
  if (isDateFormat(format)) {
    const dateTokens = /[dy]/i.test(t) || (/m/i.test(t) && !/[hs]/i.test(t));
    // A date-time cell shows its time only when it has one; a time-only format keeps the date when it is not 0.
    const hasTime = Math.round((value % 1) * MS_PER_DAY) !== 0;
    const withDate = dateTokens || value >= 1 || value < 0;
    const text = serialText(value, loc, withDate, hasTime || !withDate);
    if (parseSerial(text, locale) === value) return text;
  } else if (/%/.test(t)) {
    return percentText(value, locale);
  }
  return numberText(value, locale);
}

function parseSerial(text: string, locale: string): number | null {
  const typed = parseTypedInput(text, locale);
  return typed.kind === 'date' ? typed.serial : null;
}
