/**
 * The one place a formula tree becomes text. Separators and decimals come from the syntax;
 * parentheses are added where precedence needs them, and also wherever engines could read the
 * text differently (a negative base of "^", a negation on the right of an operator, chained
 * comparisons), so that Sheets and the emulator's engine compute the same thing.
 */
import { type BinaryOperator, type Expr, FormulaBuildError, lift, type Operand } from './expr';
import type { FormulaSyntax } from './syntax';

const PRECEDENCE: Record<BinaryOperator, number> = {
  '=': 1,
  '<>': 1,
  '<': 1,
  '<=': 1,
  '>': 1,
  '>=': 1,
  '&': 2,
  '+': 3,
  '-': 3,
  '*': 4,
  '/': 4,
  '^': 5,
};

/** Binds tighter than any binary operator. */
const ATOM = 9;

function precedenceOf(e: Expr): number {
  if (e.kind === 'binary') return PRECEDENCE[e.op];
  return ATOM;
}

/** A negation (or a negative literal): parenthesised wherever it is not the leftmost operand. */
const isSigned = (e: Expr): boolean =>
  e.kind === 'unary' || (e.kind === 'number' && (e.value < 0 || Object.is(e.value, -0)));

/** A number as the syntax writes it, without exponent notation (num() refuses NaN and infinities). */
export function numberText(value: number, syntax: FormulaSyntax): string {
  const v = Object.is(value, -0) ? 0 : value;
  let s = String(v);
  if (/e/i.test(s)) {
    if (Math.abs(v) >= 1e21 || (v !== 0 && Math.abs(v) < 1e-15))
      throw new FormulaBuildError(`formula: no literal for ${v}`);
    s = v.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
  }
  return syntax.decimalSeparator === '.' ? s : s.replace('.', syntax.decimalSeparator);
}

export const textLiteral = (s: string): string => `"${s.replace(/"/g, '""')}"`;

export interface RenderOptions {
  /** A space after each argument separator, for formulas shown to people (Sheets reads them too). */
  spaced?: boolean;
}

export function renderExpr(e: Expr, syntax: FormulaSyntax, options: RenderOptions = {}): string {
  const r = (x: Expr) => renderExpr(x, syntax, options);
  switch (e.kind) {
    case 'number':
      return numberText(e.value, syntax);
    case 'text':
      return textLiteral(e.value);
    case 'boolean':
      return e.value ? 'TRUE' : 'FALSE';
    case 'error':
      return e.code;
    case 'ref':
      return e.a1;
    case 'name':
      return e.name;
    case 'omitted':
      return '';
    case 'group':
      return `(${r(e.inner)})`;
    case 'call':
      return `${e.fn}(${e.args.map(r).join(options.spaced ? `${syntax.argumentSeparator} ` : syntax.argumentSeparator)})`;
    case 'array':
      return `{${e.rows.map((row) => row.map(r).join(syntax.arrayColumnSeparator)).join(syntax.arrayRowSeparator)}}`;
    case 'unary': {
      const inner = r(e.arg);
      return `${e.op}${precedenceOf(e.arg) < ATOM || isSigned(e.arg) ? `(${inner})` : inner}`;
    }
    case 'percent': {
      const inner = r(e.arg);
      return `${precedenceOf(e.arg) < ATOM || isSigned(e.arg) ? `(${inner})` : inner}%`;
    }
    case 'binary': {
      const p = PRECEDENCE[e.op];
      const left = r(e.left);
      const right = r(e.right);
      // Left-associative; "^" and comparisons get parentheses on both sides when nested.
      const wrapLeft = precedenceOf(e.left) < p || (precedenceOf(e.left) === p && (e.op === '^' || p === 1));
      const wrapRight = precedenceOf(e.right) <= p;
      return (
        (wrapLeft || (e.op === '^' && isSigned(e.left)) ? `(${left})` : left) +
        e.op +
        (wrapRight || isSigned(e.right) ? `(${right})` : right)
      );
    }
  }
}

/** The formula's text as a cell, a rule or the Sheets API takes it: `=` followed by the expression. */
export function formula(e: Operand, syntax: FormulaSyntax, options: RenderOptions = {}): string {
  return `=${renderExpr(lift(e), syntax, options)}`;
}
