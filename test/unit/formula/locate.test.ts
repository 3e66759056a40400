/** The light scan the pushed bundle uses to find a custom function's ranges, against the strict parser. */
import fc from 'fast-check';
import {
  add,
  array,
  call,
  COMMA_SYNTAX,
  callArgumentRefs,
  concat,
  type Expr,
  F,
  formula,
  num,
  ref,
  SEMICOLON_SYNTAX,
  text,
} from '../../../src/core/formula';
import { KpiError } from '../../../src/core/metrics';
import { CATALOG } from '../../../src/functions/catalog';
import { argumentRefs } from '../../../src/functions/locate';
import { PARAMETER_NAMES } from '../../../src/functions/registry';
import { sheetPlaceOf } from '../../../src/functions/run';

const refs = fc.constantFrom('B2:B13', '$C$2:$C$13', "'Ventes 2025'!D2:D", 'Feuille1!A:A', 'E5');
const leaf: fc.Arbitrary<Expr> = fc.oneof(
  refs.map((a) => ref(a)),
  fc.integer({ min: 0, max: 99 }).map((n) => num(n)),
  fc.double({ min: 0.01, max: 9, noNaN: true }).map((n) => num(Math.round(n * 100) / 100)),
  fc.constantFrom('a;b', 'x,y', 'CAC(', "l'été", 'say "hi"').map((s) => text(s)),
);
const arg: fc.Arbitrary<Expr> = fc.oneof(
  leaf,
  fc.tuple(leaf, leaf).map(([a, b]) => add(a, b)),
  fc.tuple(leaf, leaf).map(([a, b]) => F.IF(a, b, '')),
  fc.tuple(leaf, leaf).map(([a, b]) => array([[a, b]])),
);
const formulaWithCac = fc
  .tuple(fc.array(arg, { minLength: 1, maxLength: 3 }), fc.constantFrom('plain', 'iferror', 'concat'))
  .map(([args, wrap]) => {
    const c = call('CAC', ...args);
    return wrap === 'plain' ? c : wrap === 'iferror' ? F.IFERROR(c, '') : concat('x', c);
  });

describe('argumentRefs (the light scan) agrees with the parser', () => {
  test.each([
    ['en', COMMA_SYNTAX],
    ['fr', SEMICOLON_SYNTAX],
  ] as const)('on formulas rendered for %s, spaced or not (property)', (_, syntax) => {
    fc.assert(
      fc.property(formulaWithCac, fc.boolean(), (e, spaced) => {
        const f = formula(e, syntax, { spaced });
        expect(argumentRefs(f, 'CAC', syntax.argumentSeparator)).toEqual(callArgumentRefs(f, 'CAC', syntax));
      }),
      { numRuns: 300 },
    );
  });

  test('no such call, or two calls that disagree: null', () => {
    expect(argumentRefs('=SUM(B2:B5)', 'CAC', ',')).toBeNull();
    expect(argumentRefs('=CAC(B2:B5,C2:C5)+CAC(B3:B6,C2:C5)', 'CAC', ',')).toBeNull();
    expect(argumentRefs('=CAC(B2:B5,C2:C5)+CAC(B2:B5,C2:C5)', 'CAC', ',')).toEqual(['B2:B5', 'C2:C5']);
    expect(argumentRefs('=MY_CAC(B2:B5)', 'CAC', ',')).toBeNull();
  });
});

describe('sheetPlaceOf: a position inside the range as a sheet row or column', () => {
  const params = [{ name: 'spend' }, { name: 'new_customers' }];
  const error = (where: KpiError['where']) => new KpiError('CAC', { code: 'not_a_number', value: 'x' }, where);

  test('row 3 of B2:B13 is sheet row 4; column 2 of a row series starting at D is E', () => {
    const caller = { formula: '=CAC(B2:B13; C2:C13)', syntax: SEMICOLON_SYNTAX };
    expect(sheetPlaceOf(error({ arg: 'spend', row: 3 }), params, caller)).toEqual({ row: 4 });
    expect(sheetPlaceOf(error({ arg: 'new_customers', row: 1 }), params, caller)).toEqual({ row: 2 });
    const across = { formula: '=CAC(D5:P5, D6:P6)', syntax: COMMA_SYNTAX };
    expect(sheetPlaceOf(error({ arg: 'spend', column: 2 }), params, across)).toEqual({ column: 5 });
    const grid = { formula: "=CAC('Coûts'!B10:D21, E10:E21)", syntax: COMMA_SYNTAX };
    expect(sheetPlaceOf(error({ arg: 'spend', row: 2, column: 3 }), params, grid)).toEqual({ row: 11, column: 4 });
  });

  test('reads a formula spelled in the other group too (getFormula is not documented either way)', () => {
    const caller = { formula: '=CAC(B2:B13, C2:C13)', syntax: SEMICOLON_SYNTAX };
    expect(sheetPlaceOf(error({ arg: 'new_customers', row: 3 }), params, caller)).toEqual({ row: 4 });
  });

  test('unknown when the argument is not a plain reference, or nothing says where', () => {
    const caller = { formula: '=CAC(Dépenses; C2:C13)', syntax: SEMICOLON_SYNTAX };
    expect(sheetPlaceOf(error({ arg: 'spend', row: 3 }), params, caller)).toBeUndefined();
    expect(sheetPlaceOf(error({ arg: 'spend', row: 3 }), params, null)).toBeUndefined();
    expect(sheetPlaceOf(error({ arg: 'spend' }), params, caller)).toBeUndefined();
  });

  test('the message then names the sheet row, in French with the French argument name', () => {
    const e = error({ arg: 'spend', row: 3 });
    expect(e.messageIn('fr', { row: 4 })).toBe(
      "CAC\u00a0: dépenses, ligne 4\u00a0: «\u00a0x\u00a0» n'est pas un nombre",
    );
    expect(e.messageIn('en', { row: 4 })).toBe('CAC: spend, row 4: "x" is not a number');
    expect(e.messageIn('en')).toBe('CAC: spend, row 3 of the range: "x" is not a number');
  });
});

test("the bundle's parameter names are the catalog's, in order", () => {
  expect(PARAMETER_NAMES).toEqual(Object.fromEntries(CATALOG.map((f) => [f.name, f.params.map((p) => p.name)])));
});
