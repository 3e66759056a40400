import type { CellValue } from '../core/metrics';

/**
 * The worked examples of FUNCTIONS.md, as data. Unit, formula-engine and bundle tests all run
 * these, and the README's function reference prints them. Not imported by the pushed bundle.
 */
export interface Example {
  formula: string;
  /** Column letter → values from row 2 down (null is a blank cell). */
  cells?: Record<string, CellValue[]>;
  /** A number, a column of results ("" for an empty cell), or part of the English error message. */
  expect: number | (number | '')[] | { error: string };
  /** How the data reads, for the README. */
  data?: string;
}

export const EXAMPLES: Example[] = [
  {
    formula: '=CAC(B2:B4, C2:C4)',
    cells: { B: [1000, 2000, 3000], C: [10, 20, 0] },
    data: 'spend 1000, 2000, 3000; new 10, 20, 0',
    expect: 200,
  },
  {
    formula: '=CAC(B2:B4, C2:C4, TRUE)',
    cells: { B: [1000, 2000, 3000], C: [10, 20, 0] },
    data: 'same',
    expect: [100, 100, ''],
  },
  {
    formula: '=CAC(B2:C3, D2:D3)',
    cells: { B: [500, 1000], C: [500, 1000], D: [10, 20] },
    data: 'spend rows (500, 500), (1000, 1000); new 10, 20',
    expect: 100,
  },
  { formula: '=LTV(100, 5%)', expect: 2000 },
  { formula: '=LTV(100, 5%, 80%)', expect: 1600 },
  { formula: '=LTV(100, 0, 1, 1%)', expect: 10100 },
  { formula: '=LTV_CAC(500, 100)', expect: 5 },
  { formula: '=CAC_PAYBACK(1200, 100, 80%)', expect: 15 },
  {
    formula: '=CHURN_RATE(B2:B3, C2:C3)',
    cells: { B: [5, 10], C: [100, 200] },
    data: 'lost 5, 10; start 100, 200',
    expect: 0.05,
  },
  { formula: '=NPS(A2:A8)', cells: { A: [10, 9, 8, 7, 6, 0, 10] }, data: '10, 9, 8, 7, 6, 0, 10', expect: 100 / 7 },
  { formula: '=KPI_TREND(A2:A5)', cells: { A: [8, 8, 8, 12] }, data: '8, 8, 8, 12', expect: 0.5 },
  {
    formula: '=KPI_TREND(A2:A13)',
    cells: { A: [8, 10, 12, null, null, null, null, null, null, null, null, null] },
    data: '8, 10, 12, (9 blanks)',
    expect: 0.2,
  },
  { formula: '=KPI_TREND(A2:A5, "delta", 3)', cells: { A: [8, 8, 8, 12] }, data: '8, 8, 8, 12', expect: 4 },
  { formula: '=KPI_TREND(A2:A6, "slope")', cells: { A: [1, 3, 5, 7, 9] }, data: '1, 3, 5, 7, 9', expect: 2 },
  { formula: '=KPI_TREND(A2:A6, "forecast", 2)', cells: { A: [1, 3, 5, 7, 9] }, data: '1, 3, 5, 7, 9', expect: 13 },
  { formula: '=KPI_PROGRESS(7, 5, 10)', expect: 0.6 },
  {
    formula: '=CAC(B2:B4, C2:C4)',
    cells: { B: [1000, 2000, 3000], C: [0, 0, null] },
    data: 'new customers 0, 0, blank',
    expect: { error: 'no new customers' },
  },
  { formula: '=LTV(100, 0)', expect: { error: 'churn 0 without a discount rate has no finite value' } },
  { formula: '=LTV(100, 120%)', expect: { error: 'churn rate above 100 %' } },
  {
    formula: '=CAC(B2:B4, C2:C3)',
    cells: { B: [1000, 2000, 3000], C: [10, 20] },
    data: 'spend 3 rows, new customers 2 rows',
    expect: { error: 'spend has 3 rows but new_customers has 2 rows' },
  },
  {
    formula: '=KPI_TREND(A2:A3)',
    cells: { A: [0, 5] },
    data: '0, 5',
    expect: { error: 'change from 0 is undefined (use "delta")' },
  },
];

/** The error text an example expects, if it expects an error. */
export const expectedError = (e: Example): string | undefined =>
  typeof e.expect === 'object' && !Array.isArray(e.expect) ? e.expect.error : undefined;
