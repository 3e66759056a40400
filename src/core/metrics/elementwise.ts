import { KpiError, type Problem } from './errors';
import { cellNumber, cellWhere, finite, gridWidth, toGrid, type Arg, type Check, type Result } from './input';

export interface Operand {
  name: string;
  arg: Arg;
  /** Value used when the argument is omitted or blank; absent means the argument is required. */
  fallback?: number;
  check?: Check;
}

/** Problems that only mean "no value for this row" when a whole column is computed. */
const UNDEFINED_FOR_ROW = new Set<Problem['code']>(['zero_denominator', 'target_equals_baseline']);

/**
 * Applies `compute` cell by cell. Every operand is a single cell or a row/column of one common
 * length; single cells are used for every row. All single cells give a single value (and errors
 * are thrown); any range gives a column (or a row) where undefined rows are empty cells.
 */
/** One number per operand, in the operands' order (a tuple when the operands are a literal list). */
export type OperandValues<O extends readonly Operand[]> = { [K in keyof O]: number };

export function elementwise<const O extends readonly Operand[]>(
  fn: string,
  operands: O,
  compute: (xs: OperandValues<O>) => number | Problem,
): Result {
  const inputs = operands.map((o) => ({ ...o, grid: toGrid(o.arg) }));
  let length = 1;
  let horizontal = false;
  /** The first operand that is a range: its length is the one every other range must have. */
  let lead: string | null = null;
  for (const { grid: g, name } of inputs) {
    const rows = g.length;
    const cols = gridWidth(g);
    if (rows > 1 && cols > 1) throw new KpiError(fn, { code: 'not_a_series', rows, columns: cols }, { arg: name });
    const size = rows * cols;
    if (size <= 1) continue;
    if (lead === null) {
      lead = name;
      length = size;
      horizontal = rows === 1;
    } else if (size !== length) {
      const axis = horizontal ? 'columns' : 'rows';
      throw new KpiError(
        fn,
        { code: 'size_mismatch', other: lead, rows: size, otherRows: length, axis },
        { arg: name },
      );
    }
  }

  const vector = lead !== null;
  const out: (number | string)[] = new Array(length);
  const xs = new Array<number>(operands.length);
  for (let k = 0; k < length; k++) {
    let blank = false;
    for (const [i, o] of inputs.entries()) {
      const g = o.grid;
      const size = g.length * gridWidth(g);
      const r = size <= 1 ? 0 : g.length === 1 ? 0 : k;
      const c = size <= 1 ? 0 : g.length === 1 ? k : 0;
      const where = () => (size <= 1 ? { arg: o.name } : cellWhere(o.name, g, r, c));
      const v = size === 0 ? null : cellNumber(fn, g[r]?.[c], where);
      if (v === null) {
        if (o.fallback !== undefined) xs[i] = o.fallback;
        else if (vector) blank = true;
        else throw new KpiError(fn, { code: 'empty' }, { arg: o.name });
        continue;
      }
      const problem = o.check?.(v);
      if (problem) throw new KpiError(fn, problem, where());
      xs[i] = v;
    }
    if (blank) {
      out[k] = '';
      continue;
    }
    // Every operand set its entry (or the row was blank and skipped): xs holds one number per operand.
    const y = compute(xs as unknown as OperandValues<O>);
    if (typeof y === 'number') out[k] = finite(fn, y);
    else if (vector && UNDEFINED_FOR_ROW.has(y.code)) out[k] = '';
    else
      throw new KpiError(
        fn,
        y,
        vector ? { row: horizontal ? undefined : k + 1, column: horizontal ? k + 1 : undefined } : {},
      );
  }
  if (!vector) return out[0] as number;
  return horizontal ? [out] : out.map((x) => [x]);
}
