import { catalogue, localize } from '../core/i18n/text';
import { userLang } from './locale';

const TEXT = catalogue({
  open: { fr: 'Ouvrir Boussole', en: 'Open Boussole' },
  help: { fr: 'Aide des fonctions KPI', en: 'KPI function help' },
  helpTitle: { fr: 'Boussole — fonctions', en: 'Boussole — functions' },
});

/**
 * Builds Extensions › Boussole. Runs in AuthMode.NONE for users who haven't authorised the
 * add-on yet, so it builds the menu and touches nothing else.
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const lang = userLang();
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(localize(TEXT.open, lang), 'showSidebar')
    .addSeparator()
    .addItem(localize(TEXT.help, lang), 'showFunctionHelp')
    .addToUi();
}

/** Installing from the Marketplace does not fire onOpen for the open document: build the menu now. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** The function reference, a page generated from the catalog at build time (dist/Help_fr.html, Help_en.html). */
export function showFunctionHelp(): void {
  const lang = userLang();
  const html = HtmlService.createHtmlOutputFromFile(`Help_${lang}`).setWidth(520).setHeight(600);
  SpreadsheetApp.getUi().showModelessDialog(html, localize(TEXT.helpTitle, lang));
}

/** The sidebar: one HTML file built into dist/; its start-up data comes from `bootstrap()`. */
export function showSidebar(): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Boussole'));
}
