/** Deterministic test data: a seeded PRNG, and ranges shaped as Sheets passes them (rows of cells). */

import { prng } from '../scripts/prng';

export { prng };

/** A KPI over time: a level, a drift per period, a seasonal wave and noise, rounded to cents. */
export function kpiSeries(n: number, seed: number): number[] {
  const rnd = prng(seed);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const y = 5000 + 0.25 * i + 300 * Math.sin((2 * Math.PI * i) / 12) + (rnd() - 0.5) * 400;
    out[i] = Math.round(y * 100) / 100;
  }
  return out;
}

/** A column as Sheets passes it to a custom function: n rows × 1 column. */
export const asColumn = (xs: readonly number[]): number[][] => xs.map((x) => [x]);

/** 1, 2, …, n. */
export const oneToN = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

/** Acquisition data: `lines` cost columns per period (cents) and whole new-customer counts. */
export function acquisitionTable(
  rows: number,
  lines: number,
  seed: number,
): { spend: number[][]; newCustomers: number[][] } {
  const rnd = prng(seed);
  const spend = new Array<number[]>(rows);
  const newCustomers = new Array<number[]>(rows);
  for (let r = 0; r < rows; r++) {
    const row = new Array<number>(lines);
    for (let l = 0; l < lines; l++) row[l] = Math.round(rnd() * 250_000) / 100;
    spend[r] = row;
    newCustomers[r] = [Math.floor(rnd() * 40)];
  }
  return { spend, newCustomers };
}
