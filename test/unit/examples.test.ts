import { CATALOG_BY_NAME } from '../../src/functions/catalog';
import { EXAMPLES, expectedError } from '../../src/functions/examples';
import { KpiError } from '../../src/core/metrics';
import { expectResult, parseCall } from '../support/sheet-args';

describe('every worked example of FUNCTIONS.md, called the way Sheets calls the function', () => {
  test.each(EXAMPLES.map((e) => [e.formula + (e.data ? `  [${e.data}]` : ''), e] as const))('%s', (_label, example) => {
    const { name, args } = parseCall(example.formula, example.cells);
    const spec = CATALOG_BY_NAME[name];
    expect(spec).toBeDefined();
    const error = expectedError(example);
    if (error !== undefined) {
      let thrown: unknown;
      try {
        spec.impl(...args);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(KpiError);
      expect((thrown as KpiError).message).toContain(error);
      expect((thrown as KpiError).message.startsWith(`${name}`)).toBe(true);
    } else {
      expectResult(spec.impl(...args), example.expect);
    }
  });
});
