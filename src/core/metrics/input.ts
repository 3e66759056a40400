import { KpiError, type Problem, type Where } from './errors';

/** A rule a single number must satisfy; returns the problem when it does not. */
export type Check = (v: number) => Problem | undefined;

/** A cell as Apps Script hands it to a custom function: blanks are "", percents decimals, dates `Date`. */
export type CellValue = number | string | boolean | Date | null | undefined;
/** A custom-function argument: a single cell's value, or a range as rows of cells. */
export type Arg = CellValue | CellValue[][];
/** What a custom function returns: a value, or rows of cells ("" for an empty cell). */
export type Result = number | (number | string)[][];

export const isBlank = (v: unknown): boolean => v === '' || v === null || v === undefined;

/** A scalar becomes a 1×1 grid; an omitted argument an empty one. */
export function toGrid(arg: Arg): CellValue[][] {
  if (Array.isArray(arg)) return arg.length && !Array.isArray(arg[0]) ? [arg as unknown as CellValue[]] : arg;
  return arg === undefined ? [] : [[arg]];
}

export const gridWidth = (grid: CellValue[][]): number => grid[0]?.length ?? 0;

const ERROR_VALUE = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|GETTING_DATA)$/;

const isoDate = (d: Date): string => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString().slice(0, 10));

/** Where a cell sits in its own argument, naming only the axes the range has. */
export function cellWhere(arg: string, grid: CellValue[][], r: number, c: number): Where {
  const where: Where = { arg };
  if (grid.length > 1) where.row = r + 1;
  if (gridWidth(grid) > 1) where.column = c + 1;
  return where;
}

/** One cell as a number, `null` when blank; anything else that is not a finite number is an error. */
export function cellNumber(fn: string, v: CellValue, where: () => Where): number | null {
  if (typeof v === 'number') {
    if (Number.isFinite(v)) return v;
    throw new KpiError(fn, { code: 'not_a_number', value: String(v) }, where());
  }
  if (isBlank(v)) return null;
  if (typeof v === 'string') {
    const trimmed = v.trim();
    if (ERROR_VALUE.test(trimmed.toUpperCase()))
      throw new KpiError(fn, { code: 'error_value', value: trimmed }, where());
    throw new KpiError(fn, { code: 'not_a_number', value: v }, where());
  }
  if (v instanceof Date) throw new KpiError(fn, { code: 'not_a_number', value: isoDate(v) }, where());
  throw new KpiError(fn, { code: 'not_a_number', value: String(v) }, where());
}

/** A single value: a cell, or a 1×1 range. Larger ranges are an error. */
export function single(fn: string, name: string, arg: Arg): CellValue {
  if (!Array.isArray(arg)) return arg;
  const grid = toGrid(arg);
  if (grid.length === 0) return undefined;
  if (grid.length === 1 && gridWidth(grid) === 1) return grid[0]?.[0];
  throw new KpiError(fn, { code: 'not_single', rows: grid.length, columns: gridWidth(grid) }, { arg: name });
}

/** An optional number argument: omitted or blank gives `fallback`. */
export function optionalNumber(fn: string, name: string, arg: Arg, fallback: number, check?: Check): number {
  const v = single(fn, name, arg);
  const n = cellNumber(fn, v, () => ({ arg: name }));
  if (n === null) return fallback;
  const problem = check?.(n);
  if (problem) throw new KpiError(fn, problem, { arg: name });
  return n;
}

/** An optional boolean (`by_period`): omitted or blank is FALSE; 1/0 are accepted as Sheets would. */
export function optionalBoolean(fn: string, name: string, arg: Arg): boolean {
  const v = single(fn, name, arg);
  if (isBlank(v)) return false;
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 0) return v === 1;
  throw new KpiError(fn, { code: 'not_boolean', value: v instanceof Date ? isoDate(v) : String(v) }, { arg: name });
}

/** A series: one row or one column (or a cell), oldest first. Blank cells are skipped. */
export function series(fn: string, name: string, arg: Arg, check?: Check): Float64Array {
  const grid = toGrid(arg);
  const rows = grid.length;
  const cols = gridWidth(grid);
  if (rows > 1 && cols > 1) throw new KpiError(fn, { code: 'not_a_series', rows, columns: cols }, { arg: name });
  return readNumbers(fn, name, grid, check);
}

/** Every non-blank number of a range of any shape, row by row. */
export function allNumbers(fn: string, name: string, arg: Arg, check?: Check): Float64Array {
  return readNumbers(fn, name, toGrid(arg), check);
}

/** The numbers of a grid, row by row, blanks skipped; anything else non-blank is an error at its cell. */
function readNumbers(fn: string, name: string, grid: CellValue[][], check?: Check): Float64Array {
  // One unboxed buffer the size of the range (blanks only make it shorter): no growth, no GC churn.
  let size = 0;
  for (const line of grid) size += line.length;
  const out = new Float64Array(size);
  let k = 0;
  for (const [r, line] of grid.entries()) {
    for (let c = 0; c < line.length; c++) {
      const v = line[c];
      if (typeof v === 'number' && Number.isFinite(v)) {
        const problem = check?.(v);
        if (problem) throw new KpiError(fn, problem, cellWhere(name, grid, r, c));
        out[k++] = v;
      } else if (!isBlank(v)) cellNumber(fn, v, () => cellWhere(name, grid, r, c)); // throws
    }
  }
  return k === out.length ? out : out.subarray(0, k);
}

/** The mean of a series' non-blank cells; an empty series is an error. */
export function meanOf(fn: string, name: string, arg: Arg, check?: Check): number {
  const values = series(fn, name, arg, check);
  if (!values.length) throw new KpiError(fn, { code: 'empty' }, { arg: name });
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** The mean of an optional series; omitted or all blank gives `fallback`. */
export function optionalMean(fn: string, name: string, arg: Arg, fallback: number, check?: Check): number {
  const values = series(fn, name, arg, check);
  if (!values.length) return fallback;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Guards every result: a custom function never returns NaN or ±Infinity. */
export function finite(fn: string, x: number): number {
  if (!Number.isFinite(x)) throw new KpiError(fn, { code: 'not_finite' });
  return x === 0 ? 0 : x; // no -0 in a cell
}

/** The usual rules, shared by every function that reads amounts, counts and rates. */
export const checks = {
  nonNegative: ((v) => (v < 0 ? { code: 'negative', value: v } : undefined)) as Check,
  rate:
    (what: 'churn' | 'margin' | 'discount'): Check =>
    (v) =>
      v < 0 ? { code: 'negative', value: v } : v > 1 ? { code: 'above_100_percent', what, value: v } : undefined,
};
