import fc from 'fast-check';
import { granularityOf, seriesOf, type SourceColumns } from '../../../src/core/kpi/aggregation';
import { dateOrderOf, dayIso, isoDay, periodIndex, periodStartDay, textDay } from '../../../src/core/kpi/dates';
import { FORMULA_FUNCTIONS, FORMULA_KINDS, parseKpiFormula } from '../../../src/core/kpi/formula-kpi';
import { assessKpi } from '../../../src/core/kpi/status';
import { periodOf, periodOfIndex } from '../../../src/core/history/periods';
import { REAL_DATA, TODAY } from '../../support/real-data';
import { columnsOf } from '../../support/real-columns';

const today = isoDay(TODAY)!;
const day = (iso: string) => isoDay(iso)!;

describe('real-shaped data: one value per period, worked out by hand (test/support/real-data.ts)', () => {
  for (const set of REAL_DATA)
    for (const k of set.kpis) {
      test(`${set.sheet} · ${k.name}`, () => {
        const s = seriesOf(columnsOf(set, k), { frequency: k.frequency, aggregation: k.aggregation, today });
        expect(
          s.points.map((p) => ({ period: periodOfIndex(p.index, k.frequency).key, value: p.value, rows: p.rows })),
        ).toEqual(k.expected.periods.map((p) => ({ ...p, value: expect.closeTo(p.value, 12) })));
        expect(s.inProgress).toBe(k.expected.inProgress);
        if (k.expected.counts) expect(s.counts).toMatchObject(k.expected.counts);
        if (k.expected.categories)
          expect(s.categories).toEqual(
            k.expected.categories.map((c) => ({ ...c, value: expect.closeTo(c.value, 12), rows: 1 })),
          );
        const a = assessKpi({ ...k, createdAt: k.createdAt }, s, today);
        expect(a.judged ? periodOfIndex(a.judged.index, k.frequency).key : null).toBe(k.expected.judged);
        expect(a.status).toBe(k.expected.status);
        if (k.expected.progress === null) expect(a.progress).toBeNull();
        else expect(a.progress).toBeCloseTo(k.expected.progress, 12);
        expect(a.start).toBe(k.expected.start);
      });
    }
});

