import fc from 'fast-check';
import {
  AUDIENCE_LEVELS,
  checkSmart,
  CRITERIA,
  DIRECTIONS,
  FREQUENCIES,
  INDICATORS,
  SMART_POINTS,
  UNITS,
  type FindingLevel,
  type Kpi,
  type SmartInput,
  type SmartReport,
} from '../../../src/core/kpi';

const isoDate = fc
  .integer({ min: Date.UTC(2020, 0, 1) / 86_400_000, max: Date.UTC(2030, 11, 31) / 86_400_000 })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: fc.anything() });

const cell = fc.oneof(
  fc.double(),
  fc.integer({ min: -1000, max: 1000 }),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(''),
);

const draft = fc.record(
  {
    id: maybe(fc.constantFrom('kpi_a', 'kpi_b', '')),
    name: maybe(fc.oneof(fc.string(), fc.constantFrom('Augmenter le CA', 'Leads qualifiés par mois', 'CA', ''))),
    definition: maybe(
      fc.oneof(fc.string(), fc.constantFrom('Optimiser', 'Nombre de commandes validées hors annulations, par mois.')),
    ),
    unit: maybe(fc.constantFrom(...UNITS)),
    unitLabel: maybe(fc.string()),
    direction: maybe(fc.constantFrom(...DIRECTIONS)),
    objectiveId: maybe(fc.constantFrom('obj_1', 'obj_2', '')),
    indicator: maybe(fc.constantFrom(...INDICATORS)),
    source: maybe(
      fc.oneof(
        fc.record({
          kind: fc.constant('range'),
          values: fc.oneof(fc.constant("'S'!B2:B13"), fc.string()),
          dates: fc.option(fc.string(), { nil: undefined }),
        }),
        fc.record({ kind: fc.constant('cell'), ref: fc.oneof(fc.constant("'S'!B2"), fc.string()) }),
      ),
    ),
    baseline: maybe(fc.oneof(fc.double(), fc.constant(null))),
    target: maybe(fc.oneof(fc.double(), fc.integer(), fc.constant(null))),
    deadline: maybe(fc.oneof(isoDate, fc.string())),
    frequency: maybe(fc.constantFrom(...FREQUENCIES)),
    benchmark: maybe(fc.oneof(fc.double(), fc.constant(null))),
    owner: maybe(fc.string()),
    level: maybe(fc.constantFrom(...AUDIENCE_LEVELS)),
  },
  { requiredKeys: [] },
);

const data = fc.oneof(
  fc.record(
    {
      values: fc.array(cell, { maxLength: 30 }),
      dates: fc.array(fc.oneof(isoDate, fc.constant(null), fc.string()), { maxLength: 30 }),
    },
    { requiredKeys: ['values'] },
  ),
  fc.constant(undefined),
  fc.anything(),
);

const otherKpis = fc.oneof(fc.array(fc.oneof(draft, fc.anything()), { maxLength: 14 }), fc.anything());

const smartInput = fc.record({
  kpi: fc.oneof({ weight: 9, arbitrary: draft }, { weight: 1, arbitrary: fc.anything() }),
  objective: fc.oneof(
    fc.constant(undefined),
    fc.record({ id: fc.constantFrom('obj_1', 'obj_2'), title: fc.string(), horizon: fc.oneof(isoDate, fc.string()) }),
    fc.anything(),
  ),
  otherKpis,
  data,
  today: fc.oneof({ weight: 9, arbitrary: isoDate }, { weight: 1, arbitrary: fc.anything() }),
}) as unknown as fc.Arbitrary<SmartInput>;

/** Every number is finite, nothing is undefined or a Date: the report survives google.script.run as is. */
function assertPlainJson(x: unknown, path = 'report'): void {
  if (x === null || typeof x === 'string' || typeof x === 'boolean') return;
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw new Error(`${path} is ${x}`);
    return;
  }
  if (Array.isArray(x)) {
    for (const [i, v] of x.entries()) assertPlainJson(v, `${path}[${i}]`);
    return;
  }
  if (typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype) {
    for (const [k, v] of Object.entries(x as object)) assertPlainJson(v, `${path}.${k}`);
    return;
  }
  throw new Error(`${path} is not plain JSON: ${String(x)}`);
}

