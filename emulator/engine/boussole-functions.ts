import type { Lang } from '../../src/core/i18n/lang';
import { CATALOG } from '../../src/functions/catalog';
import { type ErrorContext, runCustomFunction } from '../../src/functions/run';
import type { EngineFunction } from './custom-functions';

/**
 * The catalog as engine functions; error messages in the language `lang()` gives when they are
 * thrown, naming the sheet row when `caller()` gives the calling cell's formula (the emulator's
 * stand-in for SpreadsheetApp.getActiveRange().getFormula() inside a custom function).
 */
export function boussoleEngineFunctions(
  lang: () => Lang = () => 'en',
  caller: () => ErrorContext['caller'] = () => null,
): EngineFunction[] {
  return CATALOG.map((spec) => ({
    name: spec.name,
    params: spec.params,
    array: spec.array,
    call: (...args) => runCustomFunction(spec, args, () => ({ lang: lang(), caller: caller() })),
  }));
}
