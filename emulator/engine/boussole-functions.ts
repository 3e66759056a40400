import type { Lang } from '../../src/core/i18n/lang';
import { CATALOG } from '../../src/functions/catalog';
import { runCustomFunction } from '../../src/functions/run';
import type { EngineFunction } from './custom-functions';

/** The catalog as engine functions; error messages in the language `lang()` gives when they are thrown. */
export function boussoleEngineFunctions(lang: () => Lang = () => 'en'): EngineFunction[] {
  return CATALOG.map((spec) => ({
    name: spec.name,
    params: spec.params,
    array: spec.array,
    call: (...args) => runCustomFunction(spec, args, lang),
  }));
}
