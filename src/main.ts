/**
 * Everything Apps Script must see. The build turns each export here into a top-level function
 * (`functions` into the JSDoc'd custom functions), so nothing else leaks into the global scope.
 * Loading this bundle touches no service: every service call happens inside a function.
 */
import type { Result, Arg } from './core/metrics';
import { IMPLEMENTATIONS, PARAMETER_NAMES } from './functions/registry';
import { runCustomFunction } from './functions/run';
import { customFunctionErrorContext } from './addon/locale';

import { serverApi } from './addon/api';
import type { ServerApi, ServerMethod } from './shared/api';
import type * as Entry from './main';
import * as refresh from './addon/refresh';

export { onOpen, onInstall, showFunctionHelp, showSidebar } from './addon/menu';

/** The sidebar's server API (src/shared/api.ts), one top-level function per method. */
export const {
  bootstrap,
  saveObjective,
  deleteObjective,
  saveKpi,
  deleteKpi,
  readSelection,
  readSource,
  saveSettings,
  generateDashboards,
  refreshNow,
  getSchedule,
  setSchedule,
} = serverApi;

/** Every method of ServerApi is a top-level function: a method missing above fails to compile here. */
type Missing = Exclude<ServerMethod, keyof typeof Entry>;
type Exported = { [K in ServerMethod & keyof typeof Entry]: (typeof Entry)[K] };
export type EntryPointsComplete = [Missing] extends [never]
  ? Exported extends ServerApi
    ? true
    : 'an exported method does not match ServerApi'
  : Missing;
const entryPointsComplete: EntryPointsComplete = true;
void entryPointsComplete;
/** The time-driven trigger's handler (its name is REFRESH_HANDLER in src/addon/refresh). */
export function runScheduledRefresh(e?: GoogleAppsScript.Events.TimeDriven): void {
  refresh.runScheduledRefresh(e as never);
}

export const functions: Record<string, (...args: Arg[]) => Result> = {};
for (const [name, impl] of Object.entries(IMPLEMENTATIONS)) {
  const params = (PARAMETER_NAMES[name] ?? []).map((p) => ({ name: p }));
  functions[name] = (...args: Arg[]) => runCustomFunction({ impl, params }, args, customFunctionErrorContext);
}
