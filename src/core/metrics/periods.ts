import { at } from '../arrays';
import { KpiError, type Problem } from './errors';
import { maxAbs, scaleFor } from './exact';
import {
  cellNumber,
  cellWhere,
  finite,
  gridWidth,
  toGrid,
  type Arg,
  type Check,
  type CellValue,
  type Result,
} from './input';

/**
 * A numerator and a denominator per period, read from two ranges that line up.
 * Periods run down the rows; when the denominator is a single row they run across the columns
 * (months laid out left to right), and the result follows the same layout.
 */
export interface PeriodTable {
  horizontal: boolean;
  /** Per period, the numerator's non-blank cells (several cost lines, summed), or null if all blank. */
  numerator: (number[] | null)[];
  denominator: (number | null)[];
}

interface Side {
  name: string;
  arg: Arg;
  check?: Check;
}

export function readPeriodTable(fn: string, num: Side & { multiLine: boolean }, den: Side): PeriodTable {
  const dg = toGrid(den.arg);
  const ng = toGrid(num.arg);
  const dRows = dg.length;
  const dCols = gridWidth(dg);
  if (dRows > 1 && dCols > 1)
    throw new KpiError(fn, { code: 'not_one_column', rows: dRows, columns: dCols }, { arg: den.name });
  const horizontal = dRows === 1 && dCols > 1;
  const n = horizontal ? dCols : dRows;
  const nRows = ng.length;
  const nCols = gridWidth(ng);

  // Numerator cell (period p, line l) → position in its own grid.
  let at: (p: number, l: number) => [number, number];
  let lines: number;
  const along = horizontal ? nCols : nRows;
  const across = horizontal ? nRows : nCols;
  if (along === n) {
    lines = across;
    at = horizontal ? (p, l) => [l, p] : (p, l) => [p, l];
  } else if (n > 1 && (nRows === 1 || nCols === 1) && nRows * nCols === n) {
    // A column paired with a row of the same length: unambiguous, so accepted.
    lines = 1;
    at = nRows === 1 ? (p) => [0, p] : (p) => [p, 0];
  } else {
    const axis = horizontal ? 'columns' : 'rows';
    throw new KpiError(
      fn,
      { code: 'size_mismatch', other: den.name, rows: along, otherRows: n, axis },
      { arg: num.name },
    );
  }
  if (lines > 1 && !num.multiLine) {
    throw new KpiError(fn, { code: 'not_one_column', rows: nRows, columns: nCols }, { arg: num.name });
  }

  const read = (side: Side, grid: CellValue[][], r: number, c: number): number | null => {
    const v = cellNumber(fn, grid[r]?.[c], () => cellWhere(side.name, grid, r, c));
    if (v !== null && side.check) {
      const problem = side.check(v);
      if (problem) throw new KpiError(fn, problem, cellWhere(side.name, grid, r, c));
    }
    return v;
  };

  const numerator: (number[] | null)[] = new Array(n);
  const denominator: (number | null)[] = new Array(n);
  for (let p = 0; p < n; p++) {
    denominator[p] = horizontal ? read(den, dg, 0, p) : read(den, dg, p, 0);
    let cells: number[] | null = null;
    for (let l = 0; l < lines; l++) {
      const [r, c] = at(p, l);
      const v = read(num, ng, r, c);
      if (v !== null) {
        cells ??= [];
        cells.push(v);
      }
    }
    numerator[p] = cells;
  }
  return { horizontal, numerator, denominator };
}

/**
 * Σ a ÷ Σ b without overflowing where the ratio is finite: both sides are summed after the same
 * exact scaling (exact.ts), which cancels in the ratio. A denominator that is not zero but whose
 * scaled sum underflows to 0 makes a ratio too large for a double, reported as such.
 */
function ratio(fn: string, as: readonly number[], bs: readonly number[], onZero: Problem): number {
  const scale = scaleFor(Math.max(maxAbs(as), maxAbs(bs)));
  let num = 0;
  let den = 0;
  let nonZero = false;
  for (const a of as) num += a * scale;
  for (const b of bs) {
    den += b * scale;
    if (b !== 0) nonZero = true;
  }
  if (den === 0) throw new KpiError(fn, nonZero ? { code: 'not_finite' } : onZero);
  return finite(fn, num / den);
}

/** Σ numerator ÷ Σ denominator over the periods; all-blank input and a zero total are errors. */
export function ratioOfSums(fn: string, table: PeriodTable, onZero: Problem): number {
  const as: number[] = [];
  const bs: number[] = [];
  for (let p = 0; p < table.denominator.length; p++) {
    const a = at(table.numerator, p);
    const b = at(table.denominator, p);
    if (a !== null) as.push(...a);
    if (b !== null) bs.push(b);
  }
  if (!as.length && !bs.length) throw new KpiError(fn, { code: 'empty' });
  return ratio(fn, as, bs, onZero);
}

/** One ratio per period, laid out like the input; a blank or zero denominator, or a blank numerator, gives "". */
export function ratioPerPeriod(fn: string, table: PeriodTable): Result {
  if (table.denominator.length === 0) throw new KpiError(fn, { code: 'empty' });
  const out: (number | string)[] = table.denominator.map((b, p) => {
    const a = at(table.numerator, p);
    return b === null || b === 0 || a === null ? '' : ratio(fn, a, [b], { code: 'zero_denominator' });
  });
  return table.horizontal ? [out] : out.map((x) => [x]);
}
