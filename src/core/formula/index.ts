/**
 * Every formula Boussole writes into a spreadsheet (cells, conditional formats, the Sheets API)
 * is built here as a tree and rendered for the spreadsheet's locale: read the locale once per
 * operation, `syntaxForLocale(ss.getSpreadsheetLocale())`, then `formula(tree, syntax)`.
 */
export * from './expr';
export { formula, numberText, type RenderOptions, renderExpr, textLiteral } from './render';
export {
  callArgumentRefs,
  PARSE_ERROR_MESSAGE,
  respellFormula,
  parseExpression,
  parseFormula,
  walk,
  type ParseResult,
} from './parse';
export {
  COMMA_SYNTAX,
  COMMA_SYNTAX_REGIONS,
  SEMICOLON_SYNTAX,
  sameSyntax,
  syntaxForLocale,
  type FormulaSyntax,
} from './syntax';
