/**
 * One HyperFormula instance per emulated spreadsheet, with Sheets' conventions: formulas reach it
 * in one canonical spelling (`,` between arguments, `.` for decimals: locale-formulas.ts reads
 * each sheet's own syntax and turns unreadable ones into "Formula parse error."), bare TRUE/FALSE, open-ended ranges (`A2:A`), errors read back as
 * Sheets' codes, NOW()/TODAY() on the emulator's clock, and display-only functions (SPARKLINE…)
 * that compute to an empty cell. HyperFormula is GPL-3.0: dev-only, never in the pushed bundle.
 */
import {
  CellError,
  DetailedCellError,
  ErrorType,
  EmptyValue,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type ImplementedFunctions,
  type RawCellContent,
} from 'hyperformula';
import type { FormulaSyntax } from '../../src/core/formula';
import type { Lang } from '../../src/core/i18n/lang';
import { rewriteOutsideQuotes } from '../a1';
import { boussoleEngineFunctions } from './boussole-functions';
import { PARSE_ERROR_MESSAGE } from './locale-formulas';
import {
  callingCell,
  ENGINE_CONFIG,
  SHEETS_CONSTANTS,
  registerCustomFunctions,
  serialToDate,
  setSerialToDate,
  type EngineFunction,
} from './custom-functions';

/** Sheets functions the engine lacks and that only draw something: they compute to an empty value here. */
export const DISPLAY_ONLY_FUNCTIONS: readonly string[] = ['SPARKLINE', 'IMAGE'];

/** What the functions evaluated right now need to know of the spreadsheet being computed. */
export interface EngineContext {
  lang: () => Lang;
  /** The emulator's clock as a serial number in the spreadsheet's time zone. */
  nowSerial: () => number;
  /** A serial number as the Date a custom function receives (the spreadsheet's time zone). */
  toDate: (serial: number) => Date;
  /** The formula of a cell (0-based engine address) as the sheet shows it, and the sheet's syntax. */
  formulaAt?: (sheet: number, row: number, col: number) => { formula: string; syntax: FormulaSyntax } | null;
}

let context: EngineContext = { lang: () => 'en', nowSerial: () => 45672.375, toDate: serialToDate };

class DisplayOnlyPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    DISPLAY_ONLY_FUNCTIONS.map((name) => [
      name,
      {
        method: 'displayOnly',
        parameters: [{ argumentType: FunctionArgumentType.ANY, optionalArg: true }],
        repeatLastArgs: 1,
        doesNotNeedArgumentsToBeComputed: true,
      },
    ]),
  );

  displayOnly(): typeof EmptyValue {
    return EmptyValue;
  }
}

/** What a formula Sheets cannot read computes to (see locale-formulas.ts). */
class ParseErrorPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    'SHEETS.FORMULA.PARSE.ERROR': { method: 'parseError', parameters: [] },
  };

  parseError(): CellError {
    return new CellError(ErrorType.ERROR, PARSE_ERROR_MESSAGE);
  }
}

class ClockPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    NOW: { method: 'now', parameters: [], isVolatile: true, returnNumberType: 'NUMBER_DATETIME' as never },
    TODAY: { method: 'today', parameters: [], isVolatile: true, returnNumberType: 'NUMBER_DATE' as never },
  };

  now(ast: { args: unknown[] }, state: unknown): unknown {
    return this.runFunction(ast.args as never, state as never, this.metadata('NOW'), () => context.nowSerial());
  }

  today(ast: { args: unknown[] }, state: unknown): unknown {
    return this.runFunction(ast.args as never, state as never, this.metadata('TODAY'), () =>
      Math.floor(context.nowSerial()),
    );
  }
}

let registeredFunctions: readonly EngineFunction[] | undefined;

/** Registers the plugins once per process (and the custom functions again when a different set is asked for). */
export function ensureEngineFunctions(functions?: readonly EngineFunction[]): void {
  if (!registeredFunctions) {
    setSerialToDate((serial) => context.toDate(serial));
    for (const name of ['NOW', 'TODAY']) {
      if (HyperFormula.getRegisteredFunctionNames('enGB').includes(name)) HyperFormula.unregisterFunction(name);
    }
    HyperFormula.registerFunctionPlugin(ClockPlugin, { enGB: { NOW: 'NOW', TODAY: 'TODAY' } });
    HyperFormula.registerFunctionPlugin(ParseErrorPlugin, {
      enGB: { 'SHEETS.FORMULA.PARSE.ERROR': 'SHEETS.FORMULA.PARSE.ERROR' },
    });
    HyperFormula.registerFunctionPlugin(DisplayOnlyPlugin, {
      enGB: Object.fromEntries(DISPLAY_ONLY_FUNCTIONS.map((n) => [n, n])),
    });
  }
  const wanted = functions ?? defaultFunctions();
  if (wanted !== registeredFunctions) {
    registerCustomFunctions(wanted);
    registeredFunctions = wanted;
  }
}

let boussole: EngineFunction[] | undefined;
function defaultFunctions(): EngineFunction[] {
  boussole ??= boussoleEngineFunctions(
    () => context.lang(),
    () => {
      const at = callingCell();
      return at && context.formulaAt ? context.formulaAt(at.sheet, at.row, at.col) : null;
    },
  );
  return boussole;
}

