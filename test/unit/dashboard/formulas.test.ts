/**
 * The plan's formulas, typed into a workbook computed by HyperFormula (the emulator's engine),
 * give the values the core computes: kpiStatus (status, progress), trendOf (vs previous period),
 * the same period last year, the benchmark, and the chart's points.
 */
import { SEMICOLON_SYNTAX } from '../../../src/core/formula';
import fc from 'fast-check';
import type { DashboardInput } from '../../../src/core/dashboard/build';
import { STATUS_WORDS } from '../../../src/core/dashboard/text';
import { dayIso, isoDay } from '../../../src/core/kpi/dates';
import type { Frequency, Kpi, KpiSource } from '../../../src/core/kpi/model';
import { AT_RISK_SLACK, elapsedShare, ON_TRACK_SLACK } from '../../../src/core/kpi/status';
import { expectCell, expectRange, periodKey, type Cell, type Expected, type HistoryRow } from './oracle';
import { compute, iso, orNull, TODAY, type KpiRow } from './workbook';

/** A date cell as a day number. */
const isoDayOf = (v: unknown): number | null => (v instanceof Date ? isoDay(iso(v)) : null);

const kpi = (over: Partial<Kpi> & { source: KpiSource }): Kpi => ({
  id: 'kpi_a',
  name: 'CA',
  definition: '',
  unit: '€',
  direction: 'higher',
  objectiveId: '',
  indicator: 'lagging',
  baseline: null,
  target: 100,
  deadline: '2026-12-31',
  frequency: 'monthly',
  benchmark: null,
  owner: '',
  level: 'strategic',
  ...over,
});

const input = (kpis: Kpi[], over: Partial<DashboardInput> = {}): DashboardInput => ({
  lang: 'fr',
  syntax: SEMICOLON_SYNTAX,
  layout: 'overall',
  objectives: [],
  kpis,
  historySheet: null,
  refreshedText: '15/06/2026 10:00',
  ...over,
});

const close = (actual: unknown, expected: number | null, label: string) => {
  const a = orNull(actual as never);
  if (expected === null) expect({ label, value: a }).toEqual({ label, value: null });
  else {
    expect(typeof a).toBe('number');
    expect({ label, diff: Math.abs((a as number) - expected) <= 1e-9 * (1 + Math.abs(expected)) }).toEqual({
      label,
      diff: true,
    });
  }
};

/** Status words agree, except exactly on a threshold, where the engine's rounding may tip either way. */
function expectStatus(row: KpiRow, e: Expected, k: Kpi) {
  const word = row.visible('status');
  if (word === STATUS_WORDS[e.status].fr) return;
  const expected = elapsedShare(e.start, k.deadline, TODAY) ?? 0;
  const behind = e.progress === null ? NaN : expected - e.progress;
  const onEdge = [ON_TRACK_SLACK, AT_RISK_SLACK].some((s) => Math.abs(behind - s) < 1e-9);
  expect({ word, onEdge }).toEqual({ word: STATUS_WORDS[e.status].fr, onEdge: true });
}

function check(row: KpiRow, e: Expected, k: Kpi) {
  close(row.visible('current'), e.current, 'current');
  close(row.calc('previous'), e.previous, 'previous');
  close(row.visible('progress'), e.progress, 'progress');
  expectStatus(row, e, k);
  close(
    row.calc('start') === '' ? '' : isoDayOf(row.calc('start')),
    e.start === null ? null : isoDay(e.start),
    'start',
  );
  close(row.visible('vsPrevious'), e.vsPrevious, 'vsPrevious');
  close(row.visible('vsLastYear'), e.vsLastYear, 'vsLastYear');
  close(row.visible('vsBenchmark'), e.vsBenchmark, 'vsBenchmark');
  const points = row.points();
  expect(points.map((p) => orNull(p.x))).toEqual(e.points.map((p) => p.x));
  points.forEach((p, i) => close(p.value, e.points[i].value, `point ${i}`));
  for (const p of points) expect(orNull(p.target)).toEqual(k.target);
}

/** Period dates ending around TODAY, oldest first. */
function datesFor(frequency: Frequency, count: number, endOffset = 0): string[] {
  const t = isoDay(TODAY)!;
  return Array.from({ length: count }, (_, i) => {
    const back = count - 1 - i + endOffset;
    if (frequency === 'daily') return dayIso(t - 1 - back);
    if (frequency === 'weekly') return dayIso(t - 7 - 7 * back);
    const months = frequency === 'monthly' ? back + 1 : 3 * (back + 1);
    const d = new Date(Date.UTC(2026, 5 - months, 1));
    return d.toISOString().slice(0, 10);
  });
}