describe('dates', () => {
  test('day numbers round-trip through the calendar for four centuries', () => {
    for (let dd = day('1900-01-01'); dd < day('2300-01-01'); dd += 13) {
      const iso = dayIso(dd);
      expect(isoDay(iso)).toBe(dd);
      expect(iso).toBe(new Date(dd * 86_400_000).toISOString().slice(0, 10));
    }
  });

  test('period index and its first day agree with the calendar', () => {
    for (let dd = day('2023-12-20'); dd < day('2027-01-10'); dd++) {
      for (const f of ['daily', 'weekly', 'monthly', 'quarterly'] as const) {
        const i = periodIndex(dd, f);
        expect(periodStartDay(i, f)).toBe(periodOf(dd, f).start);
        expect(periodIndex(periodStartDay(i + 1, f), f)).toBe(i + 1);
      }
    }
  });

  test('text dates: ISO, day first, month first, two-digit years as Sheets reads them', () => {
    expect(textDay('2026-03-15', 'mdy')).toBe(day('2026-03-15'));
    expect(textDay('2026-03-15T10:00:00Z', 'dmy')).toBe(day('2026-03-15'));
    expect(textDay('15/03/2026', 'dmy')).toBe(day('2026-03-15'));
    expect(textDay('5.3.2026', 'dmy')).toBe(day('2026-03-05'));
    expect(textDay('03/05/2026', 'mdy')).toBe(day('2026-03-05'));
    expect(textDay('15-03-26', 'dmy')).toBe(day('2026-03-15'));
    expect(textDay('15/03/45', 'dmy')).toBe(day('1945-03-15'));
    expect(textDay(' 01/02/2026 14:30 ', 'dmy')).toBe(day('2026-02-01'));
    expect(textDay('31/02/2026', 'dmy')).toBeNull();
    expect(textDay('15/03/2026', 'mdy')).toBeNull();
    expect(textDay('mars 2026', 'dmy')).toBeNull();
    expect(textDay('2026-13-01', 'dmy')).toBeNull();
  });

  test("a column's order is read from its own dates, else the locale's", () => {
    expect(dateOrderOf(['01/02/2026', '28/02/2026'], 'mdy')).toBe('dmy');
    expect(dateOrderOf(['01/02/2026', '02/28/2026'], 'dmy')).toBe('mdy');
    expect(dateOrderOf(['01/02/2026', '03/04/2026'], 'mdy')).toBe('mdy');
    expect(dateOrderOf(['01/02/2026', '03/04/2026'], 'dmy')).toBe('dmy');
    // Contradictory columns fall back to the locale rather than guessing.
    expect(dateOrderOf(['13/02/2026', '02/13/2026'], 'dmy')).toBe('dmy');
  });

  test('granularity is how often periods have rows, not the median gap', () => {
    const days = (from: string, step: number, n: number) => Array.from({ length: n }, (_, i) => day(from) + i * step);
    expect(granularityOf(days('2026-01-01', 1, 60))).toBe('daily');
    // Weekdays only: 5 days of 7 still count as daily data.
    expect(granularityOf(days('2026-01-05', 1, 70).filter((x) => (x + 3) % 7 < 5))).toBe('daily');
    expect(granularityOf(days('2026-01-05', 7, 20))).toBe('weekly');
    // Three invoices a month on the 3rd, 12th and 24th: many weeks have none.
    const invoices = Array.from({ length: 12 }, (_, m) =>
      [3, 12, 24].map((dd) => day(`2025-${String(m + 1).padStart(2, '0')}-${String(dd).padStart(2, '0')}`)),
    ).flat();
    expect(granularityOf(invoices)).toBe('monthly');
    expect(granularityOf(days('2020-01-15', 91, 12))).toBe('quarterly');
    expect(granularityOf(days('2020-06-30', 365, 5))).toBe('yearly');
    expect(granularityOf([day('2026-01-01')])).toBeNull();
  });
});