const RANK: Record<FindingLevel, number> = { failure: 0, warning: 1, pass: 2 };

describe('checkSmart properties', () => {
  test('never throws; score 0–100 from the verdicts; every finding explained; plain JSON out', () => {
    fc.assert(
      fc.property(smartInput, fc.constantFrom('fr' as const, 'en' as const), (input, lang) => {
        const r: SmartReport = checkSmart(input, lang);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(r.score).toBe(CRITERIA.reduce((s, c) => s + SMART_POINTS[r.criteria[c]], 0));
        for (const c of CRITERIA) expect(r.findings.some((f) => f.criterion === c)).toBe(true);
        for (const f of r.findings) {
          expect(f.message.trim().length).toBeGreaterThan(0);
          if (f.level === 'pass') expect(f.fix).toBe('');
          else expect(f.fix.trim().length).toBeGreaterThan(0);
        }
        assertPlainJson(r);
      }),
      { numRuns: 500 },
    );
  });

  const positiveSeries = fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 24 });
  const deadline = fc.integer({ min: 1, max: 36 }).map((months) => {
    const d = new Date(Date.UTC(2025, 0 + months, 15));
    return d.toISOString().slice(0, 10);
  });

  const kpiFor = (over: Partial<Kpi>): Partial<Kpi> => ({
    name: 'Commandes validées',
    definition: 'Nombre de commandes validées hors annulations, par mois.',
    unit: 'count',
    direction: 'higher',
    objectiveId: 'obj_1',
    indicator: 'lagging',
    source: { kind: 'range', values: "'S'!B2:B30" },
    baseline: null,
    frequency: 'monthly',
    ...over,
  });

  test('a higher target is never judged more achievable (higher is better)', () => {
    fc.assert(
      fc.property(
        positiveSeries,
        fc.double({ min: 1.0001, max: 10, noNaN: true }),
        fc.double({ min: 1, max: 3, noNaN: true }),
        deadline,
        (values, f1, f2, dl) => {
          const latest = values[values.length - 1];
          const judge = (target: number) =>
            checkSmart(
              { kpi: kpiFor({ target, deadline: dl }), otherKpis: [], data: { values }, today: '2025-01-15' },
              'en',
            ).criteria.achievable;
          const lowTarget = latest * f1;
          expect(RANK[judge(lowTarget)]).toBeGreaterThanOrEqual(RANK[judge(lowTarget * f2)]);
        },
      ),
    );
  });

  test('lower is better mirrors higher is better (values and target negated)', () => {
    // A zero in the series keeps both sides in absolute changes, where the mirror is exact.
    const series = fc
      .array(fc.integer({ min: -500, max: 500 }), { minLength: 2, maxLength: 20 })
      .map((xs) => [0, ...xs]);
    fc.assert(
      fc.property(series, fc.integer({ min: -2000, max: 2000 }), deadline, (values, target, dl) => {
        const judge = (direction: 'higher' | 'lower', sign: number) => {
          const r = checkSmart(
            {
              kpi: kpiFor({ direction, target: sign * target || 0, deadline: dl }),
              otherKpis: [],
              data: { values: values.map((v) => sign * v || 0) },
              today: '2025-01-15',
            },
            'en',
          );
          return r.findings.filter((f) => f.criterion === 'achievable').map((f) => [f.code, f.level]);
        };
        expect(judge('lower', -1)).toEqual(judge('higher', 1));
      }),
    );
  });

  test('the suggested baseline is the latest number of the data, when none is entered', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 20 }), (values) => {
        const r = checkSmart(
          { kpi: kpiFor({ target: 10, deadline: '2025-12-31' }), otherKpis: [], data: { values }, today: '2025-01-15' },
          'fr',
        );
        const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
        expect(r.suggestedBaseline).toBe(numbers.length ? numbers[numbers.length - 1] : null);
        expect(r.stats.numbers).toBe(numbers.length);
      }),
    );
  });
});
