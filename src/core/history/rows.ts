/**
 * The history sheet's rows (a contract shared with the dashboards): a header row, then one row
 * per KPI and period, made to be read by a person: kpiId | kpiName | period | periodStart |
 * value | target | status | takenAt, the status in the document's language, values rounded to
 * the KPI's unit. Columns are found by their header: a sheet written before the name column
 * (kpiId | period | … | takenAt) reads the same, and gains the name at its end (history-store.ts).
 *
 * Decoding never throws and never drops anything: a row that does not read cleanly is reported
 * with its row number and left exactly as it is in the sheet (the add-on never rewrites a
 * history row). Its (kpiId, period) still counts as taken when those two cells read, so a
 * broken row is never "repaired" by a second row for the same period.
 */
import { localize } from '../i18n/text';
import type { Lang } from '../i18n/lang';
import { STATUS_WORDS } from '../dashboard/text';
import type { Unit } from '../kpi/model';
import { KPI_STATUSES, type KpiStatus } from '../kpi/status';
import { dayIso } from '../kpi/dates';
import { parsePeriodKey, type Period } from './periods';
import { isIsoDateTime } from './time';

export const HISTORY_KIND = 'history';
export const HISTORY_SCHEMA_VERSION = 2;
export const HISTORY_HEADER = [
  'kpiId',
  'kpiName',
  'period',
  'periodStart',
  'value',
  'target',
  'status',
  'takenAt',
] as const;
export type HistoryColumn = (typeof HISTORY_HEADER)[number];
/** Every column but the name: a sheet without one of these cannot be appended to. */
export const REQUIRED_HISTORY_COLUMNS: readonly HistoryColumn[] = HISTORY_HEADER.filter((h) => h !== 'kpiName');

/**
 * Number formats by column, as the sheet is created (src/addon/dashboard/history-sheet.ts) and
 * each block is appended: ids, names, keys, dates, statuses and stamps as plain text, where
 * Sheets would turn `2026-06` into a date, `001` into 1 and `TRUE` into a checkbox value.
 * Values and targets in their KPI's unit (historyValueFormat).
 */
export const HISTORY_FORMAT_OF: Record<HistoryColumn, string> = {
  kpiId: '@',
  kpiName: '@',
  period: '@',
  periodStart: '@',
  value: 'General',
  target: 'General',
  status: '@',
  takenAt: '@',
};
export const HISTORY_FORMATS: readonly string[] = HISTORY_HEADER.map((h) => HISTORY_FORMAT_OF[h]);

/** How a value reads in the sheet: percentages as %, euros with 2 decimals and the sign. */
export function historyValueFormat(unit: Unit | undefined): string {
  switch (unit) {
    case '%':
      return '0.00%';
    case '€':
      return '#,##0.00 [$€]';
    default:
      return 'General';
  }
}

/** Decimals a value is archived with: cents, hundredths of a percent, tenths of a day, hour or point. */
const DECIMALS: Record<Unit, number> = { '€': 2, '%': 4, days: 1, hours: 1, score: 1, ratio: 2, count: 2, other: 2 };

/** A value rounded to its unit (a person reads 32.5 days, not 32.499999999999996). */
export function roundToUnit(value: number, unit: Unit | undefined): number {
  const k = 10 ** (unit ? DECIMALS[unit] : 2);
  const r = Math.round(value * k) / k;
  return Object.is(r, -0) ? 0 : r;
}

export const STATUSES: readonly KpiStatus[] = KPI_STATUSES;

export interface HistoryRow {
  kpiId: string;
  /** The KPI's name when archived, for a person reading the sheet (ids are what match). */
  kpiName?: string;
  /** The KPI's unit, for the value's number format when written (not stored). */
  unit?: Unit;
  /** `2026-06-15`, `2026-W24`, `2026-06`, `2026-Q2`. */
  period: string;
  /** ISO date of the period's first day. */
  periodStart: string;
  value: number;
  target: number | null;
  status: KpiStatus;
  /** When the value was read: ISO date-time in the spreadsheet's zone, `2026-06-15T08:00:00+02:00`. */
  takenAt: string;
}

export interface StoredHistoryRow extends HistoryRow {
  /** 1-based sheet row. */
  row: number;
}

export interface HistoryProblem {
  row: number;
  kpiId: string | null;
  period: string | null;
  reason: string;
}

