import { KpiError, type Arg, type Result } from '../core/metrics';
import type { Lang } from '../core/i18n/lang';

/**
 * Calls a custom function the way Sheets does and turns a KpiError into an Error whose message is
 * in the spreadsheet's language. The language is looked up only when there is something to say,
 * so a successful call costs no service call.
 */
export function runCustomFunction(spec: { impl: (...args: Arg[]) => Result }, args: Arg[], lang: () => Lang): Result {
  try {
    return spec.impl(...args);
  } catch (e) {
    if (e instanceof KpiError) throw new Error(e.messageIn(lang()));
    throw e;
  }
}
