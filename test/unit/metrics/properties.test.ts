import fc from 'fast-check';
import { CATALOG } from '../../../src/functions/catalog';
import { KpiError, type Arg, type CellValue } from '../../../src/core/metrics';

const numberCell = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }), // Sheets never passes NaN; a JS caller's NaN is covered in bad-inputs
  fc.integer({ min: -5, max: 1000 }),
  fc.constantFrom(0, 1, 0.05, 1e-300, 1e300, -1e308, 1e308, Number.MAX_VALUE, Number.MIN_VALUE, 10, 9, 6),
);
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: numberCell },
  { weight: 2, arbitrary: fc.constant('') },
  fc.string({ maxLength: 6 }),
  fc.boolean(),
  fc.constantFrom('#N/A', '#DIV/0!', 'pct', 'delta', 'slope', 'forecast', 'direction', null, undefined),
  fc.date({ noInvalidDate: false }),
);
const grid: fc.Arbitrary<CellValue[][]> = fc
  .record({ rows: fc.integer({ min: 0, max: 6 }), cols: fc.integer({ min: 1, max: 3 }) })
  .chain(({ rows, cols }) =>
    fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
  );
const arg: fc.Arbitrary<Arg> = fc.oneof(cell as fc.Arbitrary<Arg>, grid as fc.Arbitrary<Arg>);

function isAcceptable(result: unknown): boolean {
  if (typeof result === 'number') return Number.isFinite(result) && !Object.is(result, -0);
  if (!Array.isArray(result) || result.length === 0) return false;
  const width = (result[0] as unknown[]).length;
  return result.every(
    (row) =>
      Array.isArray(row) &&
      row.length === width &&
      row.every((c) => c === '' || (typeof c === 'number' && Number.isFinite(c))),
  );
}

describe.each(CATALOG.map((f) => [f.name, f] as const))(
  '%s never yields NaN, Infinity, undefined or an object',
  (_name, spec) => {
    test('a number, a column of numbers/blanks, or an error with a message in both languages', () => {
      fc.assert(
        fc.property(fc.array(arg, { minLength: 0, maxLength: spec.params.length }), (args) => {
          let result: unknown;
          try {
            result = spec.impl(...args);
          } catch (e) {
            if (!(e instanceof KpiError)) throw e;
            for (const lang of ['en', 'fr'] as const) {
              const m = e.messageIn(lang);
              expect(m.startsWith(spec.name)).toBe(true);
              // What the user typed is quoted back as is; the rest of the message must be clean.
              const ours = m.replace(/"[^"]*"|« [^»]* »/g, '');
              expect(ours).not.toMatch(/NaN|Infinity|\[object|(?<!is |n'est pas )undefined/);
            }
            return;
          }
          expect(isAcceptable(result)).toBe(true);
        }),
        { numRuns: 3000 },
      );
    });
  },
);

/** Independent oracles on clean data. */
const cleanColumn = fc.array(fc.oneof(fc.integer({ min: 0, max: 100000 }), fc.constant(null)), {
  minLength: 1,
  maxLength: 40,
});

test('CAC equals Σ spend ÷ Σ new customers, and by_period gives one cell per row', () => {
  fc.assert(
    fc.property(cleanColumn, cleanColumn, (spend, fresh) => {
      const n = Math.min(spend.length, fresh.length);
      const s = spend.slice(0, n);
      const f = fresh.slice(0, n);
      const toArg = (xs: (number | null)[]) => xs.map((x) => [x ?? '']);
      const sumS = s.reduce<number>((a, x) => a + (x ?? 0), 0);
      const sumF = f.reduce<number>((a, x) => a + (x ?? 0), 0);
      const cac = CATALOG.find((x) => x.name === 'CAC')!;
      if (sumF > 0) expect(cac.impl(toArg(s), toArg(f))).toBeCloseTo(sumS / sumF, 6);
      const column = cac.impl(toArg(s), toArg(f), true) as (number | string)[][];
      expect(column).toHaveLength(n);
      column.forEach(([c], i) => {
        if (f[i] === null || f[i] === 0 || s[i] === null) expect(c).toBe('');
        else expect(c).toBeCloseTo((s[i] as number) / (f[i] as number), 9);
      });
    }),
  );
});

test('KPI_TREND slope and forecast agree with the textbook least-squares formulas', () => {
  const trend = CATALOG.find((x) => x.name === 'KPI_TREND')!;
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 60 }),
      fc.integer({ min: 1, max: 5 }),
      (ys, k) => {
        const n = ys.length;
        const xs = ys.map((_, i) => i + 1);
        const mx = xs.reduce((a, b) => a + b) / n;
        const my = ys.reduce((a, b) => a + b) / n;
        let sxy = 0;
        let sxx = 0;
        for (let i = 0; i < n; i++) {
          sxy += (xs[i] - mx) * (ys[i] - my);
          sxx += (xs[i] - mx) ** 2;
        }
        const b = sxy / sxx;
        const a = my - b * mx;
        const column = ys.map((y) => [y]);
        const tol = 1e-7 * (1 + Math.max(...ys.map(Math.abs)));
        expect(Math.abs((trend.impl(column, 'slope') as number) - b)).toBeLessThanOrEqual(tol);
        expect(Math.abs((trend.impl(column, 'forecast', k) as number) - (a + b * (n + k)))).toBeLessThanOrEqual(
          tol * (n + k),
        );
      },
    ),
  );
});
