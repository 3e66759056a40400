/**
 * The worked examples typed as formulas in a workbook computed by HyperFormula, with Boussole's
 * custom functions registered the way Sheets would call them.
 */
import { HyperFormula, type CellValue as EngineValue, DetailedCellError } from 'hyperformula';
import fc from 'fast-check';
import * as formulajs from '@formulajs/formulajs';
import { EXAMPLES, expectedError } from '../../src/functions/examples';
import { ENGINE_CONFIG, SHEETS_CONSTANTS, registerCustomFunctions } from '../../emulator/engine/custom-functions';
import { boussoleEngineFunctions } from '../../emulator/engine/boussole-functions';

beforeAll(() => registerCustomFunctions(boussoleEngineFunctions(() => 'en')));

const RESULT_COLUMN = 25; // column Z: out of the way of every example's data

function workbook(cells: Record<string, unknown[]> | undefined, formula: string) {
  const rows: unknown[][] = [];
  const width = RESULT_COLUMN + 1;
  const ensure = (r: number) => {
    while (rows.length <= r) rows.push(new Array(width).fill(null));
  };
  ensure(1);
  for (const [letter, values] of Object.entries(cells ?? {})) {
    values.forEach((v, i) => {
      ensure(i + 1);
      rows[i + 1][letter.charCodeAt(0) - 65] = v;
    });
  }
  rows[1][RESULT_COLUMN] = formula;
  const hf = HyperFormula.buildFromArray(rows as never, ENGINE_CONFIG, SHEETS_CONSTANTS);
  const at = (row: number): EngineValue => hf.getCellValue({ sheet: 0, row, col: RESULT_COLUMN });
  return { hf, at };
}

describe('every example of FUNCTIONS.md, as a formula in a computed workbook', () => {
  test.each(EXAMPLES.map((e) => [e.formula + (e.data ? `  [${e.data}]` : ''), e] as const))('%s', (_label, example) => {
    const { hf, at } = workbook(example.cells, example.formula);
    const error = expectedError(example);
    const first = at(1);
    if (error !== undefined) {
      expect(first).toBeInstanceOf(DetailedCellError);
      expect((first as DetailedCellError).value).toBe('#ERROR!');
      expect((first as DetailedCellError).message).toContain(error);
    } else if (Array.isArray(example.expect)) {
      example.expect.forEach((x, i) => {
        const v = at(1 + i);
        if (x === '') expect(v).toBeNull();
        else expect(v as number).toBeCloseTo(x, 9);
      });
      expect(at(1 + example.expect.length)).toBeNull(); // spills exactly that far
    } else {
      expect(first as number).toBeCloseTo(example.expect as number, 9);
    }
    hf.destroy();
  });
});

describe('KPI_TREND agrees with the engine and formula.js on random series', () => {
  const series = fc.array(fc.integer({ min: -100000, max: 100000 }), { minLength: 2, maxLength: 40 });
  test('"slope" equals the engine\'s own SLOPE', () => {
    fc.assert(
      fc.property(series, (ys) => {
        const n = ys.length;
        const rows = ys.map((y, i) => [y, i + 1]);
        rows[0].push(`=KPI_TREND(A1:A${n}, "slope")` as never, `=SLOPE(A1:A${n}, B1:B${n})` as never);
        const hf = HyperFormula.buildFromArray(rows as never, ENGINE_CONFIG, SHEETS_CONSTANTS);
        const ours = hf.getCellValue({ sheet: 0, row: 0, col: 2 }) as number;
        const engine = hf.getCellValue({ sheet: 0, row: 0, col: 3 }) as number;
        hf.destroy();
        expect(Math.abs(ours - engine)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(engine)));
      }),
      { numRuns: 60 },
    );
  });
  test('"forecast" equals FORECAST (formula.js: HyperFormula 3.5 has no FORECAST) and the engine\'s INTERCEPT-free equivalent', () => {
    expect(HyperFormula.getRegisteredFunctionNames('enGB')).not.toContain('FORECAST');
    fc.assert(
      fc.property(series, fc.integer({ min: 1, max: 12 }), (ys, k) => {
        const n = ys.length;
        const rows = ys.map((y, i) => [y, i + 1]);
        rows[0].push(
          `=KPI_TREND(A1:A${n}, "forecast", ${k})` as never,
          `=AVERAGE(A1:A${n})+SLOPE(A1:A${n}, B1:B${n})*(${n + k}-AVERAGE(B1:B${n}))` as never,
        );
        const hf = HyperFormula.buildFromArray(rows as never, ENGINE_CONFIG, SHEETS_CONSTANTS);
        const ours = hf.getCellValue({ sheet: 0, row: 0, col: 2 }) as number;
        const engine = hf.getCellValue({ sheet: 0, row: 0, col: 3 }) as number;
        hf.destroy();
        const oracle = formulajs.FORECAST(
          n + k,
          ys,
          ys.map((_, i) => i + 1),
        ) as number;
        const scale = 1 + Math.abs(oracle);
        expect(Math.abs(ours - oracle)).toBeLessThanOrEqual(1e-9 * scale);
        expect(Math.abs(ours - engine)).toBeLessThanOrEqual(1e-9 * scale);
      }),
      { numRuns: 60 },
    );
  });
});

test('French error messages in a French spreadsheet', () => {
  registerCustomFunctions(boussoleEngineFunctions(() => 'fr'));
  try {
    const hf = HyperFormula.buildFromArray([[1000, 'abc', '=CAC(A1:B1, 5)']] as never, ENGINE_CONFIG, SHEETS_CONSTANTS);
    const v = hf.getCellValue({ sheet: 0, row: 0, col: 2 }) as DetailedCellError;
    expect(v.message).toBe("CAC\u00a0: dépenses, colonne 2 de la plage\u00a0: «\u00a0abc\u00a0» n'est pas un nombre");
    hf.destroy();
  } finally {
    registerCustomFunctions(boussoleEngineFunctions(() => 'en'));
  }
});
