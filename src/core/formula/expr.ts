/**
 * A formula as a tree, so that its text is produced in one place (render.ts) for the
 * spreadsheet's syntax. Build it with the helpers below; a plain JS string is a text literal,
 * a number a number literal, a boolean TRUE/FALSE; references are explicit (`ref('A1')`).
 */

export type BinaryOperator = '+' | '-' | '*' | '/' | '^' | '&' | '=' | '<>' | '<' | '<=' | '>' | '>=';

export type Expr =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  /** An error literal such as #N/A. */
  | { readonly kind: 'error'; readonly code: string }
  /** A reference as Sheets writes it (`A1`, `$B$2:C9`, `'Ventes 2025'!B2:B`): the same in every locale. */
  | { readonly kind: 'ref'; readonly a1: string }
  /** A named range (or any bare name). */
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'call'; readonly fn: string; readonly args: readonly Expr[] }
  | { readonly kind: 'unary'; readonly op: '-' | '+'; readonly arg: Expr }
  | { readonly kind: 'percent'; readonly arg: Expr }
  | { readonly kind: 'binary'; readonly op: BinaryOperator; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'array'; readonly rows: readonly (readonly Expr[])[] }
  /** An argument left empty: `IF(A1,,1)`. */
  | { readonly kind: 'omitted' }
  /** Parentheses as typed (the parser keeps them; the renderer adds only those precedence needs). */
  | { readonly kind: 'group'; readonly inner: Expr };

/** What the helpers accept: a tree, or a JS literal (string = text, number, boolean). */
export type Operand = Expr | string | number | boolean;

export class FormulaBuildError extends Error {
  override name = 'FormulaBuildError';
}

export function isExpr(x: unknown): x is Expr {
  return typeof x === 'object' && x !== null && typeof (x as { kind?: unknown }).kind === 'string';
}

export function lift(x: Operand): Expr {
  if (typeof x === 'string') return text(x);
  if (typeof x === 'number') return num(x);
  if (typeof x === 'boolean') return { kind: 'boolean', value: x };
  return x;
}

export function num(value: number): Expr {
  if (!Number.isFinite(value)) throw new FormulaBuildError(`formula: ${value} is not a finite number`);
  return { kind: 'number', value };
}

export const text = (value: string): Expr => ({ kind: 'text', value });

export const bool = (value: boolean): Expr => ({ kind: 'boolean', value });

const SHEET = "(?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!";
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const END = String.raw`(?:\$?[A-Za-z]{1,3}\$?\d*|\$?\d+)`;
/** A cell, a range, an open range (`A2:A`), whole columns (`A:C`) or rows (`2:5`), with an optional sheet. */
export const REFERENCE_PATTERN = String.raw`(?:${SHEET})?(?:${CELL}(?::${END})?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}\$?\d*|\$?\d+:\$?\d+)`;
const REFERENCE = new RegExp(`^${REFERENCE_PATTERN}$`);

/** A reference (A1 notation, sheet quoted where Sheets needs it). */
export function ref(a1: string): Expr {
  if (!REFERENCE.test(a1)) throw new FormulaBuildError(`formula: ${JSON.stringify(a1)} is not an A1 reference`);
  return { kind: 'ref', a1 };
}

const FUNCTION_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** A function call: `call('IF', cond, a, b)`. */
export function call(fn: string, ...args: Operand[]): Expr {
  if (!FUNCTION_NAME.test(fn)) throw new FormulaBuildError(`formula: ${JSON.stringify(fn)} is not a function name`);
  return { kind: 'call', fn: fn.toUpperCase(), args: args.map(lift) };
}

export const omitted: Expr = Object.freeze({ kind: 'omitted' });

const binary =
  (op: BinaryOperator) =>
  (left: Operand, right: Operand): Expr => ({ kind: 'binary', op, left: lift(left), right: lift(right) });

export const add = binary('+');
export const sub = binary('-');
export const mul = binary('*');
export const div = binary('/');
export const pow = binary('^');
export const eq = binary('=');
export const ne = binary('<>');
export const lt = binary('<');
export const le = binary('<=');
export const gt = binary('>');
export const ge = binary('>=');

/** `a & b & c`. */
export function concat(first: Operand, ...rest: Operand[]): Expr {
  return rest.reduce<Expr>((acc, x) => ({ kind: 'binary', op: '&', left: acc, right: lift(x) }), lift(first));
}

/**
 * A decimal written as a ratio of integers (0.25 → 25/100, 0.5 → 5/10): a formula then holds no
 * decimal literal, the one token whose reading depends on the locale's decimal separator.
 */
export function ratio(value: number): Expr {
  if (Number.isInteger(value)) return num(value);
  for (let scale = 10; scale <= 1e6; scale *= 10) {
    const n = Math.round(value * scale);
    if (Math.abs(n / scale - value) < 1e-12 * Math.max(1, Math.abs(value))) return div(n, scale);
  }
  throw new FormulaBuildError(`formula: ${value} has more than 6 decimals`);
}

export const neg = (arg: Operand): Expr => ({ kind: 'unary', op: '-', arg: lift(arg) });

/** An array literal `{a, b; c, d}`. Prefer a range: Sheets and other engines read inline arrays differently. */
export function array(rows: readonly (readonly Operand[])[]): Expr {
  if (rows.length === 0 || rows.some((r) => r.length !== rows[0]?.length || r.length === 0))
    throw new FormulaBuildError('formula: an array literal needs rows of the same, non-zero length');
  return { kind: 'array', rows: rows.map((r) => r.map(lift)) };
}

/**
 * The built-in functions Boussole writes, each one computed by Google Sheets and by the
 * emulator's engine (HyperFormula), so a test computes what a user's sheet shows. SPARKLINE is
 * Sheets-only and display-only in the emulator. A type, not a list: the bundle every
 * custom-function call loads carries none of it (the dashboard plan test checks that every
 * function a plan uses is one the engine computes).
 */
export type BuiltinFunction =
  | 'ABS'
  | 'AND'
  | 'ARRAYFORMULA'
  | 'COLUMNS'
  | 'COUNT'
  | 'COUNTIF'
  | 'DATE'
  | 'DAY'
  | 'EDATE'
  | 'EOMONTH'
  | 'FILTER'
  | 'IF'
  | 'IFERROR'
  | 'INDEX'
  | 'INT'
  | 'ISNUMBER'
  | 'ISOWEEKNUM'
  | 'LARGE'
  | 'LEFT'
  | 'LEN'
  | 'MAX'
  | 'MID'
  | 'MIN'
  | 'MOD'
  | 'MONTH'
  | 'OR'
  | 'REPT'
  | 'RIGHT'
  | 'ROUND'
  | 'ROUNDUP'
  | 'ROWS'
  | 'SEQUENCE'
  | 'SMALL'
  | 'SPARKLINE'
  | 'SUM'
  | 'SUMIFS'
  | 'TODAY'
  | 'VALUE'
  | 'WEEKDAY'
  | 'YEAR';

/** `F.IF(cond, a, b)`, `F.TODAY()`: a typed constructor per built-in function above. */
export const F = new Proxy({} as Readonly<Record<BuiltinFunction, (...args: Operand[]) => Expr>>, {
  get:
    (_, name) =>
    (...args: Operand[]) =>
      call(String(name), ...args),
});
