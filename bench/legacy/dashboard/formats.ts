/**
 * Number formats of dashboard cells. Sheets renders the digit separators of the spreadsheet's
 * locale, so a pattern is the same in French and English; only the unit's place and word change.
 */
import type { Lang } from '../../../src/core/i18n/lang';
import type { Frequency, Kpi } from '../../../src/core/kpi/model';

export const TEXT_FORMAT = '@';
export const GENERAL = 'General';
export const PERCENT = '0%';
export const SMART_FORMAT = '0" / 100"';
/** Changes show their direction: ▲ up, ▼ down, ► flat (the value stays a number). */
export const CHANGE_FORMAT = '"▲ "+0.0%;"▼ "-0.0%;"► "0.0%';

const literal = (s: string): string => `"${s.replace(/"/g, '')}"`;

/**
 * Decimals that matter for a KPI: as the sidebar shows values (0 from 100 up, 1 from 10, 2
 * below), judged on its target, baseline and benchmark; counts are whole unless those aren't.
 */
function decimalsFor(kpi: Kpi): number {
  const refs = [kpi.target, kpi.baseline, kpi.benchmark].filter((x): x is number => typeof x === 'number');
  if (kpi.unit === 'count' && refs.every(Number.isInteger)) return 0;
  const size = refs.length ? Math.max(...refs.map(Math.abs)) : 100;
  return size >= 100 ? 0 : size >= 10 ? 1 : 2;
}

/** The format of a KPI's values (current value, target, chart data). */
export function valueFormat(kpi: Kpi, lang: Lang): string {
  if (kpi.unit === '%') return '0.0%';
  const d = decimalsFor(kpi);
  const num = d === 0 ? '#,##0' : `#,##0.${'0'.repeat(d)}`;
  switch (kpi.unit) {
    case '€':
      return lang === 'fr' ? `${num} ${literal('€')}` : `${literal('€')}${num}`;
    case 'days':
      return `${num} ${literal(lang === 'fr' ? 'j' : 'd')}`;
    case 'hours':
      return `${num} ${literal('h')}`;
    case 'other':
      return kpi.unitLabel?.trim() ? `${num} ${literal(kpi.unitLabel.trim())}` : num;
    default:
      return num;
  }
}

export function dateFormat(lang: Lang): string {
  return lang === 'fr' ? 'dd/mm/yyyy' : 'yyyy-mm-dd';
}

/** Axis labels of a trend chart: months for monthly and quarterly data, days otherwise. */
export function periodFormat(frequency: Frequency, lang: Lang): string {
  return frequency === 'monthly' || frequency === 'quarterly' ? 'mmm yyyy' : lang === 'fr' ? 'dd/mm' : 'mm/dd';
}
