/**
 * Everything Apps Script must see. The build turns each export here into a top-level function
 * (`functions` into the JSDoc'd custom functions), so nothing else leaks into the global scope.
 * Loading this bundle touches no service: every service call happens inside a function.
 */
import type { Result, Arg } from './core/metrics';
import { CATALOG } from './functions/catalog';
import { runCustomFunction } from './functions/run';
import { spreadsheetLang } from './addon/locale';

export { onOpen, onInstall, showFunctionHelp } from './addon/menu';

export const functions: Record<string, (...args: Arg[]) => Result> = {};
for (const spec of CATALOG) {
  functions[spec.name] = (...args: Arg[]) => runCustomFunction(spec, args, spreadsheetLang);
}
