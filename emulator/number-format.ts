/** Just enough of Sheets' number formats to produce getDisplayValues() for the formats an add-on writes. */
import { serialParts } from './dates';

export const GENERAL = 'General';
export const PLAIN_TEXT = '@';

/** The format Sheets gives a cell when a Date is written into it (date only at midnight). */
export function defaultDateFormat(locale: string, withTime: boolean): string {
  const fr = /^(fr|de|es|it|pt|nl)/i.test(locale);
  const date = /^en_US|^en$/i.test(locale) ? 'M/d/yyyy' : fr ? 'dd/MM/yyyy' : 'yyyy-MM-dd';
  return withTime ? `${date} H:mm:ss` : date;
}

/** Strips quoted text, escapes and [brackets] so the remaining letters are the format's tokens. */
function tokensOnly(section: string): string {
  return section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[_*]./g, '');
}

/** True when the format shows a date or a time (getValue() then returns a Date). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === GENERAL || format === PLAIN_TEXT) return false;
  const first = tokensOnly(format.split(';')[0]);
  return /[dyhsDYHS]|am\/pm|a\/p/i.test(first) || (/m/i.test(first) && !/[0#?]/.test(first));
}

interface Separators {
  decimal: string;
  group: string;
}
const separatorCache = new Map<string, Separators>();

export function separators(locale: string): Separators {
  let s = separatorCache.get(locale);
  if (!s) {
    let parts: Intl.NumberFormatPart[];
    try {
      parts = new Intl.NumberFormat(locale.replace('_', '-')).formatToParts(12345.6);
    } catch {
      parts = new Intl.NumberFormat('en-US').formatToParts(12345.6);
    }
    s = {
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
    };
    separatorCache.set(locale, s);
  }
  return s;
}

function general(n: number, sep: Separators): string {
  if (n === 0) return '0';
  const abs = Math.abs(n);
  let text: string;
  if (abs >= 1e15 || abs < 1e-9) {
    text = n
      .toExponential(5)
      .replace(/\.?0+e/, 'e')
      .replace('e', 'E')
      .replace(/E([+-])(\d)$/, 'E$10$2');
  } else {
    text = String(Number(n.toPrecision(10)));
    if (/e/.test(text)) text = n.toFixed(10).replace(/\.?0+$/, '');
  }
  return text.replace('.', sep.decimal);
}

function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      cur += ch + (format[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

function numberSection(n: number, section: string, sep: Separators, withSign: boolean): string {
  let prefix = '';
  let suffix = '';
  let pattern = '';
  let inPattern = false;
  let done = false;
  let percent = 0;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    let literal: string | null = null;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      literal = section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      literal = section[i + 1] ?? '';
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end);
      i = end;
      const currency = /^\$([^-\]]*)/.exec(inner);
      literal = currency ? currency[1] : '';
    } else if (ch === '_') {
      literal = ' ';
      i++;
    } else if (ch === '*') {
      literal = '';
      i++;
    } else if (!done && /[0#?.,]/.test(ch) && (inPattern || ch !== ',')) {
      pattern += ch;
      inPattern = true;
      continue;
    } else {
      if (ch === '%') percent++;
      literal = ch;
    }
    if (inPattern) done = true;
    if (done) suffix += literal;
    else prefix += literal;
    if (inPattern) inPattern = false;
  }
  let value = Math.abs(n) * 100 ** percent;
  const [intPat, decPat = ''] = pattern.split('.');
  const grouping = intPat.includes(',');
  const trailingCommas = /,+$/.exec(intPat)?.[0].length ?? 0;
  value /= 1000 ** trailingCommas;
  const maxDec = (decPat.match(/[0#?]/g) ?? []).length;
  const minDec = (decPat.match(/0/g) ?? []).length;
  const minInt = (intPat.match(/0/g) ?? []).length;
  let [intText, decText = ''] = value.toFixed(maxDec).split('.');
  while (decText.length > minDec && decText.endsWith('0')) decText = decText.slice(0, -1);
  if (intText === '0' && minInt === 0) intText = '';
  intText = intText.padStart(minInt, '0');
  if (grouping) intText = intText.replace(/\B(?=(\d{3})+(?!\d))/g, sep.group);
  const body =
    pattern.includes('.') && decText
      ? `${intText}${sep.decimal}${decText}`
      : decText
        ? `${intText}${sep.decimal}${decText}`
        : intText;
  const sign = withSign && n < 0 && Number(body.replace(/[^0-9]/g, '')) !== 0 ? '-' : '';
  return `${sign}${prefix}${body}${suffix}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function dateSection(serial: number, section: string): string {
  const w = serialParts(serial);
  const ampm = /am\/pm|a\/p/i.test(section);
  const tokens: { t: string; text: string }[] = [];
  for (let i = 0; i < section.length; ) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      tokens.push({ t: 'lit', text: section.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? section.length : end + 1;
      continue;
    }
    if (ch === '\\') {
      tokens.push({ t: 'lit', text: section[i + 1] ?? '' });
      i += 2;
      continue;
    }
    if (/am\/pm/i.test(section.slice(i, i + 5))) {
      tokens.push({ t: 'ampm', text: w.hour < 12 ? 'AM' : 'PM' });
      i += 5;
      continue;
    }
    const lower = ch.toLowerCase();
    if (/[ymdhs]/.test(lower)) {
      let n = 1;
      while (section[i + n]?.toLowerCase() === lower) n++;
      tokens.push({ t: lower.repeat(Math.min(n, 4)), text: '' });
      i += n;
      continue;
    }
    tokens.push({ t: 'lit', text: ch });
    i++;
  }
  // "m" is minutes right after an hour or right before seconds, else month.
  const kinds = tokens.filter((k) => k.t !== 'lit');
  kinds.forEach((k, idx) => {
    if (k.t[0] !== 'm' || k.t.length > 2) return;
    const prev = kinds[idx - 1];
    const next = kinds[idx + 1];
    if ((prev && prev.t[0] === 'h') || (next && next.t[0] === 's')) k.t = k.t.replace(/m/g, 'n');
  });
  const p = (v: number, len: number) => String(v).padStart(len, '0');
  return tokens
    .map((k) => {
      switch (k.t) {
        case 'lit':
        case 'ampm':
          return k.text;
        case 'y':
        case 'yy':
          return p(w.year % 100, 2);
        case 'yyy':
        case 'yyyy':
          return String(w.year);
        case 'm':
          return String(w.month);
        case 'mm':
          return p(w.month, 2);
        case 'mmm':
          return MONTHS[w.month - 1].slice(0, 3);
        case 'mmmm':
          return MONTHS[w.month - 1];
        case 'd':
          return String(w.day);
        case 'dd':
          return p(w.day, 2);
        case 'ddd':
          return DAYS[w.weekday].slice(0, 3);
        case 'dddd':
          return DAYS[w.weekday];
        case 'h':
        case 'hh': {
          const h = ampm ? (w.hour % 12 === 0 ? 12 : w.hour % 12) : w.hour;
          return k.t === 'hh' ? p(h, 2) : String(h);
        }
        case 'n':
          return String(w.minute);
        case 'nn':
          return p(w.minute, 2);
        case 's':
          return String(w.second);
        case 'ss':
          return p(w.second, 2);
        default:
          return '';
      }
    })
    .join('');
}

/** How Sheets would display a cell value under a number format, in a locale (e.g. "fr_FR"). */
export function displayValue(value: unknown, format: string | undefined, locale: string): string {
  const fr = /^fr/i.test(locale);
  if (value === '' || value === null || value === undefined) return '';
  if (typeof value === 'boolean') return fr ? (value ? 'VRAI' : 'FAUX') : value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') {
    const sections = format ? splitSections(format) : [];
    const textSection = sections[3];
    return textSection !== undefined ? textSection.replace(/"([^"]*)"/g, '$1').replace('@', value) : value;
  }
  if (typeof value !== 'number') return String(value);
  const sep = separators(locale);
  if (!format || format === GENERAL || format === PLAIN_TEXT) return general(value, sep);
  if (isDateFormat(format)) return dateSection(value, splitSections(format)[0]);
  const sections = splitSections(format);
  if (value < 0 && sections.length > 1 && sections[1] !== '') return numberSection(value, sections[1], sep, false);
  if (value === 0 && sections.length > 2 && sections[2] !== '') return numberSection(value, sections[2], sep, false);
  return numberSection(value, sections[0], sep, true);
}
