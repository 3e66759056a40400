import { langFromLocale, type Lang } from '../core/i18n/lang';

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
