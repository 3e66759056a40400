/**
 * The history sheet's rows (a contract shared with the dashboards): a header row, then columns
 * A..G = kpiId | period | periodStart | value | target | status | takenAt.
 *
 * Decoding never throws and never drops anything: a row that does not read cleanly is reported
 * with its row number and left exactly as it is in the sheet (the add-on never rewrites a
 * history row). Its (kpiId, period) still counts as taken when those two cells read, so a
 * broken row is never "repaired" by a second row for the same period.
 */
import type { Lang } from '../i18n/lang';
import { KPI_STATUSES, type KpiStatus } from '../kpi/status';
import { dayIso } from '../kpi/dates';
import { parsePeriodKey, type Period } from './periods';
import { isIsoDateTime } from './time';

export const HISTORY_KIND = 'history';
export const HISTORY_SCHEMA_VERSION = 1;
export const HISTORY_HEADER = ['kpiId', 'period', 'periodStart', 'value', 'target', 'status', 'takenAt'] as const;
/**
 * Number formats per column, as the sheet is created (src/addon/dashboard/history-sheet.ts): B, C
 * and G plain text, where Sheets would otherwise turn `2026-06` into a date; the rest automatic.
 */
export const HISTORY_FORMATS = ['General', '@', '@', 'General', 'General', 'General', '@'] as const;

export const STATUSES: readonly KpiStatus[] = KPI_STATUSES;

export interface HistoryRow {
  kpiId: string;
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
  /** False when A1:G1 is not the expected header: columns were moved, nothing may be appended. */
  headerOk: boolean;
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

/** The cells of a row, A..G. */
export function encodeHistoryRow(r: HistoryRow): (string | number)[] {
  return [r.kpiId, r.period, r.periodStart, r.value, r.target ?? '', r.status, r.takenAt];
}

const REASONS = {
  kpiId: { fr: 'identifiant de KPI manquant ou invalide (colonne A)', en: 'missing or invalid KPI id (column A)' },
  period: {
    fr: 'période illisible (colonne B) ; attendu : 2026-06-15, 2026-W24, 2026-06 ou 2026-Q2',
    en: 'unreadable period (column B); expected 2026-06-15, 2026-W24, 2026-06 or 2026-Q2',
  },
  periodStart: {
    fr: 'début de période absent ou différent de celui de la période (colonne C)',
    en: 'period start missing or not the start of the period (column C)',
  },
  value: { fr: 'valeur non numérique (colonne D)', en: 'value is not a number (column D)' },
  target: { fr: 'cible non numérique (colonne E)', en: 'target is not a number (column E)' },
  status: { fr: 'statut inconnu (colonne F)', en: 'unknown status (column F)' },
  takenAt: { fr: 'horodatage illisible (colonne G)', en: 'unreadable timestamp (column G)' },
  duplicate: {
    fr: (row: number) => `période déjà archivée ligne ${row}`,
    en: (row: number) => `period already archived on row ${row}`,
  },
};

const readId = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' && !/\s/.test(v.trim()) && v.trim().length <= 64 ? v.trim() : null;

/**
 * Reads the history from `getValues()` of A1:G(last row). `toIso` turns a Date (a periodStart
 * cell that lost its text format) into the ISO day the sheet shows.
 */
export function decodeHistory(values: unknown[][], lang: Lang, toIso: (d: Date) => string): DecodedHistory {
  const header = (values[0] ?? []).slice(0, HISTORY_HEADER.length).map((h) => String(h ?? '').trim());
  const headerOk = values.length === 0 || HISTORY_HEADER.every((h, i) => header[i] === h);
  const rows: StoredHistoryRow[] = [];
  const problems: HistoryProblem[] = [];
  const taken = new Set<string>();
  const firstRowOf = new Map<string, number>();
  const periodsByKpi = new Map<string, Period[]>();
  let nextRow = Math.max(2, values.length + 1);
  while (nextRow > 2 && (values[nextRow - 2] ?? []).every(isBlank)) nextRow--;

  for (let r = 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    if (cells.slice(0, HISTORY_HEADER.length).every(isBlank)) continue;
    const row = r + 1;
    const [idCell, periodCell, startCell, valueCell, targetCell, statusCell, takenCell] = cells;
    const kpiId = readId(idCell);
    const period = parsePeriodKey(typeof periodCell === 'string' ? periodCell.trim() : periodCell);
    const reasons: string[] = [];
    if (!kpiId) reasons.push(REASONS.kpiId[lang]);
    if (!period) reasons.push(REASONS.period[lang]);
    if (kpiId && period) {
      const key = historyKey(kpiId, period.key);
      const first = firstRowOf.get(key);
      if (first !== undefined) reasons.push(REASONS.duplicate[lang](first));
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
    if (period && start !== dayIso(period.start)) reasons.push(REASONS.periodStart[lang]);
    const value = typeof valueCell === 'number' && Number.isFinite(valueCell) ? valueCell : null;
    if (value === null) reasons.push(REASONS.value[lang]);
    const target = isBlank(targetCell)
      ? null
      : typeof targetCell === 'number' && Number.isFinite(targetCell)
        ? targetCell
        : undefined;
    if (target === undefined) reasons.push(REASONS.target[lang]);
    const status = STATUSES.find((s) => s === (typeof statusCell === 'string' ? statusCell.trim() : statusCell));
    if (!status) reasons.push(REASONS.status[lang]);
    const takenAt =
      takenCell instanceof Date ? takenCell.toISOString() : typeof takenCell === 'string' ? takenCell.trim() : '';
    if (!isIsoDateTime(takenAt)) reasons.push(REASONS.takenAt[lang]);

    if (reasons.length) {
      problems.push({ row, kpiId, period: period?.key ?? null, reason: reasons.join('; ') });
      continue;
    }
    rows.push({
      row,
      kpiId: kpiId!,
      period: period!.key,
      periodStart: start as string,
      value: value!,
      target: target!,
      status: status!,
      takenAt,
    });
  }
  return { header, headerOk, rows, problems, taken, periodsByKpi, nextRow };
}