describe('aggregations', () => {
  const dated = (rows: [string, number | string | null, (number | string | null)?][]): SourceColumns => ({
    dates: rows.map((r) => r[0]),
    values: rows.map((r) => r[1]),
    denominators: rows.map((r) => r[2] ?? null),
  });
  const rows = dated([
    ['2026-01-20', 10, 100],
    ['2026-01-05', 30, 200],
    ['2026-02-10', 5, 50],
    ['2026-02-03', 25, 0],
    ['2026-02-03', 'n/a', 10],
    ['2026-01-12', null, 40],
    ['2026-01-28', 20, null],
  ]);
  const spec = { frequency: 'monthly' as const, today: day('2026-03-10') };
  const values = (agg: Parameters<typeof seriesOf>[1]['aggregation']) =>
    seriesOf(rows, { ...spec, aggregation: agg }).points.map((p) => [periodOfIndex(p.index, 'monthly').key, p.value]);

  test('sum, average, min, max, last by date, count', () => {
    expect(values('sum')).toEqual([
      ['2026-01', 60],
      ['2026-02', 30],
    ]);
    expect(values('average')).toEqual([
      ['2026-01', 20],
      ['2026-02', 15],
    ]);
    expect(values('min')).toEqual([
      ['2026-01', 10],
      ['2026-02', 5],
    ]);
    expect(values('max')).toEqual([
      ['2026-01', 30],
      ['2026-02', 25],
    ]);
    // Last by date, not by row: 28 Jan (20) and 10 Feb (5).
    expect(values('last')).toEqual([
      ['2026-01', 20],
      ['2026-02', 5],
    ]);
    // Non-blank cells, text included.
    expect(values('count')).toEqual([
      ['2026-01', 3],
      ['2026-02', 3],
    ]);
  });

  test('ratio: Σ values ÷ Σ denominators over the rows where both are numbers', () => {
    // January: (10 + 30) / (100 + 200); the 20 without a denominator is unpaired. February: (5 + 25) / (50 + 0).
    expect(values('ratio')).toEqual([
      ['2026-01', 40 / 300],
      ['2026-02', 30 / 50],
    ]);
    expect(seriesOf(rows, { ...spec, aggregation: 'ratio' }).counts.unpaired).toBe(1);
    const zero = seriesOf(dated([['2026-01-05', 3, 0]]), { ...spec, aggregation: 'ratio' });
    expect(zero.points).toEqual([]);
    expect(zero.emptyPeriods).toBe(1);
  });

  test('a stock in several places: the sum of each place’s last reading; each place beside it', () => {
    const s = seriesOf(
      {
        dates: ['2026-02-27', '2026-02-28', '2026-02-10', '2026-02-26', '2026-01-31'],
        values: [12, 7, 20, 9, 50],
        categories: ['Lyon', 'Paris', 'Lyon', 'Paris', 'Lyon'],
      },
      { ...spec, aggregation: 'last' },
    );
    expect(s.points.map((p) => p.value)).toEqual([50, 19]);
    expect(s.categories).toEqual([
      { category: 'Lyon', value: 12, rows: 2 },
      { category: 'Paris', value: 7, rows: 2 },
    ]);
  });

  test('undated: each cell one period, the last filled one today’s; blanks are gaps', () => {
    const s = seriesOf({ values: [5, null, 7, 'x', 9] }, { ...spec, aggregation: 'sum' });
    const now = periodIndex(day('2026-03-10'), 'monthly');
    expect(s.kind).toBe('undated');
    expect(s.points).toEqual([
      { index: now - 4, value: 5, rows: 1 },
      { index: now - 2, value: 7, rows: 1 },
      { index: now, value: 9, rows: 1 },
    ]);
    expect(s.inProgress).toBe(false);
    expect(s.counts).toMatchObject({ numbers: 3, blanks: 1, texts: 1, sampleText: 'x' });
  });

  test('numbers without a readable date are left out and reported; no readable date at all is undated', () => {
    const s = seriesOf({ values: [1, 2, 3], dates: ['2026-01-05', 'hier', null] }, { ...spec, aggregation: 'sum' });
    expect(s.kind).toBe('dated');
    expect(s.points.map((p) => p.value)).toEqual([1]);
    expect(s.counts).toMatchObject({ undated: 2, sampleDate: 'hier' });
    expect(seriesOf({ values: [1, 2], dates: ['x', 'y'] }, { ...spec, aggregation: 'sum' }).kind).toBe('undated');
  });

  test('the order of the rows never changes a period’s value (any aggregation)', () => {
    const row = fc.tuple(
      fc.integer({ min: 0, max: 120 }),
      fc.integer({ min: -1000, max: 1000 }),
      fc.integer({ min: 1, max: 50 }),
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), fc.nat(), (list, seed) => {
        const build = (l: typeof list): SourceColumns => ({
          dates: l.map(([dd]) => dayIso(day('2026-01-01') + dd)),
          values: l.map(([, v]) => v),
          denominators: l.map(([, , w]) => w),
        });
        // Distinct days for `last`, whose ties follow the sheet's order on purpose.
        const unique = list.filter((r, i) => list.findIndex((x) => x[0] === r[0]) === i);
        const shuffled = [...unique].sort((a, b) => ((a[1] * 31 + seed) % 7) - ((b[1] * 31 + seed) % 7));
        for (const aggregation of ['sum', 'average', 'min', 'max', 'count', 'ratio', 'last'] as const) {
          const a = seriesOf(build(unique), { ...spec, frequency: 'weekly', aggregation }).points;
          const b = seriesOf(build(shuffled), { ...spec, frequency: 'weekly', aggregation }).points;
          expect(b.map((p) => p.index)).toEqual(a.map((p) => p.index));
          for (const [i, p] of b.entries()) expect(p.value).toBeCloseTo(a[i]?.value ?? Number.NaN, 9);
        }
      }),
    );
  });
});

