/**
 * A small evaluator for conditional-format custom formulas (`=$C6="En retard"`,
 * `=AND(ISNUMBER(H6),H6*1>0)`): references relative to the rule's top-left cell, text and number
 * literals, comparisons, + - * /, &, AND, OR, NOT, ISNUMBER, ISBLANK, ISTEXT, ABS. Anything else
 * yields null (the rule is not drawn), never a wrong colour.
 */
type Value = string | number | boolean | null;

interface Ctx {
  offset: { row: number; column: number };
  origin: { row: number; column: number };
  get: (row: number, column: number) => unknown;
}

class Unsupported extends Error {}

function tokenize(src: string): string[] {
  const out: string[] = [];
  const re =
    /\s*("(?:[^"]|"")*"|\$?[A-Za-z]{1,3}\$?\d+|[A-Za-z_][A-Za-z0-9_.]*(?=\s*\()|TRUE|FALSE|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|<>|<=|>=|[-+*/&=<>(),])/y;
  let i = 0;
  while (i < src.length) {
    re.lastIndex = i;
    const m = re.exec(src);
    if (!m) {
      if (/^\s*$/.test(src.slice(i))) break;
      throw new Unsupported(src.slice(i));
    }
    out.push(m[1]);
    i = re.lastIndex;
  }
  return out;
}

export function evaluateCondition(
  formula: string,
  offset: Ctx['offset'],
  origin: Ctx['origin'],
  get: Ctx['get'],
): Value {
  try {
    const tokens = tokenize(formula.replace(/^=/, ''));
    let p = 0;
    const ctx: Ctx = { offset, origin, get };
    const peek = () => tokens[p];
    const take = (t?: string) => {
      const tok = tokens[p++];
      if (t !== undefined && tok !== t) throw new Unsupported(`expected ${t}`);
      return tok;
    };
    const num = (v: Value): number =>
      typeof v === 'number'
        ? v
        : typeof v === 'boolean'
          ? Number(v)
          : v === null || v === ''
            ? 0
            : Number.isFinite(Number(v))
              ? Number(v)
              : NaN;
    const cmp = (): Value => {
      let left = concat();
      while (['=', '<>', '<', '>', '<=', '>='].includes(peek())) {
        const op = take();
        const right = concat();
        const a = typeof left === 'string' && typeof right === 'string' ? left.toLowerCase() : left;
        const b = typeof left === 'string' && typeof right === 'string' ? right.toLowerCase() : right;
        const both = typeof a === typeof b;
        const [x, y] = both ? [a as number | string, b as number | string] : [num(a), num(b)];
        left =
          op === '='
            ? both
              ? x === y
              : a === b
            : op === '<>'
              ? !(both ? x === y : a === b)
              : op === '<'
                ? x < y
                : op === '>'
                  ? x > y
                  : op === '<='
                    ? x <= y
                    : x >= y;
      }
      return left;
    };
    const concat = (): Value => {
      let left = sum();
      while (peek() === '&') {
        take();
        left = `${left ?? ''}${sum() ?? ''}`;
      }
      return left;
    };
    const sum = (): Value => {
      let left = product();
      while (peek() === '+' || peek() === '-') {
        const op = take();
        const right = product();
        left = op === '+' ? num(left) + num(right) : num(left) - num(right);
      }
      return left;
    };
    const product = (): Value => {
      let left = unary();
      while (peek() === '*' || peek() === '/') {
        const op = take();
        const right = unary();
        left = op === '*' ? num(left) * num(right) : num(left) / num(right);
      }
      return left;
    };
    const unary = (): Value => {
      if (peek() === '-') return (take(), -num(unary()));
      if (peek() === '+') return (take(), num(unary()));
      return atom();
    };
    const atom = (): Value => {
      const tok = take();
      if (tok === undefined) throw new Unsupported('end');
      if (tok === '(') {
        const v = cmp();
        take(')');
        return v;
      }
      if (tok.startsWith('"')) return tok.slice(1, -1).replace(/""/g, '"');
      if (/^\d/.test(tok)) return Number(tok);
      if (tok === 'TRUE' || tok === 'FALSE') return tok === 'TRUE';
      const ref = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(tok);
      if (ref) {
        let column = 0;
        for (const ch of ref[2].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
        const row = Number(ref[4]) + (ref[3] ? 0 : ctx.offset.row);
        const col = column + (ref[1] ? 0 : ctx.offset.column);
        const v = ctx.get(row, col);
        return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean'
          ? v
          : v === null || v === undefined
            ? ''
            : String(v);
      }
      const name = tok.toUpperCase();
      take('(');
      const args: Value[] = [];
      if (peek() !== ')') {
        args.push(cmp());
        while (peek() === ',') take(), args.push(cmp());
      }
      take(')');
      switch (name) {
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
          return Math.abs(num(args[0]));
        default:
          throw new Unsupported(name);
      }
    };
    const v = cmp();
    if (p !== tokens.length) throw new Unsupported('trailing');
    return v;
  } catch {
    return null;
  }
}