/** Sheets' error code for an engine error (`#DIV/0!`, `#N/A`, `#ERROR!`…). */
export function sheetsErrorCode(e: DetailedCellError): string {
  switch (e.type) {
    case 'CYCLE':
    case 'SPILL':
      return '#REF!';
    case 'LIC':
      return '#ERROR!';
    default:
      return e.value;
  }
}

export type EngineValue =
  | { kind: 'empty' }
  | { kind: 'number'; value: number; date: boolean }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; code: string; message: string };

/** Rewrites a Sheets formula into one the engine reads: open-ended ranges `A2:A` → `A2:A<rows>` (bare TRUE/FALSE are named expressions). */
export function toEngineFormula(formula: string, openEndRows: number): string {
  return rewriteOutsideQuotes(formula, (code) =>
    code.replace(/(\$?[A-Za-z]{1,3}\$?\d+:\$?[A-Za-z]{1,3})(?![A-Za-z0-9_(!$])/g, `$1${openEndRows}`),
  );
}

export class WorkbookEngine {
  readonly hf: HyperFormula;

  constructor(
    private readonly ctx: EngineContext,
    functions?: readonly EngineFunction[],
  ) {
    ensureEngineFunctions(functions);
    this.hf = this.run(() =>
      HyperFormula.buildEmpty(
        {
          ...ENGINE_CONFIG,
          functionArgSeparator: ',',
          decimalSeparator: '.',
          thousandSeparator: '',
          arrayColumnSeparator: ',',
          arrayRowSeparator: ';',
          smartRounding: false,
          dateFormats: ['MM/DD/YYYY', 'MM/DD/YY', 'YYYY/MM/DD'],
          timeFormats: ['hh:mm', 'hh:mm:ss.sss'],
          maxRows: 1_000_000,
          maxColumns: 18_278,
          useColumnIndex: true,
        },
        SHEETS_CONSTANTS,
      ),
    );
  }

  /** Runs engine work with this spreadsheet's language and clock visible to the functions it evaluates. */
  run<T>(fn: () => T): T {
    const previous = context;
    context = this.ctx;
    try {
      return fn();
    } finally {
      context = previous;
    }
  }

  addSheet(name: string): number {
    return this.run(() => this.hf.getSheetId(this.hf.addSheet(name)) as number);
  }

  removeSheet(id: number): void {
    this.run(() => this.hf.removeSheet(id));
  }

  renameSheet(id: number, name: string): void {
    this.run(() => this.hf.renameSheet(id, name));
  }

  setContents(sheet: number, row: number, col: number, contents: RawCellContent[][]): void {
    this.run(() => this.hf.setCellContents({ sheet, row, col }, contents));
  }

  /** The formula text as the engine now writes it (after moves), or undefined. */
  formulaAt(sheet: number, row: number, col: number): string | undefined {
    return this.hf.getCellFormula({ sheet, row, col });
  }

  valueAt(sheet: number, row: number, col: number): EngineValue {
    const address = { sheet, row, col };
    const v = this.hf.getCellValue(address);
    if (v === null || v === undefined) return { kind: 'empty' };
    if (v instanceof DetailedCellError) return { kind: 'error', code: sheetsErrorCode(v), message: v.message ?? '' };
    if (typeof v === 'number') {
      const type = this.hf.getCellValueDetailedType(address);
      return {
        kind: 'number',
        value: v,
        date: type === 'NUMBER_DATE' || type === 'NUMBER_DATETIME' || type === 'NUMBER_TIME',
      };
    }
    if (typeof v === 'boolean') return { kind: 'boolean', value: v };
    return { kind: 'string', value: String(v) };
  }

  /** Rows and columns the engine holds values in (spilled arrays included). */
  extent(sheet: number): { height: number; width: number } {
    return this.hf.getSheetDimensions(sheet);
  }

  addRows(sheet: number, index: number, amount: number): void {
    this.run(() => this.hf.addRows(sheet, [index, amount]));
  }

  removeRows(sheet: number, index: number, amount: number): void {
    this.run(() => this.hf.removeRows(sheet, [index, amount]));
  }

  addColumns(sheet: number, index: number, amount: number): void {
    this.run(() => this.hf.addColumns(sheet, [index, amount]));
  }

  removeColumns(sheet: number, index: number, amount: number): void {
    this.run(() => this.hf.removeColumns(sheet, [index, amount]));
  }

  clearSheet(sheet: number): void {
    this.run(() => this.hf.clearSheet(sheet));
  }

  /**
   * Recomputes every formula (after a locale change, so custom functions speak the new language) by
   * writing them again in one batch; rebuildAndRecalculate() would renumber the engine's sheets.
   */
  recalculate(formulas: { sheet: number; row: number; col: number; formula: string }[]): void {
    this.run(() =>
      this.hf.batch(() => {
        for (const f of formulas) this.hf.setCellContents({ sheet: f.sheet, row: f.row, col: f.col }, f.formula);
      }),
    );
  }
}