export interface DecodedHistory {
  /** The header as found (trimmed). */
  header: string[];
  /** False when a required column's header is missing: nothing may be appended. */
  headerOk: boolean;
  /** The header to append under: the sheet's own columns (plus kpiName at the end when it has none). */
  columns: string[];
  rows: StoredHistoryRow[];
  problems: HistoryProblem[];
  /** Every (kpiId, period) present, from clean and broken rows alike: `historyKey(kpiId, period)`. */
  taken: Set<string>;
  /** Readable keys per KPI, clean or broken: where the archive of each KPI stands. */
  periodsByKpi: Map<string, Period[]>;
  /** 1-based row after the last non-empty row: where the next batch goes. */
  nextRow: number;
}

/** Ids never hold whitespace (kpi/model.ts), so a space separates unambiguously. */
export const historyKey = (kpiId: string, period: string): string => `${kpiId} ${period}`;

const isBlank = (v: unknown) => v === '' || v === null || v === undefined;

/** The status as the sheet shows it: its word in the document's language (the code without a language). */
export const statusCell = (status: KpiStatus, lang?: Lang): string => (lang ? STATUS_WORDS[status][lang] : status);

/** A status cell read back: a code, or its word in either language. */
export function readStatus(cell: unknown): KpiStatus | null {
  if (typeof cell !== 'string') return null;
  const t = cell.trim();
  for (const s of STATUSES) if (t === s || t === STATUS_WORDS[s].fr || t === STATUS_WORDS[s].en) return s;
  return null;
}

/** The cells of a row in the order of `header` (default HISTORY_HEADER); the status in `lang` when given. */
export function encodeHistoryRow(
  r: HistoryRow,
  options: { lang?: Lang; header?: readonly string[] } = {},
): (string | number)[] {
  const { lang, header = HISTORY_HEADER } = options;
  const cells: Record<HistoryColumn, string | number> = {
    kpiId: r.kpiId,
    kpiName: r.kpiName ?? '',
    period: r.period,
    periodStart: r.periodStart,
    value: r.value,
    target: r.target ?? '',
    status: statusCell(r.status, lang),
    takenAt: r.takenAt,
  };
  return header.map((h) => (h in cells ? cells[h as HistoryColumn] : ''));
}

const REASONS = {
  kpiId: {
    fr: (c: string) => `identifiant de KPI manquant ou invalide (colonne ${c})`,
    en: (c: string) => `missing or invalid KPI id (column ${c})`,
  },
  period: {
    fr: (c: string) => `période illisible (colonne ${c}) ; attendu : 2026-06-15, 2026-W24, 2026-06 ou 2026-Q2`,
    en: (c: string) => `unreadable period (column ${c}); expected 2026-06-15, 2026-W24, 2026-06 or 2026-Q2`,
  },
  periodStart: {
    fr: (c: string) => `début de période absent ou différent de celui de la période (colonne ${c})`,
    en: (c: string) => `period start missing or not the start of the period (column ${c})`,
  },
  value: {
    fr: (c: string) => `valeur non numérique (colonne ${c})`,
    en: (c: string) => `value is not a number (column ${c})`,
  },
  target: {
    fr: (c: string) => `cible non numérique (colonne ${c})`,
    en: (c: string) => `target is not a number (column ${c})`,
  },
  status: { fr: (c: string) => `statut inconnu (colonne ${c})`, en: (c: string) => `unknown status (column ${c})` },
  takenAt: {
    fr: (c: string) => `horodatage illisible (colonne ${c})`,
    en: (c: string) => `unreadable timestamp (column ${c})`,
  },
  duplicate: {
    fr: (row: number) => `période déjà archivée ligne ${row}`,
    en: (row: number) => `period already archived on row ${row}`,
  },
};

/**
 * An id cell: text, or what Sheets made of an id typed into a cell that was not plain text
 * (TRUE and FALSE read as booleans, digits as numbers), so those rows still match their KPI.
 */
function readId(v: unknown): string | null {
  const t =
    typeof v === 'string'
      ? v.trim()
      : typeof v === 'boolean'
        ? v
          ? 'TRUE'
          : 'FALSE'
        : typeof v === 'number' && Number.isFinite(v)
          ? String(v)
          : '';
  return t !== '' && !/\s/.test(t) && t.length <= 64 ? t : null;
}

const letter = (i: number): string => {
  let n = i + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};

/**
 * Reads the history from `getValues()` of the sheet's used columns (A1:last column, last row),
 * finding each column by its header. `toIso` turns a Date (a periodStart cell that lost its
 * text format) into the ISO day the sheet shows.
 */
