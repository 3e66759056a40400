/**
 * #9: the sidebar shows a template's formula in the spreadsheet's syntax. Expected spellings from
 * the issue and the syntax sources (src/core/formula/syntax.ts): ";" between arguments in fr_FR,
 * "," in en_US; the placeholders and everything else unchanged.
 */
import { respellFormula } from '../../../src/core/formula/parse';
import { COMMA_SYNTAX, SEMICOLON_SYNTAX, syntaxForLocale } from '../../../src/core/formula/syntax';
import { fillFormula, formulaInputsOf, formulaInSyntax, listTemplates } from '../../../src/core/kpi/templates';

test('a French sheet reads ";" between arguments, placeholders kept', () => {
  expect(formulaInSyntax('=CAC({spend}, {new_customers})', syntaxForLocale('fr_FR'))).toBe(
    '=CAC({spend}; {new_customers})',
  );
  expect(formulaInSyntax('=CONVERSION_RATE({conversions}, {visitors}, TRUE)', SEMICOLON_SYNTAX)).toBe(
    '=CONVERSION_RATE({conversions}; {visitors}; TRUE)',
  );
});

test('an American sheet reads the pattern as written', () => {
  expect(formulaInSyntax('=LTV({arpa}, {churn_rate}, {gross_margin})', syntaxForLocale('en_US'))).toBe(
    '=LTV({arpa}, {churn_rate}, {gross_margin})',
  );
});

test('every template, in both syntaxes, as the formula parser respells it (placeholders standing in as references)', () => {
  const withFormula = listTemplates('fr').filter((t) => t.formula);
  expect(withFormula.length).toBeGreaterThan(3);
  for (const t of withFormula) {
    const pattern = t.formula as string;
    const names = [...pattern.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    const asRefs = names.reduce((f, n, i) => f.split(`{${n}}`).join(`XFD${1000 + i}`), pattern);
    for (const syntax of [SEMICOLON_SYNTAX, COMMA_SYNTAX]) {
      const parsed = respellFormula(asRefs, COMMA_SYNTAX, syntax, { spaced: true });
      expect(parsed).not.toBeNull();
      const expected = names.reduce((f, n, i) => f.split(`XFD${1000 + i}`).join(`{${n}}`), parsed as string);
      expect(formulaInSyntax(pattern, syntax)).toBe(expected);
    }
  }
});

test('a comma inside a text literal stays', () => {
  expect(formulaInSyntax('=KPI_TREND({values}, "a,b")', SEMICOLON_SYNTAX)).toBe('=KPI_TREND({values}; "a,b")');
});

describe('formulaInputsOf: the ranges a template formula was filled with', () => {
  test('every template: filled with ranges (quoted sheet names, a comma or a semicolon), read back to the same ranges', () => {
    for (const t of listTemplates('fr').filter((x) => x.formula)) {
      const pattern = t.formula as string;
      const names = [...pattern.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
      const ranges = Object.fromEntries(
        names.map((n, i) => [n, i % 2 ? `'Ventes, 2025'!C${i + 2}:C${i + 25}` : `Ventes!B2:B${25 + i}`]),
      );
      const filled = fillFormula(pattern, ranges);
      expect(filled.ok).toBe(true);
      if (!filled.ok) continue;
      expect(formulaInputsOf(pattern, filled.formula)).toEqual(ranges);
      expect(formulaInputsOf(pattern, formulaInSyntax(filled.formula, SEMICOLON_SYNTAX))).toEqual(ranges);
    }
  });

  test('a formula typed by hand, or another template, is not read as this one', () => {
    expect(formulaInputsOf('=CAC({spend}, {new_customers})', '=LTV(A1:A3, B1:B3)')).toBeNull();
    expect(formulaInputsOf('=CAC({spend}, {new_customers})', '=CAC(A1:A3)')).toBeNull();
    expect(formulaInputsOf('=CAC({spend}, {new_customers})', "=cac(Ventes!D2:D25 ; 'Ventes'!C2:C25)")).toEqual({
      spend: 'Ventes!D2:D25',
      new_customers: "'Ventes'!C2:C25",
    });
  });
});
