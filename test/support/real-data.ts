/**
 * Real-shaped KPI data with the per-period values worked out BY HAND (the arithmetic is in the
 * comments), for every layer that shows a KPI's value: core (aggregation, status), the
 * sidebar's data (bootstrap), the archived history, and the dashboards' cells (the dash stream
 * asserts its engine-computed cells against `expected`).
 *
 * Cells: `{ date: 'YYYY-MM-DD' }` is a real date cell (a Date in Sheets), a string is text as
 * typed or imported (dd/mm/yyyy dates stay text in a CSV import), numbers are numbers.
 *
 * Today is 2026-03-10 for every set (a Tuesday), so March 2026 / ISO week 2026-W11 are in progress.
 */
import type { Aggregation } from '../../src/core/kpi/aggregation';
import type { KpiStatus } from '../../src/core/kpi/status';
import type { Direction, Frequency, Unit } from '../../src/core/kpi/model';

export const TODAY = '2026-03-10';

export type FixtureCell = number | string | boolean | null | { date: string };
export const d = (iso: string): { date: string } => ({ date: iso });

export interface ExpectedPeriod {
  /** History period key. */
  period: string;
  value: number;
  rows: number;
}

export interface FixtureKpi {
  key: string;
  name: string;
  unit: Unit;
  direction: Direction;
  frequency: Frequency;
  aggregation: Aggregation;
  /** Column letters in the fixture's sheet. */
  columns: { values: string; dates?: string; categories?: string; denominator?: string };
  baseline: number | null;
  target: number | null;
  deadline: string;
  createdAt?: string;
  expected: {
    /** Every period with a value, oldest first, today's (in progress) included. */
    periods: ExpectedPeriod[];
    /** The last period is today's, still running. */
    inProgress: boolean;
    /** The period the status is about. */
    judged: string | null;
    status: KpiStatus;
    progress: number | null;
    start: string | null;
    /** The latest period's breakdown, when the KPI has categories. */
    categories?: { category: string; value: number }[];
    counts?: Partial<{ numbers: number; texts: number; blanks: number; undated: number; future: number }>;
  };
}

export interface FixtureSet {
  sheet: string;
  header: string[];
  rows: FixtureCell[][];
  kpis: FixtureKpi[];
}

/**
 * An invoice list as an accounting export gives it: three invoices a month, not sorted, dates
 * half real dates and half dd/mm/yyyy text, a credit note (negative amount, 0 days) at the
 * bottom, a row to check (text amount), a blank row, and an invoice dated next month.
 */