export function decodeHistory(values: unknown[][], lang: Lang, toIso: (d: Date) => string): DecodedHistory {
  const header = (values[0] ?? []).map((h) => String(h ?? '').trim());
  while (header.length && header[header.length - 1] === '') header.pop();
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (h && !index.has(h)) index.set(h, i);
  });
  const headerOk = values.length === 0 || REQUIRED_HISTORY_COLUMNS.every((h) => index.has(h));
  const columns = values.length === 0 ? [...HISTORY_HEADER] : index.has('kpiName') ? header : [...header, 'kpiName'];
  const col = (h: HistoryColumn): string => letter(index.get(h) ?? HISTORY_HEADER.indexOf(h));
  const cellOf = (cells: readonly unknown[], h: HistoryColumn): unknown => {
    const i = index.get(h);
    return i === undefined ? undefined : cells[i];
  };
  const rows: StoredHistoryRow[] = [];
  const problems: HistoryProblem[] = [];
  const taken = new Set<string>();
  const firstRowOf = new Map<string, number>();
  const periodsByKpi = new Map<string, Period[]>();
  let nextRow = Math.max(2, values.length + 1);
  while (nextRow > 2 && (values[nextRow - 2] ?? []).every(isBlank)) nextRow--;
  if (!headerOk) return { header, headerOk, columns, rows, problems, taken, periodsByKpi, nextRow };

  for (let r = 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    if (cells.every(isBlank)) continue;
    const row = r + 1;
    const idCell = cellOf(cells, 'kpiId');
    const periodCell = cellOf(cells, 'period');
    const startCell = cellOf(cells, 'periodStart');
    const valueCell = cellOf(cells, 'value');
    const targetCell = cellOf(cells, 'target');
    const statusCell = cellOf(cells, 'status');
    const takenCell = cellOf(cells, 'takenAt');
    const nameCell = cellOf(cells, 'kpiName');
    const kpiId = readId(idCell);
    const period = parsePeriodKey(typeof periodCell === 'string' ? periodCell.trim() : periodCell);
    const reasons: string[] = [];
    if (!kpiId) reasons.push(localize(REASONS.kpiId, lang)(col('kpiId')));
    if (!period) reasons.push(localize(REASONS.period, lang)(col('period')));
    if (kpiId && period) {
      const key = historyKey(kpiId, period.key);
      const first = firstRowOf.get(key);
      if (first !== undefined) reasons.push(localize(REASONS.duplicate, lang)(first));
      else {
        firstRowOf.set(key, row);
        taken.add(key);
        const list = periodsByKpi.get(kpiId) ?? [];
        list.push(period);
        periodsByKpi.set(kpiId, list);
      }
    }
    const start =
      startCell instanceof Date ? toIso(startCell) : typeof startCell === 'string' ? startCell.trim() : startCell;
    if (period && start !== dayIso(period.start)) reasons.push(localize(REASONS.periodStart, lang)(col('periodStart')));
    const value = typeof valueCell === 'number' && Number.isFinite(valueCell) ? valueCell : null;
    if (value === null) reasons.push(localize(REASONS.value, lang)(col('value')));
    const target = isBlank(targetCell)
      ? null
      : typeof targetCell === 'number' && Number.isFinite(targetCell)
        ? targetCell
        : undefined;
    if (target === undefined) reasons.push(localize(REASONS.target, lang)(col('target')));
    const status = readStatus(statusCell);
    if (!status) reasons.push(localize(REASONS.status, lang)(col('status')));
    const takenAt =
      takenCell instanceof Date ? takenCell.toISOString() : typeof takenCell === 'string' ? takenCell.trim() : '';
    if (!isIsoDateTime(takenAt)) reasons.push(localize(REASONS.takenAt, lang)(col('takenAt')));

    if (reasons.length || !kpiId || !period || value === null || target === undefined || !status) {
      problems.push({ row, kpiId, period: period?.key ?? null, reason: reasons.join('; ') });
      continue;
    }
    const stored: StoredHistoryRow = {
      row,
      kpiId,
      period: period.key,
      periodStart: start as string,
      value,
      target,
      status,
      takenAt,
    };
    if (typeof nameCell === 'string' && nameCell.trim()) stored.kpiName = nameCell.trim();
    rows.push(stored);
  }
  return { header, headerOk, columns, rows, problems, taken, periodsByKpi, nextRow };
}
