import { CATALOG_BY_NAME } from '../../../src/functions/catalog';
import { KpiError, type Arg } from '../../../src/core/metrics';

const call = (name: string, ...args: Arg[]) => CATALOG_BY_NAME[name].impl(...args);
const col = (...xs: (number | string | boolean | Date | null)[]): Arg => xs.map((x) => [x === null ? '' : x]);
const row = (...xs: (number | string | boolean | null)[]): Arg => [xs.map((x) => (x === null ? '' : x))];

function errorOf(f: () => unknown): KpiError {
  try {
    f();
  } catch (e) {
    if (e instanceof KpiError) return e;
    throw new Error(`expected a KpiError, got ${String(e)}`);
  }
  throw new Error('expected an error, got a result');
}
const message = (f: () => unknown, lang: 'en' | 'fr' = 'en') => errorOf(f).messageIn(lang);

describe('the message says function, argument and position (in the range: the sheet row comes from the calling formula, functions/run.ts)', () => {
  test('the contract example, without a calling formula: the position inside the range, said so', () => {
    expect(message(() => call('CAC', col(1000, 2000, 'abc'), col(10, 20, 30)))).toBe(
      'CAC: spend, row 3 of the range: "abc" is not a number',
    );
  });
  test('in French, with French punctuation', () => {
    expect(message(() => call('CAC', col(1000, 2000, 'abc'), col(10, 20, 30)), 'fr')).toBe(
      "CAC\u00a0: dépenses, ligne 3 de la plage\u00a0: «\u00a0abc\u00a0» n'est pas un nombre",
    );
  });
  test('multi-column spend names row and column', () => {
    expect(
      message(() =>
        call(
          'CAC',
          [
            [1, 2],
            [3, 'x'],
          ],
          col(1, 1),
        ),
      ),
    ).toBe('CAC: spend, row 2, column 2 of the range: "x" is not a number');
  });
  test('a row of values names the column', () => {
    expect(message(() => call('KPI_TREND', row(1, 2, 'n/a', 4)))).toBe(
      'KPI_TREND: values, column 3 of the range: "n/a" is not a number',
    );
  });
});