export const INVOICES: FixtureSet = {
  sheet: 'Factures',
  header: ['Date', 'Montant HT', 'Délai de paiement (j)'],
  rows: [
    ['12/11/2025', 1500, 40],
    [d('2025-10-03'), 1200, 30],
    ['28/10/2025', 800, 45],
    [d('2025-12-05'), 2000, 60],
    ['15/11/2025', 500, 20],
    [d('2025-10-20'), 1000, 36],
    ['02/12/2025', 700, 50],
    [d('2026-01-09'), 1800, 35],
    ['30/11/2025', 1200, 42],
    [d('2026-01-22'), 900, 25],
    ['19/12/2025', 1300, 40],
    ['07/02/2026', 1100, 30],
    [d('2026-02-14'), 600, 44],
    ['27/01/2026', 1500, 45],
    [d('2026-02-25'), 900, 56],
    ['03/03/2026', 400, 10],
    [d('2026-04-02'), 2500, 30], // dated next month: not data yet
    [null, null, null],
    ['10/02/2026', 'à vérifier', null], // text amount: reported, not counted
    ['26/02/2026', -300, 0], // credit note, the sheet's last row
  ],
  kpis: [
    {
      key: 'delay',
      name: 'Délai de paiement',
      unit: 'days',
      direction: 'lower',
      frequency: 'monthly',
      aggregation: 'average',
      columns: { values: 'C', dates: 'A' },
      baseline: null,
      target: 30,
      deadline: '2026-06-30',
      expected: {
        periods: [
          { period: '2025-10', value: 37, rows: 3 }, // (30 + 45 + 36) / 3
          { period: '2025-11', value: 34, rows: 3 }, // (40 + 20 + 42) / 3
          { period: '2025-12', value: 50, rows: 3 }, // (60 + 50 + 40) / 3
          { period: '2026-01', value: 35, rows: 3 }, // (35 + 25 + 45) / 3
          { period: '2026-02', value: 32.5, rows: 4 }, // (30 + 44 + 56 + 0) / 4: the credit note counts
          { period: '2026-03', value: 10, rows: 1 }, // month to date
        ],
        inProgress: true,
        judged: '2026-02',
        // Baseline = October's 37. Progress (32.5 − 37) / (30 − 37) = 4.5 / 7 = 0.642857. As of
        // 28 Feb: (1 Oct → 28 Feb) 150 days of (1 Oct → 30 Jun) 272 = 0.5515: ahead → on track.
        status: 'on_track',
        progress: 4.5 / 7,
        start: '2025-10-01',
        counts: { numbers: 18, blanks: 2, texts: 0, future: 1 },
      },
    },
    {
      key: 'revenue',
      name: 'Chiffre d’affaires facturé',
      unit: '€',
      direction: 'higher',
      frequency: 'monthly',
      aggregation: 'sum',
      columns: { values: 'B', dates: 'A' },
      baseline: 3000,
      target: 5000,
      deadline: '2026-12-31',
      createdAt: '2025-12-01',
      expected: {
        periods: [
          { period: '2025-10', value: 3000, rows: 3 }, // 1200 + 800 + 1000
          { period: '2025-11', value: 3200, rows: 3 }, // 1500 + 500 + 1200
          { period: '2025-12', value: 4000, rows: 3 }, // 2000 + 700 + 1300
          { period: '2026-01', value: 4200, rows: 3 }, // 1800 + 900 + 1500
          { period: '2026-02', value: 2300, rows: 4 }, // 1100 + 600 + 900 − 300 (credit note)
          { period: '2026-03', value: 400, rows: 1 }, // month to date: not judged
        ],
        inProgress: true,
        judged: '2026-02',
        // Baseline entered at creation (1 Dec 2025): start there. Progress (2300 − 3000) / 2000
        // = −0.35; as of 28 Feb, 89 of 395 days = 0.2253: behind by 0.575 → off track.
        status: 'off_track',
        progress: -0.35,
        start: '2025-12-01',
        counts: { numbers: 18, texts: 1, blanks: 1, future: 1 },
      },
    },
    {
      key: 'invoices',
      name: 'Factures émises',
      unit: 'count',
      direction: 'higher',
      frequency: 'monthly',
      aggregation: 'count',
      columns: { values: 'B', dates: 'A' },
      baseline: null,
      target: null,
      deadline: '2026-12-31',
      expected: {
        periods: [
          { period: '2025-10', value: 3, rows: 3 },
          { period: '2025-11', value: 3, rows: 3 },
          { period: '2025-12', value: 3, rows: 3 },
          { period: '2026-01', value: 3, rows: 3 },
          { period: '2026-02', value: 5, rows: 5 }, // the row to check is an invoice too
          { period: '2026-03', value: 1, rows: 1 },
        ],
        inProgress: true,
        judged: '2026-02',
        status: 'no_target',
        progress: null,
        start: '2025-10-01',
      },
    },
  ],
};

/** Daily sales from the till, real dates, a few days missing (closed, or not typed yet), not sorted. */
export const DAILY_SALES: FixtureSet = {
  sheet: 'Caisse',
  header: ['Jour', 'Ventes'],
  rows: [
    [d('2026-02-23'), 100],
    [d('2026-02-24'), 120],
    [d('2026-02-26'), 90],
    [d('2026-03-03'), 95],
    [d('2026-02-27'), 110],
    [d('2026-02-28'), 60],
    // 2026-02-25 and 2026-03-01 missing
    [d('2026-03-02'), 130],
    [d('2026-03-05'), 105],
    [d('2026-03-06'), 140],
    [d('2026-03-08'), 50],
    // 2026-03-04 and 2026-03-07 missing
    [d('2026-03-10'), 40],
    [d('2026-03-09'), 115],
  ],
  kpis: [
    {
      key: 'weekly_sales',
      name: 'Ventes hebdomadaires',
      unit: '€',
      direction: 'higher',
      frequency: 'weekly',
      aggregation: 'sum',
      columns: { values: 'B', dates: 'A' },
      baseline: null,
      target: 700,
      deadline: '2026-06-28',
      expected: {
        periods: [
          { period: '2026-W09', value: 480, rows: 5 }, // 23–28 Feb: 100 + 120 + 90 + 110 + 60
          { period: '2026-W10', value: 520, rows: 5 }, // 2–8 Mar: 130 + 95 + 105 + 140 + 50
          { period: '2026-W11', value: 155, rows: 2 }, // 9–10 Mar so far: 115 + 40
        ],
        inProgress: true,
        judged: '2026-W10',
        // Baseline = W09's 480. Progress (520 − 480) / (700 − 480) = 0.1818; as of Sunday 8 Mar,
        // (23 Feb → 8 Mar) 13 of (23 Feb → 28 Jun) 125 days = 0.104: ahead → on track.
        status: 'on_track',
        progress: 40 / 220,
        start: '2026-02-23',
      },
    },
    {
      key: 'monthly_sales',
      name: 'Ventes mensuelles',
      unit: '€',
      direction: 'higher',
      frequency: 'monthly',
      aggregation: 'sum',
      columns: { values: 'B', dates: 'A' },
      baseline: null,
      target: 3000,
      deadline: '2026-12-31',
      expected: {
        periods: [
          { period: '2026-02', value: 480, rows: 5 },
          { period: '2026-03', value: 675, rows: 7 }, // 130 + 95 + 105 + 140 + 50 + 115 + 40, month to date
        ],
        inProgress: true,
        judged: '2026-02',
        // Only February is complete: it is the first period too, so progress 0, as of 28 Feb
        // (start 1 Feb: 27 of 333 days = 0.081): behind by 0.081 ≤ 0.1 → on track.
        status: 'on_track',
        progress: 0,
        start: '2026-02-01',
      },
    },
  ],
};