describe('template formulas computed per period from their inputs', () => {
  const spec = { frequency: 'monthly' as const, aggregation: 'ratio' as const, today: day('2026-03-10') };

  test('parsing: the filled template, in either syntax; anything else is not computed', () => {
    expect(parseKpiFormula("=CONVERSION_RATE('Canaux'!C2:C5, 'Canaux'!B2:B5, TRUE)")).toEqual({
      fn: 'CONVERSION_RATE',
      complement: false,
      args: [
        { kind: 'range', ref: "'Canaux'!C2:C5" },
        { kind: 'range', ref: "'Canaux'!B2:B5" },
        { kind: 'value', value: true },
      ],
    });
    expect(parseKpiFormula("=1-CHURN_RATE('Effectif; RH'!B2:B13;'Effectif; RH'!C2:C13)")).toMatchObject({
      fn: 'CHURN_RATE',
      complement: true,
      args: [{ ref: "'Effectif; RH'!B2:B13" }, { ref: "'Effectif; RH'!C2:C13" }],
    });
    expect(parseKpiFormula('=KPI_TREND(Ventes!B2:B, "pct")')).toMatchObject({ fn: 'KPI_TREND' });
    expect(parseKpiFormula('=CAC(B2:B13, C2:C13)')).toBeNull(); // no sheet: which one?
    expect(parseKpiFormula('=SUM(Ventes!B2:B13)')).toBeNull();
    expect(parseKpiFormula('=CAC(Ventes!B2:B13, Ventes!C2:C13)*2')).toBeNull();
    expect(parseKpiFormula('')).toBeNull();
  });

  test('conversion by channel: the blended rate, and each channel’s', () => {
    const f = parseKpiFormula("=CONVERSION_RATE('Canaux'!C2:C5, 'Canaux'!B2:B5, TRUE)")!;
    const s = seriesOf(
      {
        values: [120, 30, 45, 60],
        categories: ['Recherche', 'Réseaux sociaux', 'Emailing', 'Publicité'],
        inputs: [
          [120, 30, 45, 60],
          [4000, 2500, 900, 2600],
        ],
      },
      { ...spec, formula: f },
    );
    expect(s.points.map((p) => p.value)).toEqual([255 / 10000]);
    expect(s.categories!.map((c) => c.value)).toEqual([0.03, 0.012, 0.05, 60 / 2600]);
  });

  test('CAC per month from spend and new customers rows; a month without customers has no value', () => {
    const f = parseKpiFormula('=CAC(Marketing!B2:B7, Ventes!C2:C7)')!;
    const s = seriesOf(
      {
        dates: ['2026-01-10', '2026-01-25', '2026-02-03', '2026-02-20', '2026-03-02', '2026-03-05'],
        values: [1000, 500, 800, 400, 300, 200],
        inputs: [
          [1000, 500, 800, 400, 300, 200],
          [3, 2, 0, 0, 1, 1],
        ],
      },
      { ...spec, formula: f },
    );
    // January 1500 / 5; February 1200 / 0: no value; March (to date) 500 / 2.
    expect(s.points.map((p) => [periodOfIndex(p.index, 'monthly').key, p.value])).toEqual([
      ['2026-01', 300],
      ['2026-03', 250],
    ]);
    expect(s.emptyPeriods).toBe(1);
    expect(s.problem).toMatchObject({ fn: 'CAC', problem: { code: 'no_new_customers' } });
  });

  test('retention = 1 − churn, NPS of each month’s answers, growth of each month’s sum', () => {
    const dates = ['2026-01-05', '2026-01-20', '2026-02-02', '2026-02-16'];
    const retention = seriesOf(
      {
        dates,
        values: [2, 1, 3, 1],
        inputs: [
          [2, 1, 3, 1],
          [100, 100, 100, 100],
        ],
      },
      { ...spec, formula: parseKpiFormula('=1-CHURN_RATE(RH!B2:B5, RH!C2:C5)') },
    );
    expect(retention.points.map((p) => p.value)).toEqual([1 - 3 / 200, 1 - 4 / 200]);
    const answers = [10, 9, 3, 7, 10, 6];
    const nps = seriesOf(
      {
        dates: ['2026-01-05', '2026-01-06', '2026-01-07', '2026-02-01', '2026-02-02', '2026-02-03'],
        values: answers,
        inputs: [answers],
      },
      { ...spec, aggregation: 'average', formula: parseKpiFormula('=NPS(Avis!B2:B7)') },
    );
    // January: 2 promoters, 1 detractor of 3 → 33.3; February: 1 promoter, 1 detractor (6) of 3 → 0.
    expect(nps.points.map((p) => p.value)).toEqual([expect.closeTo(100 / 3, 12), 0]);
    const growth = seriesOf(
      { dates, values: [100, 100, 150, 90], inputs: [[100, 100, 150, 90]] },
      { ...spec, aggregation: 'sum', formula: parseKpiFormula('=KPI_TREND(Ventes!B2:B5, "pct")') },
    );
    // January 200, February 240: +20 % in February; January has no previous month.
    expect(growth.points.map((p) => [periodOfIndex(p.index, 'monthly').key, p.value])).toEqual([['2026-02', 0.2]]);
  });
});

