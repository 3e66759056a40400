/**
 * What a dashboard shows for one KPI (core/dashboard/figures.ts), on hand-worked examples:
 * unsorted rows, several per period, a month without rows, text dates in the French order,
 * today's month still running; a single-cell KPI's past from the history by period key.
 */
import { kpiFigures } from '../../../src/core/dashboard/figures';
import type { HistoryRow } from '../../../src/core/history/rows';
import { isoDay } from '../../../src/core/kpi/dates';
import type { Kpi } from '../../../src/core/kpi/model';

const kpi = (over: Partial<Kpi> = {}): Kpi => ({
  id: 'kpi_ca',
  name: "Chiffre d'affaires",
  definition: '',
  unit: '€',
  direction: 'higher',
  objectiveId: '',
  indicator: 'lagging',
  source: { kind: 'range', values: 'Ventes!B2:B7', dates: 'Ventes!A2:A7' },
  baseline: 100,
  target: 300,
  deadline: '2026-12-31',
  frequency: 'monthly',
  aggregation: 'sum',
  benchmark: null,
  owner: '',
  level: 'strategic',
  createdAt: '2026-01-01',
  ...over,
});

// Invoices, unsorted: Jan 2026 = 50 + 30 = 80; no row in Feb; Mar 2026 = 100 + 70 = 170;
// Apr 2026 (running on the 10th) = 40 so far; Mar 2025 = 200.
const day = (iso: string) => isoDay(iso) as number;
const columns = {
  values: [100, 50, 40, 30, 200, 70],
  dates: ['05/03/2026', day('2026-01-10'), '2026-04-02', day('2026-01-20'), '15/03/2025', day('2026-03-28')],
};

