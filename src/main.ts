/**
 * Everything Apps Script must see. The build turns each export here into a top-level function
 * (`functions` into the JSDoc'd custom functions), so nothing else leaks into the global scope.
 * Loading this bundle touches no service: every service call happens inside a function.
 */
import type { Result, Arg } from './core/metrics';
import { CATALOG } from './functions/catalog';
import { runCustomFunction } from './functions/run';
import { spreadsheetLang } from './addon/locale';

import { serverApi } from './addon/api';

export { onOpen, onInstall, showFunctionHelp, showSidebar } from './addon/menu';

/** The sidebar's server API (src/shared/api.ts), one top-level function per method. */
export const { bootstrap, saveObjective, deleteObjective, saveKpi, deleteKpi, readSelection, readSource, saveSettings } = serverApi;

export const functions: Record<string, (...args: Arg[]) => Result> = {};
for (const spec of CATALOG) {
  functions[spec.name] = (...args: Arg[]) => runCustomFunction(spec, args, spreadsheetLang);
}