describe('assessKpi: one rule for start, progress and status', () => {
  const kpi = { baseline: 100, target: 200, direction: 'higher' as const, deadline: '2026-12-31' };
  const monthly = (values: [string, number][], aggregation: 'sum' | 'last' = 'sum') =>
    seriesOf(
      { dates: values.map((v) => v[0]), values: values.map((v) => v[1]) },
      { frequency: 'monthly', aggregation, today },
    );

  test('a month in progress is shown, not judged; a stock’s reading is judged', () => {
    const s = monthly([
      ['2026-01-15', 150],
      ['2026-02-15', 210],
      ['2026-03-02', 20],
    ]);
    const a = assessKpi(kpi, s, today);
    expect(a.current).toMatchObject({ value: 20 });
    expect(a.currentInProgress).toBe(true);
    expect(a.judged).toMatchObject({ value: 210 });
    expect(a.previous).toMatchObject({ value: 150 });
    expect(a.status).toBe('achieved');
    expect(a.asOf).toBe('2026-02-28');
    const stock = assessKpi(
      kpi,
      monthly(
        [
          ['2026-02-15', 210],
          ['2026-03-02', 120],
        ],
        'last',
      ),
      today,
    );
    expect(stock.judged).toMatchObject({ value: 120 });
    expect(stock.asOf).toBe(TODAY);
  });

  test('only a month in progress: no data yet; a value and no target: no target', () => {
    expect(assessKpi(kpi, monthly([['2026-03-02', 20]]), today)).toMatchObject({
      status: 'no_data',
      judged: null,
      current: { value: 20 },
    });
    expect(assessKpi({ ...kpi, target: null }, monthly([['2026-01-02', 20]]), today).status).toBe('no_target');
    expect(assessKpi(kpi, monthly([]), today)).toMatchObject({ status: 'no_data', start: null });
  });

  test('start: the creation day when the baseline was entered then, else the first period’s first day', () => {
    const s = monthly([
      ['2025-11-20', 120],
      ['2026-02-10', 130],
    ]);
    expect(assessKpi({ ...kpi, createdAt: '2026-01-15' }, s, today).start).toBe('2026-01-15');
    expect(assessKpi({ ...kpi, baseline: null, createdAt: '2026-01-15' }, s, today).start).toBe('2025-11-01');
  });

  test('past the deadline and not reached: off track, judged as of the deadline', () => {
    const a = assessKpi({ ...kpi, deadline: '2026-02-15' }, monthly([['2026-02-10', 130]]), today);
    expect(a.status).toBe('off_track');
  });

  test('the archived status of a period equals the sidebar’s for that period, whatever the day', () => {
    const s = monthly([
      ['2025-12-10', 110],
      ['2026-01-10', 120],
      ['2026-02-10', 125],
    ]);
    const onFirst = assessKpi(kpi, s, day('2026-03-01'));
    const later = assessKpi(kpi, s, day('2026-03-25'));
    expect(later).toMatchObject({ status: onFirst.status, progress: onFirst.progress, asOf: '2026-02-28' });
  });
});

test('the names a formula KPI may call are the functions it computes, each of the kind its implementation has', () => {
  expect(Object.keys(FORMULA_KINDS).sort()).toEqual(Object.keys(FORMULA_FUNCTIONS).sort());
  for (const [name, spec] of Object.entries(FORMULA_FUNCTIONS))
    expect([name, FORMULA_KINDS[name]]).toEqual([name, spec.kind]);
});
