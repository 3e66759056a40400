import { syntaxForLocale } from '../core/formula';
import { langFromLocale, type Lang } from '../core/i18n/lang';
import type { ErrorContext } from '../functions/run';

/** The spreadsheet's language; English when it can't be read (no active spreadsheet, no auth). */
export function spreadsheetLang(): Lang {
  try {
    return langFromLocale(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
  } catch {
    return 'en';
  }
}

/** The user's language; English when it can't be read (AuthMode.NONE in onOpen). */
export function userLang(): Lang {
  try {
    return langFromLocale(Session.getActiveUserLocale());
  } catch {
    return 'en';
  }
}

/**
 * What a failing custom function can tell: the spreadsheet's language, and the calling cell's
 * formula in the spreadsheet's syntax. In a custom function SpreadsheetApp.getActiveRange() is
 * the cell being computed (widely relied on, not stated in Google's reference: any failure here
 * only means the message gives the position inside the range instead of the sheet row).
 */
export function customFunctionErrorContext(): ErrorContext {
  let locale: string | null = null;
  try {
    locale = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale();
  } catch {
    return { lang: 'en', caller: null };
  }
  let caller: ErrorContext['caller'] = null;
  try {
    const formula = SpreadsheetApp.getActiveRange()?.getFormula();
    if (formula) caller = { formula, syntax: syntaxForLocale(locale) };
  } catch {
    /* no calling cell to read: positions inside the range */
  }
  return { lang: langFromLocale(locale), caller };
}
