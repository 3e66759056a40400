/**
 * Registers Boussole's custom functions in HyperFormula so that formulas typed in an emulated
 * workbook are computed by a real engine. Arguments are handed over the way Sheets hands them to
 * a custom function: a cell as a value, a range as rows of cells, blanks as "", errors as their
 * code ("#N/A"), dates as `Date`. Thrown errors become #ERROR! with the message, as in Sheets.
 *
 * HyperFormula is GPL-3.0 and a devDependency: this file is never part of the pushed bundle.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from 'hyperformula';
import type { Arg, CellValue, Result } from '../../src/core/metrics';
import type { ArrayBehaviour } from '../../src/functions/catalog';

/** What the engine needs to know of a custom function. */
export interface EngineFunction {
  name: string;
  params: readonly { name: string; optional?: boolean }[];
  array: ArrayBehaviour;
  /** Called with Sheets-shaped arguments; throws an Error whose message Sheets would show. */
  call: (...args: Arg[]) => Result;
}

/** How Sheets spells each error a formula can give (what a custom function receives for such a cell). */
export const SHEETS_ERROR_CODES: Record<string, string> = {
  DIV_BY_ZERO: '#DIV/0!',
  NA: '#N/A',
  NAME: '#NAME?',
  NUM: '#NUM!',
  REF: '#REF!',
  VALUE: '#VALUE!',
  ERROR: '#ERROR!',
  CYCLE: '#REF!',
  SPILL: '#REF!',
  LIC: '#ERROR!',
};

/** Sheets reads bare TRUE and FALSE as booleans; HyperFormula only knows TRUE() and FALSE(). */
export const SHEETS_CONSTANTS = [
  { name: 'TRUE', expression: '=TRUE()' },
  { name: 'FALSE', expression: '=FALSE()' },
];

/** Engine settings matching en_US Sheets formulas. */
export const ENGINE_CONFIG = { licenseKey: 'gpl-v3' } as const;

const MS_PER_DAY = 86_400_000;
const SHEETS_EPOCH = Date.UTC(1899, 11, 30);

/** A serial day number as the `Date` Sheets passes (UTC-based here; the emulator's clock owns time zones). */
export const serialToDate = (serial: number): Date => new Date(SHEETS_EPOCH + Math.round(serial * MS_PER_DAY));
export const dateToSerial = (d: Date): number => (d.getTime() - SHEETS_EPOCH) / MS_PER_DAY;

let dateOfSerial: (serial: number) => Date = serialToDate;

/**
 * How a date cell's serial number becomes the `Date` a custom function receives. Sheets uses the
 * spreadsheet's time zone; the emulator sets this per spreadsheet (default: UTC, `serialToDate`).
 */
export function setSerialToDate(convert: (serial: number) => Date): void {
  dateOfSerial = convert;
}

function toSheetsValue(v: unknown): CellValue {
  if (v === EmptyValue || v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof CellError) return SHEETS_ERROR_CODES[v.type] ?? '#ERROR!';
  if (typeof v === 'object' && v !== null && 'val' in v) {
    const rich = v as { val: number; constructor: { name: string } };
    return /Date/.test(rich.constructor.name) ? dateOfSerial(rich.val) : rich.val;
  }
  return String(v);
}

function toArg(v: unknown): Arg {
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map(toSheetsValue));
  return toSheetsValue(v);
}

function fromResult(r: Result): unknown {
  if (Array.isArray(r))
    return SimpleRangeValue.onlyValues(r.map((row) => row.map((x) => (x === '' ? EmptyValue : x))) as never);
  return r;
}

let registered: readonly EngineFunction[] = [];

/** The cell whose formula is being computed while a custom function runs (what getActiveRange() is then). */
let calling: { sheet: number; row: number; col: number } | null = null;
export const callingCell = (): { sheet: number; row: number; col: number } | null => calling;

class BoussolePlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};

  /** Evaluates every argument and calls the custom function, returning its value or #ERROR!. */
  invoke(fnName: string, ast: { args: unknown[] }, state: unknown): unknown {
    const spec = registered.find((f) => f.name === fnName) as EngineFunction;
    if (ast.args.length > spec.params.length) {
      return new CellError(ErrorType.NA, `Wrong number of arguments to ${fnName}: at most ${spec.params.length}`);
    }
    const args = ast.args.map((a) => toArg(this.evaluateAst(a as never, state as never)));
    const previous = calling;
    calling = (state as { formulaAddress?: { sheet: number; row: number; col: number } }).formulaAddress ?? null;
    try {
      return fromResult(spec.call(...args));
    } catch (e) {
      return new CellError(ErrorType.ERROR, e instanceof Error ? e.message : String(e));
    } finally {
      calling = previous;
    }
  }

  /** Whether a `by_period` argument is TRUE, read from the formula itself when it is a literal. */
  private isTrue(arg: unknown, state: unknown): boolean {
    const node = arg as { type?: string; expressionName?: string; procedureName?: string; value?: unknown };
    if (node.type === 'NAMED_EXPRESSION') return String(node.expressionName).toUpperCase() === 'TRUE';
    if (node.type === 'FUNCTION_CALL' && /^(TRUE|FALSE)$/i.test(String(node.procedureName)))
      return /TRUE/i.test(String(node.procedureName));
    if (node.type === 'NUMBER') return node.value === 1;
    try {
      const v = toArg(this.evaluateAst(arg as never, state as never));
      return v === true || v === 1;
    } catch {
      return false; // not computable while sizing: treated as FALSE
    }
  }

  /** Array results must be sized before they are computed; this mirrors what the function will return. */
  resultSize(fnName: string, ast: { args: unknown[] }, state: unknown): ArraySize {
    const spec = registered.find((f) => f.name === fnName) as EngineFunction;
    const argSize = (i: number) => this.arraySizeForAst(ast.args[i] as never, state as never);
    const asSeries = (s: ArraySize) =>
      s.height > 1 ? new ArraySize(1, s.height) : s.width > 1 ? new ArraySize(s.width, 1) : ArraySize.scalar();
    if (spec.array === 'column with by_period') {
      if (ast.args.length < 3) return ArraySize.scalar();
      return this.isTrue(ast.args[2], state) ? asSeries(argSize(1)) : ArraySize.scalar();
    }
    if (spec.array === 'column when given ranges') {
      for (let i = 0; i < ast.args.length; i++) {
        const s = argSize(i);
        if (s.width * s.height > 1) return asSeries(s);
      }
    }
    return ArraySize.scalar();
  }
}

/** Registers (or re-registers) the functions; safe to call once per process before building engines. */
export function registerCustomFunctions(functions: readonly EngineFunction[]): void {
  // Unregister the previous set while the plugin still declares it (HyperFormula removes what it declares).
  const names = HyperFormula.getRegisteredFunctionNames('enGB');
  if (Object.keys(BoussolePlugin.implementedFunctions).some((n) => names.includes(n))) {
    HyperFormula.unregisterFunctionPlugin(BoussolePlugin);
  }
  registered = functions;
  const implemented: ImplementedFunctions = {};
  const proto = BoussolePlugin.prototype as unknown as Record<string, unknown>;
  for (const f of functions) {
    const method = `call_${f.name}`;
    const sizeMethod = `size_${f.name}`;
    proto[method] = function (this: BoussolePlugin, ast: { args: unknown[] }, state: unknown) {
      return this.invoke(f.name, ast, state);
    };
    proto[sizeMethod] = function (this: BoussolePlugin, ast: { args: unknown[] }, state: unknown) {
      return this.resultSize(f.name, ast, state);
    };
    implemented[f.name] = {
      method,
      sizeOfResultArrayMethod: sizeMethod,
      parameters: f.params.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: !!p.optional })),
    };
  }
  BoussolePlugin.implementedFunctions = implemented;
  const translations = Object.fromEntries(functions.map((f) => [f.name, f.name]));
  HyperFormula.registerFunctionPlugin(BoussolePlugin, { enGB: translations });
}