function runRange(cells: Cell[], dates: string[] | null, k: Kpi, orientation: 'column' | 'row' = 'column') {
  const n = cells.length;
  const rows: unknown[][] =
    orientation === 'column'
      ? [['date', 'value'], ...cells.map((v, i) => [dates ? dates[i] : null, v])]
      : [
          ['date', ...(dates ?? cells.map(() => null))],
          ['value', ...cells],
        ];
  const source: KpiSource =
    orientation === 'column'
      ? { kind: 'range', values: `Data!B2:B${n + 1}`, ...(dates ? { dates: `Data!A2:A${n + 1}` } : {}) }
      : {
          kind: 'range',
          values: `Data!B2:${colName(n + 1)}2`,
          ...(dates ? { dates: `Data!B1:${colName(n + 1)}1` } : {}),
        };
  const full = { ...k, source };
  const c = compute({ Data: rows }, input([full]));
  try {
    const e = expectRange(full, cells, dates, TODAY);
    check(c.row(full.id), e, full);
  } finally {
    c.close();
  }
}

function colName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const series = (n: number, f: (i: number) => Cell): Cell[] => Array.from({ length: n }, (_, i) => f(i));

describe('a KPI over a range: the engine computes what the core computes', () => {
  const table: [string, Cell[], Frequency, boolean, Partial<Kpi>][] = [
    [
      'monthly, dated, 30 months (a year back exists)',
      series(30, (i) => 100 + 5 * i),
      'monthly',
      true,
      { target: 400, benchmark: 180 },
    ],
    [
      'monthly, dated, 8 months (no year back)',
      series(8, (i) => 40 + i),
      'monthly',
      true,
      { target: 70, baseline: 38 },
    ],
    ['quarterly, dated', series(9, (i) => 1000 + 100 * i), 'quarterly', true, { target: 3000 }],
    ['weekly, dated', series(60, (i) => 50 + ((i * 7) % 13)), 'weekly', true, { target: 80, benchmark: 55 }],
    ['daily, dated, 400 days', series(400, (i) => 200 + ((i * 31) % 47)), 'daily', true, { target: 300 }],
    [
      'undated monthly with blanks and text',
      [10, null, 12, 'n/a', 15, 14, null, 18, 20, 21, 19, 22, 25, 24, null],
      'monthly',
      false,
      { target: 40 },
    ],
    [
      'lower is better',
      series(14, (i) => 6 - i * 0.2),
      'monthly',
      true,
      { direction: 'lower', baseline: 6, target: 3, unit: 'days' },
    ],
    ['target already reached', series(5, (i) => 100 + 20 * i), 'monthly', true, { target: 150 }],
    ['target equals baseline, not reached', series(5, () => 90), 'monthly', true, { target: 100, baseline: 100 }],
    ['deadline passed', series(5, (i) => 10 + i), 'monthly', true, { target: 100, deadline: '2026-01-31' }],
    ['no target', series(5, (i) => 10 + i), 'monthly', true, { target: null }],
    ['no data at all', [null, null, 'x'], 'monthly', true, {}],
    ['previous value zero', [0, 5], 'monthly', false, { target: 10 }],
    [
      'created with its baseline: the way starts on the creation day',
      series(10, (i) => 100 + 3 * i),
      'monthly',
      true,
      { baseline: 110, createdAt: '2026-04-01', target: 200 },
    ],
    [
      'created without a baseline: the first date still counts',
      series(10, (i) => 100 + 3 * i),
      'monthly',
      true,
      { createdAt: '2026-04-01', target: 200 },
    ],
    [
      'percentages, benchmark',
      series(13, (i) => 0.02 + i / 1000),
      'monthly',
      true,
      { unit: '%', target: 0.04, benchmark: 0.025 },
    ],
  ];
  test.each(table)('%s', (_label, cells, frequency, dated, over) => {
    runRange(
      cells,
      dated ? datesFor(frequency, cells.length) : null,
      kpi({ ...over, frequency, source: { kind: 'range', values: '' } }),
    );
  });

  test('a series laid out in a row', () => {
    const cells = series(15, (i) => 30 + i);
    runRange(cells, datesFor('monthly', 15), kpi({ target: 60, source: { kind: 'range', values: '' } }), 'row');
  });

  test('random series, targets, directions and deadlines (property)', () => {
    const cell = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: -200, max: 2000 }) },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constant('n/a') },
    );
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 40 }),
        fc.constantFrom<Frequency>('daily', 'weekly', 'monthly', 'quarterly'),
        fc.boolean(),
        fc.record({
          direction: fc.constantFrom('higher' as const, 'lower' as const),
          target: fc.option(fc.integer({ min: -100, max: 3000 }), { nil: null }),
          baseline: fc.option(fc.integer({ min: -100, max: 3000 }), { nil: null }),
          benchmark: fc.option(fc.integer({ min: -100, max: 3000 }), { nil: null }),
          deadline: fc.integer({ min: -400, max: 800 }).map((d) => dayIso(isoDay(TODAY)! + d)),
          createdAt: fc.option(
            fc.integer({ min: -300, max: 0 }).map((d) => dayIso(isoDay(TODAY)! + d)),
            { nil: undefined },
          ),
        }),
        (cells, frequency, dated, over) => {
          runRange(
            cells,
            dated ? datesFor(frequency, cells.length) : null,
            kpi({ ...over, frequency, source: { kind: 'range', values: '' } }),
          );
        },
      ),
      { numRuns: 40, seed: 20260615 },
    );
  });
});