describe.each([
  ['text', 'abc', /"abc" is not a number/],
  ['a number stored as text', '1000', /"1000" is not a number/],
  ['a boolean', true, /"true" is not a number/],
  ['a date', new Date(Date.UTC(2026, 0, 5)), /"2026-01-05" is not a number/],
  ['an error value', '#DIV/0!', /holds the error #DIV\/0!, not a number/],
  ['#N/A', '#N/A', /holds the error #N\/A/],
])('a non-blank cell that is not a number (%s) is an error in every function', (_label, bad, pattern) => {
  test.each([
    ['CAC spend', () => call('CAC', col(1, bad as never), col(1, 1)), 'CAC: spend, row 2'],
    ['CAC new_customers', () => call('CAC', col(1, 1), col(bad as never, 1)), 'CAC: new_customers, row 1'],
    ['LTV arpa', () => call('LTV', col(100, bad as never), 0.05), 'LTV: arpa, row 2'],
    ['LTV churn_rate', () => call('LTV', 100, bad as never), 'LTV: churn_rate'],
    ['KPI_TREND values', () => call('KPI_TREND', col(1, 2, bad as never)), 'KPI_TREND: values, row 3'],
    ['KPI_PROGRESS target', () => call('KPI_PROGRESS', 5, bad as never), 'KPI_PROGRESS: target'],
    ['LTV_CAC cac', () => call('LTV_CAC', 100, bad as never), 'LTV_CAC: cac'],
    ['CAC_PAYBACK arpa', () => call('CAC_PAYBACK', 100, col(5, bad as never)), 'CAC_PAYBACK: arpa, row 2'],
    ['CHURN_RATE lost', () => call('CHURN_RATE', col(bad as never), col(10)), 'CHURN_RATE: lost_customers'],
    [
      'CONVERSION_RATE visitors',
      () => call('CONVERSION_RATE', col(1, 2), col(10, bad as never)),
      'CONVERSION_RATE: visitors, row 2',
    ],
    ['NPS scores', () => call('NPS', col(9, 10, bad as never)), 'NPS: scores, row 3'],
  ])('%s', (_name, f, prefix) => {
    const m = message(f);
    expect(m.startsWith(prefix)).toBe(true);
    expect(m).toMatch(pattern);
  });
});

describe('blanks are skipped, never an error', () => {
  test('CAC ignores a fully blank row', () => {
    expect(call('CAC', col(1000, null, 3000), col(10, null, 20))).toBeCloseTo(4000 / 30, 12);
  });
  test('LTV takes the mean of non-blank cells', () => {
    expect(call('LTV', col(100, null, 200), col(0.1, null))).toBeCloseTo(150 / 0.1, 9);
  });
  test('NPS skips blanks', () => {
    expect(call('NPS', col(10, null, null, 0))).toBe(0);
  });
  test('a blank optional argument takes its default', () => {
    expect(call('LTV', 100, 0.05, '', '')).toBeCloseTo(2000, 9);
    expect(call('KPI_TREND', col(8, 8, 8, 12), '', '')).toBeCloseTo(0.5, 12);
    expect(call('CAC', col(10), col(2), '')).toBe(5);
  });
  test('by_period: a blank row gives an empty cell, as does a zero denominator', () => {
    expect(call('CHURN_RATE', col(5, null, 3), col(100, null, 0), true)).toEqual([[0.05], [''], ['']]);
  });
  test('by_period: a row with customers but no spend entered is empty, not 0', () => {
    expect(call('CAC', col(null, 100), col(5, 10), true)).toEqual([[''], [10]]);
  });
});

describe('empty ranges and all blanks', () => {
  test.each([
    ['CAC', () => call('CAC', col(null, null), col(null, null)), 'CAC: no values'],
    ['CHURN_RATE', () => call('CHURN_RATE', [], []), 'CHURN_RATE: no values'],
    ['LTV', () => call('LTV', col(null), 0.05), 'LTV: arpa: no values'],
    ['NPS', () => call('NPS', col(null, null)), 'NPS: scores: no values'],
    [
      'KPI_TREND',
      () => call('KPI_TREND', col(null, null)),
      'KPI_TREND: values: needs at least 2 values, the series has 0',
    ],
  ])('%s', (_n, f, text) => expect(message(f)).toContain(text));
});

describe('mismatched sizes say both sizes', () => {
  test('CAC 3 rows vs 2 rows', () => {
    expect(message(() => call('CAC', col(1, 2, 3), col(1, 2)))).toBe(
      'CAC: spend has 3 rows but new_customers has 2 rows; the ranges must line up',
    );
  });
  test('in French', () => {
    expect(message(() => call('CAC', col(1, 2, 3), col(1, 2)), 'fr')).toBe(
      'CAC\u00a0: dépenses a 3 lignes mais nouveaux_clients en a 2\u202f; les plages doivent avoir la même taille',
    );
  });
  test('horizontal layouts compare columns', () => {
    expect(message(() => call('CHURN_RATE', row(1, 2, 3), row(10, 20)))).toBe(
      'CHURN_RATE: lost_customers has 3 columns but customers_at_start has 2 columns; the ranges must line up',
    );
  });
  test('KPI_PROGRESS with two ranges of different lengths', () => {
    expect(message(() => call('KPI_PROGRESS', col(1, 2, 3), col(4, 5)))).toContain(
      'target has 2 rows but actual has 3 rows',
    );
  });
  test('a 2-D denominator is refused', () => {
    expect(
      message(() =>
        call(
          'CAC',
          [
            [1, 2],
            [3, 4],
          ],
          [
            [1, 2],
            [3, 4],
          ],
        ),
      ),
    ).toBe('CAC: new_customers: expected a single column or row, got 2 rows × 2 columns');
  });
  test('spend spanning columns is allowed only for CAC', () => {
    expect(
      message(() =>
        call(
          'CHURN_RATE',
          [
            [1, 2],
            [3, 4],
          ],
          col(10, 20),
        ),
      ),
    ).toContain('lost_customers: expected a single column or row');
  });
  test('KPI_TREND wants a row or a column', () => {
    expect(
      message(() =>
        call('KPI_TREND', [
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toContain('values: expected one row or one column');
  });
});

describe('a row vs a column, a cell vs a range', () => {
  test('periods across the columns give a row', () => {
    expect(call('CAC', row(1000, 2000, 3000), row(10, 20, 0), true)).toEqual([[100, 100, '']]);
  });
  test('months across with cost lines down', () => {
    expect(
      call(
        'CAC',
        [
          [100, 200],
          [300, 400],
        ],
        row(4, 6),
      ),
    ).toBeCloseTo(1000 / 10, 12);
  });
  test('a column paired with a row of the same length is accepted', () => {
    expect(call('CHURN_RATE', col(5, 10), row(100, 200))).toBeCloseTo(0.05, 12);
  });
  test('single cells work like one-row ranges', () => {
    expect(call('CAC', 1000, 10)).toBe(100);
    expect(call('CAC', [[1000]], [[10]])).toBe(100);
    expect(call('NPS', 10)).toBe(100);
  });
  test('KPI_TREND reads a row like a column', () => {
    expect(call('KPI_TREND', row(1, 3, 5, 7, 9), 'slope')).toBeCloseTo(2, 12);
  });
  test('KPI_PROGRESS fills a column from ranges and single cells', () => {
    expect(call('KPI_PROGRESS', col(7, 10, null, 5), 5, 10)).toEqual([[0.6], [0], [''], [1]]);
  });
  test('KPI_PROGRESS: a zero-width goal is an empty cell in a column, an error alone', () => {
    expect(call('KPI_PROGRESS', col(3, 4), col(10, 0), 0)).toEqual([[0.3], ['']]);
    expect(message(() => call('KPI_PROGRESS', 3, 0))).toBe(
      'KPI_PROGRESS: the target equals the baseline: progress is undefined',
    );
  });
  test('LTV_CAC and CAC_PAYBACK fill columns', () => {
    expect(call('LTV_CAC', col(300, 600), col(100, 0))).toEqual([[3], ['']]);
    expect(call('CAC_PAYBACK', col(1200, 600), col(100, 50), 0.8)).toEqual([[15], [15]]);
  });
});

describe('rules per function', () => {
  test('negative counts are refused', () => {
    expect(message(() => call('CAC', col(10, 10), col(1, -1)))).toBe(
      'CAC: new_customers, row 2 of the range: -1 is negative; expected a number ≥ 0',
    );
  });
  test('NPS answers must be whole numbers from 0 to 10', () => {
    expect(message(() => call('NPS', col(9, 11)))).toBe(
      'NPS: scores, row 2 of the range: 11 is not an NPS answer (a whole number from 0 to 10)',
    );
    expect(message(() => call('NPS', col(7.5)))).toContain('7.5 is not an NPS answer');
    expect(message(() => call('NPS', col(-1)))).toContain('-1 is not an NPS answer');
  });
  test('NPS from a grid of answers', () => {
    expect(
      call('NPS', [
        [10, 10],
        [0, 8],
      ]),
    ).toBe(25);
  });
  test('LTV rates above 100 % and the 5-instead-of-5 % mistake', () => {
    expect(message(() => call('LTV', 100, 5))).toContain(
      'churn rate above 100 % (500 %); type a percentage such as 5% or 0.05',
    );
    expect(message(() => call('LTV', 100, 0.05, 1.2))).toContain('gross margin above 100 %');
    expect(message(() => call('LTV', 100, 0.05, 1, 2))).toContain('discount rate above 100 %');
  });
  test('LTV: churn 0 is fine with a discount rate', () => {
    expect(call('LTV', 100, 0, 0.8, 0.02)).toBeCloseTo((100 * 0.8 * 1.02) / 0.02, 9);
  });
  test('KPI_TREND modes and periods', () => {
    const s = col(10, 12, 11, 15);
    expect(call('KPI_TREND', s, 'DELTA')).toBe(4);
    expect(call('KPI_TREND', s, ' pct ', 3)).toBeCloseTo(15 / 11 - 1, 12);
    expect(call('KPI_TREND', s, 'direction')).toBe(1);
    expect(call('KPI_TREND', col(5, 3), 'direction')).toBe(-1);
    expect(call('KPI_TREND', col(5, 5), 'direction')).toBe(0);
    expect(call('KPI_TREND', s, 'slope', 2)).toBe(4);
    expect(message(() => call('KPI_TREND', s, 'average'))).toBe(
      'KPI_TREND: mode: unknown mode "average"; use one of "pct", "delta", "slope", "forecast", "direction"',
    );
    expect(message(() => call('KPI_TREND', s, 'pct', 0))).toContain('periods: "0" is not a number of periods');
    expect(message(() => call('KPI_TREND', s, 'pct', 1.5))).toContain('"1.5" is not a number of periods');
    expect(message(() => call('KPI_TREND', s, 'pct', 4))).toContain('needs at least 5 values, the series has 4');
    expect(message(() => call('KPI_TREND', s, 3))).toContain('mode: "3" should be a text in quotes');
    expect(message(() => call('KPI_TREND', s, 'pct', 'two'))).toContain('periods: "two" is not a number');
  });
  test('KPI_TREND pct of a negative base keeps the sign of the change', () => {
    expect(call('KPI_TREND', col(-10, -5))).toBeCloseTo(0.5, 12);
  });
  test('by_period must be a boolean', () => {
    expect(message(() => call('CAC', 10, 1, 'yes'))).toBe('CAC: by_period: "yes" is neither TRUE nor FALSE');
  });
  test('mode and periods must be single values', () => {
    expect(message(() => call('KPI_TREND', col(1, 2), col('pct', 'delta')))).toContain('mode: expected a single value');
  });
});

test('NaN or Infinity handed over by a script is an error, not a result', () => {
  expect(message(() => call('CAC', col(NaN), col(1)))).toBe('CAC: spend: "NaN" is not a number');
  expect(message(() => call('KPI_PROGRESS', Infinity, 1))).toBe('KPI_PROGRESS: actual: "Infinity" is not a number');
});

describe('huge and tiny numbers', () => {
  test('tiny values are computed exactly', () => {
    expect(call('CAC', col(1e-300), col(1e-300))).toBe(1);
    expect(call('KPI_TREND', col(1e-200, 2e-200), 'pct')).toBeCloseTo(1, 12);
  });
  test('huge values that overflow are an error, never Infinity', () => {
    // Σ spend overflows, but the answer (1e308) is finite: it is returned (#14, item 8).
    expect(call('CAC', col(1e308, 1e308), col(1, 1))).toBe(1e308);
    expect(message(() => call('CAC', col(1e308, 1e308), col(0.5, 0.5)))).toBe(
      'CAC: the result is too large to compute',
    );
    expect(message(() => call('CAC', col(1e300), col(1e-300)))).toBe('CAC: the result is too large to compute');
    expect(message(() => call('KPI_TREND', col(-1e308, 1e308), 'delta'))).toContain('too large');
  });
  test('large but finite values pass', () => {
    expect(call('KPI_TREND', col(1e15, 2e15, 3e15), 'slope')).toBeCloseTo(1e15, -2);
  });
});
