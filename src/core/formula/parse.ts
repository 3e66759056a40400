/**
 * Reads a formula the way Sheets reads it in a given syntax, strictly: a "," between arguments
 * in a semicolon locale, a ";" between arguments or a "." decimal in a comma locale, a "\" in an
 * array of a comma locale, are all errors ("Formula parse error." in Sheets). Used by the
 * emulator (every formula written to a cell or a rule), by the check that every formula Boussole
 * writes is in its sheet's syntax, and to find which cells a custom function's argument covers.
 */
import { type BinaryOperator, type Expr, REFERENCE_PATTERN } from './expr';
import { renderExpr } from './render';
import type { FormulaSyntax } from './syntax';

export type ParseResult = { ok: true; expr: Expr } | { ok: false; error: string; at: number };

/** Sheets' message for a formula it cannot read. */
export const PARSE_ERROR_MESSAGE = 'Formula parse error.';

type Token =
  | { t: 'number'; value: number; at: number }
  | { t: 'text'; value: string; at: number }
  | { t: 'error'; code: string; at: number }
  | { t: 'ref'; a1: string; at: number }
  | { t: 'name'; name: string; at: number }
  | { t: 'op'; op: string; at: number }
  | { t: 'punct'; ch: string; at: number }
  | { t: 'end'; at: number };

class ParseFailure extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