/** Conversions by channel this month (no dates): the blended rate is Σ conversions ÷ Σ visitors. */
export const CHANNELS: FixtureSet = {
  sheet: 'Canaux',
  header: ['Canal', 'Visiteurs', 'Conversions'],
  rows: [
    ['Recherche', 4000, 120], // 3 %
    ['Réseaux sociaux', 2500, 30], // 1.2 %
    ['Emailing', 900, 45], // 5 %
    ['Publicité', 2600, 60], // 2.31 %: the last row's rate, what Boussole showed before
  ],
  kpis: [
    {
      key: 'conversion',
      name: 'Taux de conversion par canal',
      unit: '%',
      direction: 'higher',
      frequency: 'monthly',
      aggregation: 'ratio',
      columns: { values: 'C', denominator: 'B', categories: 'A' },
      baseline: null,
      target: 0.03,
      deadline: '2026-12-31',
      expected: {
        // (120 + 30 + 45 + 60) / (4000 + 2500 + 900 + 2600) = 255 / 10000
        periods: [{ period: '2026-03', value: 0.0255, rows: 4 }],
        inProgress: false,
        judged: '2026-03',
        // The only value is its own baseline: progress 0; as of today (9 of 305 days since 1 Mar) → on track.
        status: 'on_track',
        progress: 0,
        start: '2026-03-01',
        categories: [
          { category: 'Recherche', value: 0.03 },
          { category: 'Réseaux sociaux', value: 0.012 },
          { category: 'Emailing', value: 0.05 },
          { category: 'Publicité', value: 60 / 2600 },
        ],
      },
    },
  ],
};

/** Open support tickets, counted now and then (a stock): the period's value is its last reading. */
export const OPEN_TICKETS: FixtureSet = {
  sheet: 'Tickets',
  header: ['Relevé', 'Tickets ouverts'],
  rows: [
    [d('2026-01-12'), 38],
    [d('2026-01-05'), 42],
    [d('2026-01-31'), 40],
    [d('2026-01-19'), 45],
    [d('2026-02-07'), 36],
    [d('2026-02-28'), 34],
    [d('2026-02-14'), 33],
    [d('2026-02-21'), 35],
    [d('2026-02-28'), 31], // a second count the same day: the later row wins
    [d('2026-03-07'), 29],
  ],
  kpis: [
    {
      key: 'open_tickets',
      name: 'Tickets ouverts',
      unit: 'count',
      direction: 'lower',
      frequency: 'monthly',
      aggregation: 'last',
      columns: { values: 'B', dates: 'A' },
      baseline: 45,
      target: 25,
      deadline: '2026-06-30',
      expected: {
        periods: [
          { period: '2026-01', value: 40, rows: 4 }, // read on 31 Jan
          { period: '2026-02', value: 31, rows: 5 }, // read on 28 Feb, second count
          { period: '2026-03', value: 29, rows: 1 }, // read on 7 Mar: a stock's reading is judged
        ],
        inProgress: true,
        judged: '2026-03',
        // No creation date: start 1 Jan. Progress (29 − 45) / (25 − 45) = 0.8; as of 10 Mar,
        // 68 of 180 days = 0.378: ahead → on track.
        status: 'on_track',
        progress: 0.8,
        start: '2026-01-01',
      },
    },
  ],
};

export const REAL_DATA: readonly FixtureSet[] = [INVOICES, DAILY_SALES, CHANNELS, OPEN_TICKETS];

/** Column letter → 0-based index. */
export const columnIndex = (letter: string): number => letter.charCodeAt(0) - 65;

/** The KPI's A1 ranges on its sheet (rows 2 … n+1). */
export function rangesOf(set: FixtureSet, k: FixtureKpi): Record<string, string> {
  const last = set.rows.length + 1;
  const q = `'${set.sheet}'`;
  const out: Record<string, string> = {};
  for (const [key, c] of Object.entries(k.columns)) out[key] = `${q}!${c}2:${c}${last}`;
  return out;
}
