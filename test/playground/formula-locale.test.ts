/** Formulas moved between the file's invariant syntax and a French sheet's, everything else kept as written. */
import { translateFormula } from '../../playground/formula-locale';
import { COMMA_SYNTAX, SEMICOLON_SYNTAX } from '../../src/core/formula';

const toFr = (f: string) => translateFormula(f, COMMA_SYNTAX, SEMICOLON_SYNTAX);
const toEn = (f: string) => translateFormula(f, SEMICOLON_SYNTAX, COMMA_SYNTAX);

test.each([
  ['=SUM(A1,B1)', '=SUM(A1;B1)'],
  ['=IF(A1>0.5, "a, b; c", 1.25E3)', '=IF(A1>0,5; "a, b; c"; 1,25E3)'],
  ['={1,2;3,4.5}', '={1\\2;3\\4,5}'],
  ["='Ventes d''été, 2025'!B3*2", "='Ventes d''été, 2025'!B3*2"],
  ['=NORM.DIST(1.5,0,1,TRUE)', '=NORM.DIST(1,5;0;1;TRUE)'],
  ['=SUM(2:5)+SUM($A$1:B$2)', '=SUM(2:5)+SUM($A$1:B$2)'],
  ['=IFERROR(A1/B1,#N/A)', '=IFERROR(A1/B1;#N/A)'],
  ['=CAC(B2:B4, C2:C4, TRUE)', '=CAC(B2:B4; C2:C4; TRUE)'],
  ['=.5+A1', '=,5+A1'],
])('%s ↔ %s', (en, fr) => {
  expect(toFr(en)).toBe(fr);
  expect(toEn(fr)).toBe(en);
});

test('same syntax: unchanged', () => {
  expect(translateFormula('=SUM(A1,B1)', COMMA_SYNTAX, COMMA_SYNTAX)).toBe('=SUM(A1,B1)');
});