const REF_AT = new RegExp(`${REFERENCE_PATTERN}(?![A-Za-z0-9_.(!$\u00C0-\uFFFF])`, 'y');
const NAME_AT = /[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*/y;
const ERROR_AT = /#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|ERROR!|SPILL!|CALC!)/iy;
const OPERATOR_AT = /<>|<=|>=|[=<>+\-*/^&%]/y;
const SPACE = /\s/;

function numberPattern(decimal: string): RegExp {
  const d = decimal === '.' ? String.raw`\.` : decimal;
  return new RegExp(String.raw`(?:\d+(?:${d}\d+)?|${d}\d+)(?:[eE][+-]?\d+)?(?![A-Za-z0-9_])`, 'y');
}

function tokenize(src: string, syntax: FormulaSyntax): Token[] {
  const tokens: Token[] = [];
  const NUMBER_AT = numberPattern(syntax.decimalSeparator);
  let i = 0;
  const at = (re: RegExp): string | null => {
    re.lastIndex = i;
    const m = re.exec(src);
    return m ? m[0] : null;
  };
  while (i < src.length) {
    const ch = src[i] as string;
    if (SPACE.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (ch === '"') {
      let j = i + 1;
      let value = '';
      for (;;) {
        if (j >= src.length) throw new ParseFailure('unterminated text', start);
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += src[j];
        j++;
      }
      tokens.push({ t: 'text', value, at: start });
      i = j + 1;
      continue;
    }
    let m = at(REF_AT);
    if (m) {
      tokens.push({ t: 'ref', a1: m, at: start });
      i += m.length;
      continue;
    }
    m = at(NUMBER_AT);
    if (m) {
      tokens.push({ t: 'number', value: Number(m.replace(syntax.decimalSeparator, '.')), at: start });
      i += m.length;
      continue;
    }
    m = at(ERROR_AT);
    if (m) {
      tokens.push({ t: 'error', code: m.toUpperCase(), at: start });
      i += m.length;
      continue;
    }
    m = at(NAME_AT);
    if (m) {
      tokens.push({ t: 'name', name: m, at: start });
      i += m.length;
      continue;
    }
    m = at(OPERATOR_AT);
    if (m) {
      tokens.push({ t: 'op', op: m, at: start });
      i += m.length;
      continue;
    }
    if ('(){}'.includes(ch) || ch === syntax.argumentSeparator || ch === syntax.arrayColumnSeparator || ch === ';') {
      tokens.push({ t: 'punct', ch, at: start });
      i++;
      continue;
    }
    throw new ParseFailure(`unexpected ${JSON.stringify(ch)}`, start);
  }
  tokens.push({ t: 'end', at: src.length });
  return tokens;
}

const COMPARISON = new Set(['=', '<>', '<', '<=', '>', '>=']);

class Parser {
  private i = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly syntax: FormulaSyntax,
  ) {}

  private peek(): Token {
    return this.tokens[this.i] as Token;
  }

  private next(): Token {
    return this.tokens[this.i++] as Token;
  }

  private isOp(...ops: string[]): string | null {
    const t = this.peek();
    return t.t === 'op' && ops.includes(t.op) ? t.op : null;
  }

  private isPunct(ch: string): boolean {
    const t = this.peek();
    return t.t === 'punct' && t.ch === ch;
  }

  private fail(what: string): never {
    const t = this.peek();
    throw new ParseFailure(what, t.at);
  }

  parseAll(): Expr {
    const e = this.expression();
    if (this.peek().t !== 'end') this.fail('unexpected text after the formula');
    return e;
  }

  private expression(): Expr {
    return this.comparison();
  }

  private binaryLevel(ops: string[], operand: () => Expr): Expr {
    let left = operand();
    for (let op = this.isOp(...ops); op; op = this.isOp(...ops)) {
      this.next();
      left = { kind: 'binary', op: op as BinaryOperator, left, right: operand() };
    }
    return left;
  }

  private comparison(): Expr {
    return this.binaryLevel([...COMPARISON], () => this.concatenation());
  }

  private concatenation(): Expr {
    return this.binaryLevel(['&'], () => this.additive());
  }

  private additive(): Expr {
    return this.binaryLevel(['+', '-'], () => this.multiplicative());
  }

  private multiplicative(): Expr {
    return this.binaryLevel(['*', '/'], () => this.power());
  }

  private power(): Expr {
    return this.binaryLevel(['^'], () => this.prefix());
  }

  private prefix(): Expr {
    const op = this.isOp('-', '+');
    if (op) {
      this.next();
      return { kind: 'unary', op: op as '-' | '+', arg: this.prefix() };
    }
    let e = this.primary();
    while (this.isOp('%')) {
      this.next();
      e = { kind: 'percent', arg: e };
    }
    return e;
  }

  private primary(): Expr {
    const t = this.peek();
    switch (t.t) {
      case 'number':
        this.next();
        return { kind: 'number', value: t.value };
      case 'text':
        this.next();
        return { kind: 'text', value: t.value };
      case 'error':
        this.next();
        return { kind: 'error', code: t.code };
      case 'ref':
        this.next();
        return { kind: 'ref', a1: t.a1 };
      case 'name': {
        this.next();
        if (this.isPunct('(')) return this.callArguments(t.name);
        if (/^(TRUE|FALSE)$/i.test(t.name)) return { kind: 'boolean', value: /^TRUE$/i.test(t.name) };
        return { kind: 'name', name: t.name };
      }
      case 'punct':
        if (t.ch === '(') {
          this.next();
          const inner = this.expression();
          if (!this.isPunct(')')) this.fail('expected ")"');
          this.next();
          return { kind: 'group', inner };
        }
        if (t.ch === '{') return this.arrayLiteral();
        return this.fail(`unexpected ${JSON.stringify(t.ch)}`);
      default:
        return this.fail('expected a value');
    }
  }

  private callArguments(fn: string): Expr {
    this.next(); // (
    const args: Expr[] = [];
    const sep = this.syntax.argumentSeparator;
    if (this.isPunct(')')) {
      this.next();
      return { kind: 'call', fn: fn.toUpperCase(), args };
    }
    for (;;) {
      if (this.isPunct(sep) || this.isPunct(')')) args.push({ kind: 'omitted' });
      else args.push(this.expression());
      if (this.isPunct(sep)) {
        this.next();
        continue;
      }
      if (this.isPunct(')')) {
        this.next();
        return { kind: 'call', fn: fn.toUpperCase(), args };
      }
      this.fail(`expected ${JSON.stringify(sep)} or ")"`);
    }
  }

  private arrayLiteral(): Expr {
    this.next(); // {
    const rows: Expr[][] = [[]];
    for (;;) {
      (rows[rows.length - 1] as Expr[]).push(this.expression());
      if (this.isPunct(this.syntax.arrayColumnSeparator)) {
        this.next();
        continue;
      }
      if (this.isPunct(this.syntax.arrayRowSeparator)) {
        this.next();
        rows.push([]);
        continue;
      }
      if (this.isPunct('}')) {
        this.next();
        break;
      }
      this.fail(
        `expected ${JSON.stringify(this.syntax.arrayColumnSeparator)}, ${JSON.stringify(this.syntax.arrayRowSeparator)} or "}"`,
      );
    }
    const width = rows[0]?.length ?? 0;
    if (rows.some((r) => r.length !== width)) this.fail('array rows of different lengths');
    return { kind: 'array', rows };
  }
}

/** Parses an expression (no leading "="). */
export function parseExpression(src: string, syntax: FormulaSyntax): ParseResult {
  try {
    const expr = new Parser(tokenize(src, syntax), syntax).parseAll();
    return { ok: true, expr };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: e.message, at: e.at };
    throw e;
  }
}

