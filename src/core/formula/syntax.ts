/**
 * How a spreadsheet's locale spells a formula. Sheets parses a formula a script writes
 * (`setFormula`, `setValues`, conditional-format rules, the Sheets API) the way it parses one its
 * user types, so every formula Boussole writes is rendered for `getSpreadsheetLocale()`.
 *
 * Sources:
 * - Ben Collins, "Explaining syntax differences in your formulas due to your Google Sheets
 *   location" (benlcollins.com/spreadsheets/sheets-location): decimal-point locations use "."
 *   for decimals, "," between arguments and "," between array columns; decimal-comma locations
 *   use ",", ";" and "\".
 * - Stack Overflow 73767719, "locale differences in google sheets (documentation missing pages)"
 *   (player0, 19 Sep 2022): of the 72 locales in File > Settings, exactly these 28 use ",":
 *   Australia, Canada (English), China, Egypt, Hong Kong, India and its 8 language variants
 *   (Bangla, Gujarati, Kannada, Malayalam, Marathi, Punjabi, Tamil, Telugu), Ireland, Israel,
 *   Japan, Mexico, Mongolia, Myanmar (Burma), Philippines, South Korea, Switzerland, Taiwan,
 *   Thailand, United Kingdom, United Kingdom (Welsh), United States; "the rest of them use a
 *   semicolon". Same answer: in the comma group Sheets corrects a typed ";" into ","; in the
 *   semicolon group a "," is never corrected, and "\" is never corrected into "," in an array.
 * - ISA-tools/OntoMaton #15 and #36, googleapis/google-api-nodejs-client #1994 (tr_TR),
 *   mricon/ingress-fieldplan #5: comma formulas written by code read "Formula parse error."
 *   in semicolon-locale sheets.
 *
 * The list above names countries, not codes, so the table is keyed by country (the region of
 * `fr_FR`), with Canada split by language. A locale not in the table gets the semicolon syntax:
 * a ";" formula is still corrected in a comma locale (see above), a "," one is an error in a
 * semicolon locale, and Boussole writes no decimal literal and no inline array, the two places
 * where the groups would still disagree.
 */

export interface FormulaSyntax {
  /** Between a function's arguments. */
  argumentSeparator: ',' | ';';
  /** Inside a number literal. */
  decimalSeparator: '.' | ',';
  /** Between the cells of one row of an array literal `{…}`. */
  arrayColumnSeparator: ',' | '\\';
  /** Between the rows of an array literal (";" in both groups). */
  arrayRowSeparator: ';';
}

/** en_US and the other decimal-point locales: `=IF(A1>0.5,{1,2;3,4},"")`. */
export const COMMA_SYNTAX: FormulaSyntax = {
  argumentSeparator: ',',
  decimalSeparator: '.',
  arrayColumnSeparator: ',',
  arrayRowSeparator: ';',
};

/** fr_FR, de_DE and the other decimal-comma locales: `=IF(A1>0,5;{1\2;3\4};"")`. */
export const SEMICOLON_SYNTAX: FormulaSyntax = {
  argumentSeparator: ';',
  decimalSeparator: ',',
  arrayColumnSeparator: '\\',
  arrayRowSeparator: ';',
};

/**
 * The regions of the 28 comma-syntax locales (SO 73767719): Australia, Switzerland, China, Egypt,
 * the United Kingdom (English and Welsh), Hong Kong, Ireland, Israel, India (every language),
 * Japan, South Korea, Myanmar, Mongolia, Mexico, the Philippines, Thailand, Taiwan, the United
 * States. Canada is split by language (COMMA_LANGUAGES_IN_CANADA).
 */
export const COMMA_SYNTAX_REGIONS = 'AU CH CN EG GB HK IE IL IN JP KR MM MN MX PH TH TW US'.split(' ');

/** Canada (English) uses ",", Canada (French) ";". */
export const COMMA_LANGUAGES_IN_CANADA = ['en'];

/** A locale given without a region ("en", "ja"): the languages of the comma group's locales. */
const COMMA_SYNTAX_LANGUAGES = /^(en|zh|ja|ko|th|mn|my|iw|he|hi|bn|gu|kn|ml|mr|pa|ta|te|fil|tl)$/;

/** The formula syntax of a Sheets locale such as "fr_FR", "de_DE", "en_US", "pt_BR" (also "fr-FR"). */
export function syntaxForLocale(locale: string | null | undefined): FormulaSyntax {
  const parts = (typeof locale === 'string' ? locale.trim() : '').split(/[_-]/);
  const language = (parts[0] ?? '').toLowerCase();
  const region = parts.slice(1).find((p) => /^([A-Za-z]{2}|\d{3})$/.test(p));
  if (!language) return SEMICOLON_SYNTAX;
  if (!region) return COMMA_SYNTAX_LANGUAGES.test(language) ? COMMA_SYNTAX : SEMICOLON_SYNTAX;
  const r = region.toUpperCase();
  if (r === 'CA') return COMMA_LANGUAGES_IN_CANADA.includes(language) ? COMMA_SYNTAX : SEMICOLON_SYNTAX;
  return COMMA_SYNTAX_REGIONS.includes(r) ? COMMA_SYNTAX : SEMICOLON_SYNTAX;
}

/** Whether two syntaxes spell formulas the same way. */
export const sameSyntax = (a: FormulaSyntax, b: FormulaSyntax): boolean =>
  a.argumentSeparator === b.argumentSeparator &&
  a.decimalSeparator === b.decimalSeparator &&
  a.arrayColumnSeparator === b.arrayColumnSeparator;
