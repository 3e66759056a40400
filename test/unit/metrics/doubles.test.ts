/**
 * At the edge of doubles (issue #14, item 8): where the answer is a finite number, the functions
 * return it, even when a plain sum of the inputs would overflow; they never return −0.
 *
 * The oracle: small integers scaled by a power of two. Scaling by 2^k is exact, so every answer
 * on the scaled inputs is the answer on the small ones (computed exactly) scaled by 2^k, or 1
 * for ratios and directions; and the answer is "too large" only when that scaled value is.
 */
import fc from 'fast-check';
import { KpiError, type Arg } from '../../../src/core/metrics';
import { CATALOG_BY_NAME } from '../../../src/functions/catalog';

const call = (name: string, ...args: Arg[]) => CATALOG_BY_NAME[name].impl(...args);
const col = (...xs: number[]): Arg => xs.map((x) => [x]);
const big = 2 ** 1019; // 15 × 2^1019 ≈ 8.4e307 < MAX_VALUE, but three of them overflow a plain sum

function tooLarge(f: () => unknown): boolean {
  try {
    f();
    return false;
  } catch (e) {
    if (e instanceof KpiError) return e.problem.code === 'not_finite';
    throw e;
  }
}

describe('KPI_TREND on a flat series of ±1e308', () => {
  for (const v of [1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE]) {
    test(`${v}: direction 0, delta 0, pct 0, slope 0, forecast ${v}`, () => {
      const s = col(v, v, v, v);
      for (const periods of [1, 2, 3]) {
        expect(Object.is(call('KPI_TREND', s, 'direction', periods), 0)).toBe(true);
        expect(Object.is(call('KPI_TREND', s, 'delta', periods), 0)).toBe(true);
        expect(Object.is(call('KPI_TREND', s, 'pct', periods), 0)).toBe(true);
      }
      expect(Object.is(call('KPI_TREND', s, 'slope'), 0)).toBe(true);
      expect(call('KPI_TREND', s, 'forecast')).toBe(v);
    });
  }
});

test('a flat series whose plain mean rounds (0.1 three times) has direction 0, not ±1', () => {
  expect((0.1 + 0.1 + 0.1) / 3).not.toBe(0.1); // why the plain mean is the wrong base
  const s = col(0.1, 0.1, 0.1, 0.1);
  expect(Object.is(call('KPI_TREND', s, 'direction', 3), 0)).toBe(true);
  expect(Object.is(call('KPI_TREND', s, 'pct', 3), 0)).toBe(true);
});

test('never −0, whatever the signs of zero in the input', () => {
  for (const mode of ['direction', 'delta', 'pct', 'slope', 'forecast']) {
    for (const s of [col(0, -0), col(-0, 0), col(-0, -0), col(5, 5), col(-5, -5)]) {
      let r: unknown;
      try {
        r = call('KPI_TREND', s, mode);
      } catch (e) {
        expect(e).toBeInstanceOf(KpiError); // pct from 0 is undefined
        continue;
      }
      expect([mode, Object.is(r, -0)]).toEqual([mode, false]);
    }
  }
});

test('a genuinely infinite answer is still "too large"', () => {
  expect(tooLarge(() => call('KPI_TREND', col(-1e308, 1e308), 'delta'))).toBe(true);
  expect(tooLarge(() => call('KPI_TREND', col(-1e308, 1e308), 'slope'))).toBe(true);
  expect(call('KPI_TREND', col(-1e308, 1e308), 'direction')).toBe(1);
});

describe('ratios of sums whose plain sums overflow', () => {
  test('CONVERSION_RATE, CAC and CHURN_RATE of a ratio of 1', () => {
    const s = col(1e308, 1e308, 1e308);
    expect(call('CONVERSION_RATE', s, s)).toBe(1);
    expect(call('CAC', s, s)).toBe(1);
    expect(call('CHURN_RATE', s, s)).toBe(1);
  });
  test('a ratio of 3/4 over two periods each at 1e308 scale', () => {
    expect(call('CONVERSION_RATE', col(0.75e308, 1.2e308), col(1e308, 1.6e308))).toBeCloseTo(0.75, 14);
  });
  test('several spend lines whose per-period sum overflows', () => {
    const spend = [
      [1e308, 1e308],
      [1e308, 1e308],
    ];
    expect(call('CAC', spend, col(1e308, 1e308))).toBe(2);
    expect(call('CAC', spend, col(1e308, 1e308), true)).toEqual([[2], [2]]);
  });
  test('a huge numerator over a tiny denominator is too large, not "zero"', () => {
    expect(tooLarge(() => call('CAC', col(1e308), col(1e-300)))).toBe(true);
  });
});

const smallInts = fc.array(fc.integer({ min: -15, max: 15 }), { minLength: 2, maxLength: 12 });

test('KPI_TREND on series scaled by 2^1019 answers as on the small integers', () => {
  fc.assert(
    fc.property(smallInts, fc.integer({ min: 1, max: 4 }), (ints, p) => {
      fc.pre(ints.length > p);
      const n = ints.length;
      const last = ints[n - 1];
      const window = ints.slice(n - 1 - p, n - 1);
      // Exact on small integers: delta = last − mean = (p·last − Σ window) / p.
      const num = p * last - window.reduce((a, b) => a + b, 0);
      const scaled = col(...ints.map((x) => x * big));
      expect(call('KPI_TREND', scaled, 'direction', p)).toBe(Math.sign(num) + 0);
      // |num / p| ≤ 30 < 32, so delta × 2^1019 < 2^1024 stays finite.
      expect((call('KPI_TREND', scaled, 'delta', p) as number) / big).toBeCloseTo(num / p, 9);
      const base = window.reduce((a, b) => a + b, 0);
      if (base !== 0) {
        const pct = num / Math.abs(base);
        expect(call('KPI_TREND', scaled, 'pct', p)).toBeCloseTo(pct, 12);
      }
    }),
  );
});

test('ratios of sums scaled by 2^1019 equal the ratio on the small integers', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 15 })), {
        minLength: 1,
        maxLength: 10,
      }),
      (pairs) => {
        const a = pairs.map(([x]) => x);
        const b = pairs.map(([, y]) => y);
        const sb = b.reduce((s, y) => s + y, 0);
        fc.pre(sb > 0);
        const expected = a.reduce((s, x) => s + x, 0) / sb;
        expect(call('CONVERSION_RATE', col(...a.map((x) => x * big)), col(...b.map((y) => y * big)))).toBeCloseTo(
          expected,
          12,
        );
      },
    ),
  );
});