/** Parses a formula as a cell holds it (`=…`). */
export function parseFormula(text: string, syntax: FormulaSyntax): ParseResult {
  if (!text.startsWith('=')) return { ok: false, error: 'a formula starts with "="', at: 0 };
  const r = parseExpression(text.slice(1), syntax);
  return r.ok ? r : { ...r, at: r.at + 1 };
}

/** Every node of a tree, depth first (for checks: which functions, which references). */
export function* walk(e: Expr): Generator<Expr> {
  yield e;
  switch (e.kind) {
    case 'call':
      for (const a of e.args) yield* walk(a);
      break;
    case 'unary':
    case 'percent':
      yield* walk(e.arg);
      break;
    case 'binary':
      yield* walk(e.left);
      yield* walk(e.right);
      break;
    case 'array':
      for (const row of e.rows) for (const x of row) yield* walk(x);
      break;
    case 'group':
      yield* walk(e.inner);
      break;
    default:
      break;
  }
}

/**
 * The references a formula passes to a function, argument by argument (null where an argument is
 * not a plain reference): `=IFERROR(CAC(B2:B13; C2:C13); "")` → CAC: ['B2:B13', 'C2:C13'].
 * Null when the formula does not read, has no such call, or calls it more than once with
 * different references (which call failed is then unknown).
 */
export function callArgumentRefs(text: string, fn: string, syntax: FormulaSyntax): (string | null)[] | null {
  const parsed = parseFormula(text, syntax);
  if (!parsed.ok) return null;
  const name = fn.toUpperCase();
  const calls: (string | null)[][] = [];
  for (const node of walk(parsed.expr)) {
    if (node.kind !== 'call' || node.fn !== name) continue;
    calls.push(node.args.map((a) => (a.kind === 'ref' ? a.a1 : null)));
  }
  const [first, ...others] = calls;
  if (!first) return null;
  return others.every((c) => c.length === first.length && c.every((x, i) => x === first[i])) ? first : null;
}

/**
 * A formula written in one syntax, as a reader of another sees it (arguments spaced), or null when
 * it does not read: the catalog's examples (`=CAC(B2:B4, C2:C4)`) in French help (`=CAC(B2:B4; C2:C4)`).
 */
export function respellFormula(
  text: string,
  from: FormulaSyntax,
  to: FormulaSyntax,
  options: { spaced?: boolean } = {},
): string | null {
  const r = parseFormula(text, from);
  return r.ok ? `=${renderExpr(r.expr, to, options)}` : null;
}
