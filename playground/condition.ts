/**
 * A small evaluator for conditional-format custom formulas (`=$C6="En retard"`,
 * `=AND(ISNUMBER(H6);H6*1>0)`), read in the sheet's locale syntax by the same parser the emulator
 * uses: references relative to the rule's top-left cell, text and number literals, comparisons,
 * + - * / ^, &, AND, OR, NOT, ISNUMBER, ISBLANK, ISTEXT, ABS. Anything else yields null (the rule
 * is not drawn), never a wrong colour.
 */
import { type Expr, type FormulaSyntax, parseFormula } from '../src/core/formula';

type Value = string | number | boolean | null;

interface Ctx {
  offset: { row: number; column: number };
  get: (row: number, column: number) => unknown;
}

class Unsupported extends Error {}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;

const num = (v: Value): number =>
  typeof v === 'number'
    ? v
    : typeof v === 'boolean'
      ? Number(v)
      : v === null || v === ''
        ? 0
        : Number.isFinite(Number(v))
          ? Number(v)
          : Number.NaN;

function compare(op: string, left: Value, right: Value): boolean {
  const a = typeof left === 'string' && typeof right === 'string' ? left.toLowerCase() : left;
  const b = typeof left === 'string' && typeof right === 'string' ? right.toLowerCase() : right;
  const both = typeof a === typeof b;
  const [x, y] = both ? [a as number | string, b as number | string] : [num(a), num(b)];
  switch (op) {
    case '=':
      return both ? x === y : a === b;
    case '<>':
      return !(both ? x === y : a === b);
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    default:
      return x >= y;
  }
}

function evaluate(e: Expr, ctx: Ctx): Value {
  switch (e.kind) {
    case 'number':
    case 'text':
    case 'boolean':
      return e.value;
    case 'group':
      return evaluate(e.inner, ctx);
    case 'unary':
      return e.op === '-' ? -num(evaluate(e.arg, ctx)) : num(evaluate(e.arg, ctx));
    case 'percent':
      return num(evaluate(e.arg, ctx)) / 100;
    case 'ref': {
      const m = CELL.exec(e.a1);
      if (!m) throw new Unsupported(e.a1);
      let column = 0;
      for (const ch of (m[2] as string).toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
      const row = Number(m[4]) + (m[3] ? 0 : ctx.offset.row);
      const col = column + (m[1] ? 0 : ctx.offset.column);
      const v = ctx.get(row, col);
      return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean'
        ? v
        : v === null || v === undefined
          ? ''
          : String(v);
    }
    case 'binary': {
      const left = evaluate(e.left, ctx);
      const right = evaluate(e.right, ctx);
      switch (e.op) {
        case '&':
          return `${left ?? ''}${right ?? ''}`;
        case '+':
          return num(left) + num(right);
        case '-':
          return num(left) - num(right);
        case '*':
          return num(left) * num(right);
        case '/':
          return num(left) / num(right);
        case '^':
          return num(left) ** num(right);
        default:
          return compare(e.op, left, right);
      }
    }
    case 'call': {
      const args = e.args.map((a) => evaluate(a, ctx));
      switch (e.fn) {
        case 'AND':
          return args.every((a) => Boolean(a));
        case 'OR':
          return args.some((a) => Boolean(a));
        case 'NOT':
          return !args[0];
        case 'ISNUMBER':
          return typeof args[0] === 'number' && Number.isFinite(args[0]);
        case 'ISBLANK':
          return args[0] === '' || args[0] === null;
        case 'ISTEXT':
          return typeof args[0] === 'string' && args[0] !== '';
        case 'ABS':
          return Math.abs(num(args[0] ?? null));
        default:
          throw new Unsupported(e.fn);
      }
    }
    default:
      throw new Unsupported(e.kind);
  }
}

export function evaluateCondition(
  formula: string,
  syntax: FormulaSyntax,
  offset: Ctx['offset'],
  get: Ctx['get'],
): Value {
  const parsed = parseFormula(formula, syntax);
  if (!parsed.ok) return null;
  try {
    return evaluate(parsed.expr, { offset, get });
  } catch {
    return null;
  }
}