describe('kpiFigures', () => {
  test('a monthly sum: one value per month by date, judged on the last complete month', () => {
    const f = kpiFigures({ kpi: kpi(), columns, problem: null, history: [], today: '2026-04-10' });
    expect(f.series.map((p) => [p.key, p.start, p.value])).toEqual([
      ['2025-03', '2025-03-01', 200],
      ['2026-01', '2026-01-01', 80],
      ['2026-03', '2026-03-01', 170],
      ['2026-04', '2026-04-01', 40],
    ]);
    // April is running: the tile shows March (170), not "40 so far" against March's full month.
    expect(f.current).toBe(170);
    expect(f.period).toBe('2026-03');
    expect(f.inProgress).toBe(false);
    // February has no row: no previous period to compare with. March 2025: 200.
    expect(f.previous).toBeNull();
    expect(f.lastYear).toBe(200);
    // Progress (170 − 100) ÷ (300 − 100) = 0.35; time elapsed as of March 31st since the KPI's
    // creation on Jan 1st: 89 of 364 days ≈ 0.245 — ahead of schedule.
    expect(f.progress).toBeCloseTo(0.35, 12);
    expect(f.expected).toBeCloseTo(89 / 364, 12);
    expect(f.status).toBe('on_track');
    expect(f.problem).toBeNull();
    // Text dates ("05/03/2026") are read by core, not by SUMIFS: the value stays written, not live.
    expect(f.live).toBeNull();
    expect(f.baseline).toBe(100);
  });

  test('live when every date is a date cell and every value a number: the judged month as a window', () => {
    const dated = {
      values: columns.values,
      dates: columns.dates.map((d) =>
        typeof d === 'string' ? day(d.includes('/') ? d.split('/').reverse().join('-') : d) : d,
      ),
    };
    const f = kpiFigures({ kpi: kpi(), columns: dated, problem: null, history: [], today: '2026-04-10' });
    expect(f.live).toEqual({
      kind: 'window',
      values: 'Ventes!B2:B7',
      dates: 'Ventes!A2:A7',
      start: '2026-03-01',
      end: '2026-03-31',
    });
    // A number stored as text, a stock (last), a template formula: written values only.
    const text = { ...dated, values: ['100', ...columns.values.slice(1)] };
    expect(kpiFigures({ kpi: kpi(), columns: text, problem: null, history: [], today: '2026-04-10' }).live).toBeNull();
    expect(
      kpiFigures({ kpi: kpi({ aggregation: 'last' }), columns: dated, problem: null, history: [], today: '2026-04-10' })
        .live,
    ).toBeNull();
  });

  test('behind schedule: at risk, then off track; the target met: achieved; no target; lower is better', () => {
    const at = (over: Partial<Kpi>) =>
      kpiFigures({ kpi: kpi(over), columns, problem: null, history: [], today: '2026-04-10' }).status;
    // Expected 89/364 ≈ 0.245. Target 520: progress 70/420 ≈ 0.167, behind by 0.078 ≤ 0.1 → on track.
    expect(at({ target: 520 })).toBe('on_track');
    // Target 700: progress 70/600 ≈ 0.117, behind by 0.128 (≤ 0.25) → at risk.
    expect(at({ target: 700 })).toBe('at_risk');
    // The deadline (March 1st) passed as of March 31st and the target is not met → off track.
    expect(at({ target: 3000, deadline: '2026-03-01' })).toBe('off_track');
    expect(at({ target: 150 })).toBe('achieved');
    expect(at({ target: null })).toBe('no_target');
    // Lower is better: 170 ≤ 180 meets the target.
    expect(at({ direction: 'lower', baseline: 250, target: 180 })).toBe('achieved');
  });

  test('a stock (last) is judged as it reads now, in the running month', () => {
    const f = kpiFigures({
      kpi: kpi({ aggregation: 'last', unit: 'count', target: 10, baseline: 100, direction: 'lower' }),
      columns,
      problem: null,
      history: [],
      today: '2026-04-10',
    });
    // Last row by date in each month: Jan 20th 30, Mar 28th 70, Apr 2nd 40.
    expect(f.series.map((p) => p.value)).toEqual([200, 30, 70, 40]);
    expect(f.current).toBe(40);
    expect(f.inProgress).toBe(true);
    expect(f.previous).toBe(70);
    // Lower is better: (40 − 100) ÷ (10 − 100) = 2/3 of the way.
    expect(f.progress).toBeCloseTo(2 / 3, 12);
  });

  test('a source that cannot be read: no data, and why', () => {
    const f = kpiFigures({
      kpi: kpi(),
      columns: null,
      problem: "Source introuvable : L'onglet « Ventes » n'existe pas.",
      history: [],
      today: '2026-04-10',
    });
    expect(f).toMatchObject({ series: [], current: null, previous: null, status: 'no_data' });
    expect(f.problem).toContain('Ventes');
  });

  test("a single cell: its past from the history by period key (the rows' order changes nothing), today's reading judged", () => {
    const cell = kpi({
      id: 'kpi_cash',
      source: { kind: 'cell', ref: 'Saisie!B1' },
      aggregation: 'last',
      baseline: 40000,
      target: 60000,
    });
    const row = (period: string, value: number, kpiId = 'kpi_cash'): HistoryRow =>
      ({ kpiId, kpiName: 'Trésorerie', period, value }) as unknown as HistoryRow;
    const history = [row('2026-03', 50000), row('2025-04', 41000), row('2026-02', 47000), row('2026-03', 9, 'other')];
    const f = kpiFigures({ kpi: cell, columns: { values: [52000] }, problem: null, history, today: '2026-04-10' });
    expect(f.series.map((p) => [p.key, p.value])).toEqual([
      ['2025-04', 41000],
      ['2026-02', 47000],
      ['2026-03', 50000],
      ['2026-04', 52000],
    ]);
    expect([f.current, f.previous, f.lastYear]).toEqual([52000, 50000, 41000]);
    expect(f.inProgress).toBe(true);
    // (52,000 − 40,000) ÷ (60,000 − 40,000) = 0.6.
    expect(f.progress).toBeCloseTo(0.6, 12);
    // Today's reading: live, the cell itself.
    expect(f.live).toEqual({ kind: 'cell', ref: 'Saisie!B1' });
  });
});