describe('a KPI from one cell: its past comes from the history sheet', () => {
  const HISTORY = 'Boussole · Historique';
  function runCell(live: Cell, history: HistoryRow[], over: Partial<Kpi>) {
    const k = kpi({ id: 'kpi_cell', ...over, source: { kind: 'cell', ref: 'Saisie!B1' } });
    const rows = [
      ['kpiId', 'period', 'periodStart', 'value', 'target', 'status', 'takenAt'],
      ...history.map((h) => [
        h.kpiId,
        `'${h.period}`,
        `'${h.periodStart}`,
        h.value,
        k.target,
        'on_track',
        "'2026-01-01T00:00:00Z",
      ]),
    ];
    const c = compute({ Saisie: [['Valeur', live]], [HISTORY]: rows }, input([k], { historySheet: HISTORY }));
    try {
      check(c.row(k.id), expectCell(k, live, history, TODAY), k);
      expect(c.row(k.id).calc('currentPeriod')).toBe(periodKey(TODAY, k.frequency));
    } finally {
      c.close();
    }
  }
  const months = (n: number, id = 'kpi_cell', f: (i: number) => Cell = (i) => 100 + 10 * i): HistoryRow[] =>
    datesFor('monthly', n).map((d, i) => ({ kpiId: id, period: d.slice(0, 7), periodStart: d, value: f(i) }));

  test('monthly, interleaved with another KPI, a year back', () => {
    const mine = months(14);
    const other = months(14, 'kpi_other', () => 7);
    const history = mine.flatMap((h, i) => [h, other[i]]);
    runCell(260, history, { target: 400 });
  });
  test('the current period already recorded is not counted twice', () => {
    runCell(250, [...months(3), { kpiId: 'kpi_cell', period: '2026-06', periodStart: '2026-06-01', value: 240 }], {
      target: 400,
    });
  });
  test('no history yet: the live value alone', () => runCell(42, [], { target: 100 }));
  test('no live value, no history', () => runCell(null, [], { target: 100 }));
  test('weekly keys', () => {
    const weeks = datesFor('weekly', 60).map((d, i) => ({
      kpiId: 'kpi_cell',
      period: periodKey(d, 'weekly'),
      periodStart: d,
      value: 20 + (i % 9),
    }));
    runCell(25, weeks, { frequency: 'weekly', target: 40, benchmark: 22 });
  });
  test('quarterly keys', () => {
    const quarters = datesFor('quarterly', 6).map((d, i) => ({
      kpiId: 'kpi_cell',
      period: periodKey(d, 'quarterly'),
      periodStart: d,
      value: 5 + i,
    }));
    runCell(12, quarters, { frequency: 'quarterly', target: 20, direction: 'higher' });
  });
  test('daily keys', () => {
    const days = datesFor('daily', 400).map((d, i) => ({
      kpiId: 'kpi_cell',
      period: d,
      periodStart: d,
      value: 1000 - i,
    }));
    runCell(590, days, { frequency: 'daily', target: 500, direction: 'lower', baseline: 1000 });
  });
});
