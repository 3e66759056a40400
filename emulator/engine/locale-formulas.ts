/**
 * Formulas as the spreadsheet's locale spells them, read the way Google reads them. Every
 * formula written to a cell (setFormula, setValue(s), the playground's formula bar) or a rule is
 * parsed with the spreadsheet's syntax (src/core/formula, the same table the add-on renders with);
 * one in the other group's syntax is a "Formula parse error." (#ERROR!), as in Sheets. What
 * parses is handed to the engine in one canonical spelling, so HyperFormula runs with a single
 * configuration for every locale; the engine's rewrites (moves, renames) are spelled back in the
 * sheet's syntax.
 *
 * Strict by default. `lenient` (an emulator option, never the default) also accepts the other
 * group's syntax, for exploring files made elsewhere; it is kinder than Google.
 */
import {
  COMMA_SYNTAX,
  type FormulaSyntax,
  PARSE_ERROR_MESSAGE,
  parseFormula,
  renderExpr,
  SEMICOLON_SYNTAX,
  sameSyntax,
} from '../../src/core/formula';

export type FormulaReading = 'strict' | 'lenient';

/** What the engine computes for a formula Sheets cannot read: #ERROR! with Sheets' message. */
export const PARSE_ERROR_FORMULA = '=SHEETS.FORMULA.PARSE.ERROR()';
export { PARSE_ERROR_MESSAGE };

/** The engine's own spelling (its configuration is en_US-like). */
export const ENGINE_SYNTAX = COMMA_SYNTAX;

const other = (s: FormulaSyntax): FormulaSyntax => (sameSyntax(s, COMMA_SYNTAX) ? SEMICOLON_SYNTAX : COMMA_SYNTAX);

/** The formula in the engine's spelling, or null when Sheets could not read it in `syntax`. */
export function canonicalFormula(
  text: string,
  syntax: FormulaSyntax,
  reading: FormulaReading = 'strict',
): string | null {
  let r = parseFormula(text, syntax);
  if (!r.ok && reading === 'lenient') r = parseFormula(text, other(syntax));
  return r.ok ? `=${renderExpr(r.expr, ENGINE_SYNTAX)}` : null;
}

/** The engine's text of a formula (after it moved references) in the sheet's syntax. */
export function localFormula(engineText: string, syntax: FormulaSyntax): string {
  if (sameSyntax(syntax, ENGINE_SYNTAX)) return engineText;
  const r = parseFormula(engineText, ENGINE_SYNTAX);
  return r.ok ? `=${renderExpr(r.expr, syntax)}` : engineText;
}

/** A formula re-spelled for another locale (Sheets shows every formula in the new syntax), or null if it never parsed. */
export function respell(text: string, from: FormulaSyntax, to: FormulaSyntax): string | null {
  if (sameSyntax(from, to)) return text;
  const r = parseFormula(text, from);
  return r.ok ? `=${renderExpr(r.expr, to)}` : null;
}

/** Whether a formula reads in the syntax (for rules: conditional formats, data validation). */
export function checkFormula(text: string, syntax: FormulaSyntax, reading: FormulaReading = 'strict'): boolean {
  return canonicalFormula(text, syntax, reading) !== null;
}
