import type { FormulaSyntax } from '../core/formula';
import type { Lang } from '../core/i18n/lang';
import { parseA1 } from '../core/kpi/a1';
import { type Arg, KpiError, type Result, type SheetPlace } from '../core/metrics';
import { argumentRefs } from './locate';

/** What the shell can tell about a failing call, looked up only once there is an error to report. */
export interface ErrorContext {
  lang: Lang;
  /**
   * The formula of the cell being computed, as Sheets writes it in the spreadsheet's syntax, when
   * it can be read (in Apps Script: SpreadsheetApp.getActiveRange(), the calling cell, then
   * getFormula(); unverified in Google's documentation, so null is always a valid answer).
   */
  caller?: { formula: string; syntax: FormulaSyntax } | null;
}

/**
 * Where an error's position lies on the sheet: the calling formula says which range the argument
 * was (`CAC(B2:B13; …)`), and position 3 of B2:B13 is row 4. Unknown (undefined) when the
 * argument was not a plain reference (an expression, a named range) or the formula is unreadable.
 */
export function sheetPlaceOf(
  e: KpiError,
  params: readonly { name: string }[],
  caller: ErrorContext['caller'],
): SheetPlace | undefined {
  const { arg, row, column } = e.where;
  if (!caller || !arg || (row === undefined && column === undefined)) return undefined;
  const index = params.findIndex((p) => p.name === arg);
  if (index < 0) return undefined;
  // Split with the sheet's separator, or with the other one if that finds more arguments (whether
  // getFormula() spells a formula in the locale's syntax is not documented; reading, not writing).
  const mine = argumentRefs(caller.formula, e.fn, caller.syntax.argumentSeparator);
  const theirs = argumentRefs(caller.formula, e.fn, caller.syntax.argumentSeparator === ',' ? ';' : ',');
  const refs = (theirs?.length ?? 0) > (mine?.length ?? 0) ? theirs : mine;
  const a1 = refs?.[index];
  const range = a1 ? parseA1(a1) : null;
  if (!range) return undefined;
  return {
    ...(row !== undefined ? { row: range.startRow + row - 1 } : {}),
    ...(column !== undefined ? { column: range.startCol + column - 1 } : {}),
  };
}

/**
 * Calls a custom function the way Sheets does and turns a KpiError into an Error whose message is
 * in the spreadsheet's language and, when the calling formula shows it, names the sheet's row.
 * The context is looked up only when there is something to say, so a successful call costs no
 * service call.
 */
export function runCustomFunction(
  spec: { impl: (...args: Arg[]) => Result; params?: readonly { name: string }[] },
  args: Arg[],
  context: () => ErrorContext,
): Result {
  try {
    return spec.impl(...args);
  } catch (e) {
    if (e instanceof KpiError) {
      const ctx = context();
      throw new Error(e.messageIn(ctx.lang, spec.params ? sheetPlaceOf(e, spec.params, ctx.caller) : undefined));
    }
    throw e;
  }
}
