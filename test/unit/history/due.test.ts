import { planRefresh, MAX_CATCH_UP, type KpiReading, type PlanInput } from '../../../src/core/history/due';
import { decodeHistory, encodeHistoryRow, HISTORY_HEADER, type HistoryRow } from '../../../src/core/history/rows';
import {
  pendingChanges,
  pendingFromProperties,
  PENDING_PREFIX,
  serializePending,
} from '../../../src/core/history/pending';
import { dayIso, isoDay } from '../../../src/core/kpi/dates';
import { kpi } from './fixtures';
import { INVOICES, REAL_DATA, TODAY } from '../../support/real-data';
import { columnsOf } from '../../support/real-columns';

const toIso = (d: Date) => d.toISOString().slice(0, 10);
const day = (iso: string) => isoDay(iso)!;
const cellKpi = kpi();
const rangeKpi = kpi({
  id: 'kpi_sales',
  name: 'CA mensuel',
  direction: 'higher',
  frequency: 'monthly',
  source: { kind: 'range', values: 'Ventes!B2:B', dates: 'Ventes!A2:A' },
  baseline: null,
  target: 200,
});

function input(over: Partial<PlanInput> & { historyRows?: HistoryRow[]; rawHistory?: unknown[][] } = {}): PlanInput {
  const values = over.rawHistory ?? [[...HISTORY_HEADER], ...(over.historyRows ?? []).map((r) => encodeHistoryRow(r))];
  return {
    today: day('2026-06-15'),
    takenAt: '2026-06-15T08:00:00+02:00',
    readings: [],
    history: decodeHistory(values, 'en', toIso),
    pending: new Map(),
    knownIds: null,
    lang: 'en',
    ...over,
  };
}
const cell = (value: unknown, k = cellKpi): KpiReading => ({
  kpi: k,
  columns: { values: [value as number] },
  error: null,
});
const monthly = (pairs: [string, number][], k = rangeKpi): KpiReading => ({
  kpi: k,
  columns: { values: pairs.map((p) => p[1]), dates: pairs.map((p) => p[0]) },
  error: null,
});

describe('single-cell KPIs: the last value read in a period, archived once the period is over', () => {
  test('a first reading is pending, not archived', () => {
    const plan = planRefresh(input({ readings: [cell(57)] }));
    expect(plan.rows).toEqual([]);
    expect(plan.errors).toEqual([]);
    expect(plan.pending.get(cellKpi.id)).toEqual({
      kpiId: cellKpi.id,
      period: '2026-W25',
      periodStart: '2026-06-15',
      value: 57,
      target: 20,
      status: 'on_track',
      takenAt: '2026-06-15T08:00:00+02:00',
    });
  });

  test('a later reading in the same period replaces the pending one; the first reading of the next period archives it', () => {
    let pending = planRefresh(input({ readings: [cell(57)] })).pending;
    pending = planRefresh(
      input({ today: day('2026-06-21'), takenAt: '2026-06-21T23:00:00+02:00', readings: [cell(51)], pending }),
    ).pending;
    expect(pending.get(cellKpi.id)).toMatchObject({
      period: '2026-W25',
      value: 51,
      takenAt: '2026-06-21T23:00:00+02:00',
    });
    const next = planRefresh(
      input({ today: day('2026-06-22'), takenAt: '2026-06-22T00:00:00+02:00', readings: [cell(80)], pending }),
    );
    expect(next.rows).toEqual([
      {
        kpiId: cellKpi.id,
        kpiName: 'Tickets ouverts',
        unit: 'count',
        period: '2026-W25',
        periodStart: '2026-06-15',
        value: 51,
        target: 20,
        status: 'on_track',
        takenAt: '2026-06-21T23:00:00+02:00',
      },
    ]);
    expect(next.pending.get(cellKpi.id)).toMatchObject({ period: '2026-W26', value: 80 });
  });

  test('a period already in the sheet (even on a broken row) is never written again', () => {
    const pending = new Map([
      [
        cellKpi.id,
        {
          kpiId: cellKpi.id,
          period: '2026-W24',
          periodStart: '2026-06-08',
          value: 60,
          target: 20,
          status: 'on_track' as const,
          takenAt: '2026-06-14T20:00:00+02:00',
        },
      ],
    ]);
    const broken = [[...HISTORY_HEADER], [cellKpi.id, '', '2026-W24', '2026-06-08', 'oops', '', 'on_track', 'x']];
    const plan = planRefresh(input({ rawHistory: broken, readings: [cell(57)], pending }));
    expect(plan.rows).toEqual([]);
    expect(plan.pending.get(cellKpi.id)!.period).toBe('2026-W25');
  });

  test('the pending observation of a KPI whose source fails now is still archived when its period is over', () => {
    const pending = planRefresh(input({ readings: [cell(57)] })).pending;
    const plan = planRefresh(
      input({
        today: day('2026-06-23'),
        readings: [{ kpi: cellKpi, columns: { values: [] }, error: 'There is no sheet named "Support".' }],
        pending,
      }),
    );
    expect(plan.rows.map((r) => [r.period, r.value])).toEqual([['2026-W25', 57]]);
    expect(plan.errors).toEqual(['KPI "Tickets ouverts": There is no sheet named "Support".']);
    expect(plan.pending.has(cellKpi.id)).toBe(false);
  });

  test('a blank or text cell is reported and keeps the previous reading of the period', () => {
    const pending = planRefresh(input({ readings: [cell(57)] })).pending;
    for (const v of [null, '', 'n/a', true]) {
      const plan = planRefresh(input({ readings: [cell(v)], pending }));
      expect(plan.errors).toEqual(['KPI "Tickets ouverts": the source holds no number; nothing was read.']);
      expect(plan.pending.get(cellKpi.id)!.value).toBe(57);
    }
  });

  test('status: against the first archived value when there is no baseline', () => {
    const k = kpi({ baseline: null, direction: 'higher', target: 100, deadline: '2026-12-31' });
    const historyRows: HistoryRow[] = [
      {
        kpiId: k.id,
        period: '2025-W52',
        periodStart: '2025-12-22',
        value: 10,
        target: 100,
        status: 'no_data',
        takenAt: '2025-12-28T20:00:00+01:00',
      },
    ];
    // Half the time from 2025-12-22 to 2026-12-31 has passed by mid-June; 10 → 20 is 11 % of the way: off track.
    expect(planRefresh(input({ historyRows, readings: [cell(20, k)] })).pending.get(k.id)!.status).toBe('off_track');
    expect(planRefresh(input({ historyRows, readings: [cell(60, k)] })).pending.get(k.id)!.status).toBe('on_track');
    expect(planRefresh(input({ readings: [cell(60, { ...k, target: null })] })).pending.get(k.id)!.status).toBe(
      'no_target',
    );
  });

  test('an undated range reads like a cell: its last number, in the current period', () => {
    const k = kpi({ id: 'kpi_undated', frequency: 'monthly', source: { kind: 'range', values: 'Ventes!B2:B13' } });
    const plan = planRefresh(input({ readings: [{ kpi: k, columns: { values: [1, 2, null, 3] }, error: null }] }));
    expect(plan.pending.get(k.id)).toMatchObject({ period: '2026-06', periodStart: '2026-06-01', value: 3 });
  });
});

describe('ranges with dates: the aggregate of each ended period', () => {
  const data: [string, number][] = [
    ['2026-01-01', 100],
    ['2026-02-01', 120],
    ['2026-03-01', 130],
    ['2026-03-20', 135], // two rows in March: a count adds up, March is 265
    ['2026-04-01', 150],
    ['2026-05-01', 160],
    ['2026-06-01', 170], // June is not over on the 15th
  ];

  test('a KPI never archived starts with its latest ended period only', () => {
    const plan = planRefresh(input({ readings: [monthly(data)] }));
    expect(plan.rows).toEqual([
      {
        kpiId: rangeKpi.id,
        kpiName: 'CA mensuel',
        unit: 'count',
        period: '2026-05',
        periodStart: '2026-05-01',
        value: 160,
        target: 200,
        status: 'on_track',
        takenAt: '2026-06-15T08:00:00+02:00',
      },
    ]);
    expect(plan.pending.size).toBe(0);
  });

  test('after missed refreshes it catches up on every ended period since the newest archived one', () => {
    const historyRows: HistoryRow[] = [
      {
        kpiId: rangeKpi.id,
        period: '2026-02',
        periodStart: '2026-02-01',
        value: 120,
        target: 200,
        status: 'on_track',
        takenAt: '2026-03-01T08:00:00+01:00',
      },
    ];
    const plan = planRefresh(input({ today: day('2026-07-02'), historyRows, readings: [monthly(data)] }));
    expect(plan.rows.map((r) => [r.period, r.value])).toEqual([
      ['2026-03', 265],
      ['2026-04', 150],
      ['2026-05', 160],
      ['2026-06', 170],
    ]);
  });

  test('catching up is capped', () => {
    const daily = kpi({
      id: 'kpi_daily',
      frequency: 'daily',
      source: { kind: 'range', values: 'D!B2:B', dates: 'D!A2:A' },
    });
    const points: [string, number][] = [];
    for (let d = day('2024-01-01'); d <= day('2026-06-14'); d++) points.push([dayIso(d), d]);
    const historyRows: HistoryRow[] = [
      {
        kpiId: daily.id,
        period: '2024-01-01',
        periodStart: '2024-01-01',
        value: 1,
        target: 20,
        status: 'on_track',
        takenAt: '2024-01-02T08:00:00+01:00',
      },
    ];
    const plan = planRefresh(
      input({
        historyRows,
        readings: [
          { kpi: daily, columns: { values: points.map((p) => p[1]), dates: points.map((p) => p[0]) }, error: null },
        ],
      }),
    );
    expect(plan.rows).toHaveLength(MAX_CATCH_UP);
    expect(plan.rows[plan.rows.length - 1].period).toBe('2026-06-14');
  });

  test('running again in the same period writes nothing', () => {
    const first = planRefresh(input({ readings: [monthly(data)] }));
    const again = planRefresh(input({ historyRows: first.rows, readings: [monthly(data)] }));
    expect(again.rows).toEqual([]);
  });

  test('status of an archived period is judged at the end of that period', () => {
    const k = { ...rangeKpi, baseline: 100, target: 220, deadline: '2026-12-31' };
    const plan = planRefresh(input({ readings: [monthly(data, k)] }));
    // Start 2026-01-01, deadline 2026-12-31, judged on 2026-05-31: 41 % elapsed; 100 → 160 of 100 → 220 is 50 %.
    expect(plan.rows[0].status).toBe('on_track');
  });
});

describe('failures, orphans, batches', () => {
  test("one KPI's failure is reported and the others go on", () => {
    const bad = kpi({ id: 'kpi_bad', name: 'Cassé', frequency: 'yearly' as never });
    const plan = planRefresh(
      input({
        today: day('2026-06-22'),
        readings: [
          cell(1, bad),
          monthly([
            ['2026-05-01', 1],
            ['2026-06-01', 2],
          ]),
        ],
      }),
    );
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]).toMatch(/^KPI "Cassé": unexpected error/);
    expect(plan.rows.map((r) => r.kpiId)).toEqual([rangeKpi.id]);
  });

  test('French messages', () => {
    const plan = planRefresh(input({ lang: 'fr', readings: [cell('')] }));
    expect(plan.errors).toEqual([
      "KPI «\u00a0Tickets ouverts\u00a0»\u00a0: la source ne contient aucun nombre\u202f; rien n'est relevé.",
    ]);
  });

  test('pending observations of deleted KPIs are dropped; of unreadable KPI rows, kept (and archived when due)', () => {
    const obs = (id: string, period: string, periodStart: string): HistoryRow => ({
      kpiId: id,
      period,
      periodStart,
      value: 1,
      target: null,
      status: 'no_data',
      takenAt: '2026-06-01T08:00:00+02:00',
    });
    const pending = new Map([
      ['kpi_gone', obs('kpi_gone', '2026-W22', '2026-05-25')],
      ['kpi_broken', obs('kpi_broken', '2026-W22', '2026-05-25')],
      ['kpi_broken2', obs('kpi_broken2', '2026-W25', '2026-06-15')],
    ]);
    const plan = planRefresh(input({ pending, knownIds: new Set(['kpi_broken', 'kpi_broken2']) }));
    expect(plan.rows.map((r) => r.kpiId)).toEqual(['kpi_broken']);
    expect([...plan.pending.keys()]).toEqual(['kpi_broken2']);
    // When the KPI table could not be read at all, nothing is dropped.
    expect(planRefresh(input({ pending, knownIds: null })).rows).toHaveLength(2);
  });

  test('a batch never holds one key twice', () => {
    const twin = { ...rangeKpi }; // two KPIs rows with one id would be a storage problem; the batch still dedupes
    const plan = planRefresh(
      input({
        readings: [
          monthly([
            ['2026-04-01', 1],
            ['2026-05-01', 2],
          ]),
          monthly(
            [
              ['2026-04-01', 1],
              ['2026-05-01', 2],
            ],
            twin,
          ),
        ],
      }),
    );
    expect(plan.rows).toHaveLength(1);
  });
});

describe('pending observations in document properties', () => {
  const obs: HistoryRow = {
    kpiId: 'kpi_a',
    period: '2026-W25',
    periodStart: '2026-06-15',
    value: 1.5,
    target: null,
    status: 'no_data',
    takenAt: '2026-06-15T08:00:00+02:00',
  };
  test('read back what was written; corrupt or mismatched values are ignored', () => {
    const props = {
      [`${PENDING_PREFIX}kpi_a`]: serializePending(obs),
      [`${PENDING_PREFIX}kpi_b`]: '{not json',
      [`${PENDING_PREFIX}kpi_c`]: serializePending({ ...obs, kpiId: 'kpi_x' }),
      [`${PENDING_PREFIX}kpi_d`]: serializePending({ ...obs, kpiId: 'kpi_d', periodStart: '2026-06-16' }),
      'boussole.refresh': '{}',
    };
    expect([...pendingFromProperties(props)]).toEqual([['kpi_a', obs]]);
  });
  test('changes: only what differs is written; gone ones are removed', () => {
    const props = {
      [`${PENDING_PREFIX}kpi_a`]: serializePending(obs),
      [`${PENDING_PREFIX}kpi_old`]: serializePending({ ...obs, kpiId: 'kpi_old' }),
      other: 'x',
    };
    const next = new Map([
      ['kpi_a', obs],
      ['kpi_new', { ...obs, kpiId: 'kpi_new' }],
    ]);
    expect(pendingChanges(props, next)).toEqual({
      set: { [`${PENDING_PREFIX}kpi_new`]: serializePending({ ...obs, kpiId: 'kpi_new' }) },
      remove: [`${PENDING_PREFIX}kpi_old`],
    });
    expect(serializePending(obs).length).toBeLessThan(300);
  });
});

describe('history on real data (test/support/real-data.ts)', () => {
  test('a dated KPI archives each ended period’s aggregate, with the status the sidebar shows for it', () => {
    for (const set of REAL_DATA)
      for (const f of set.kpis) {
        if (!f.columns.dates) continue;
        const k = kpi({
          id: `kpi_${f.key}`,
          name: f.name,
          unit: f.unit,
          direction: f.direction,
          frequency: f.frequency,
          aggregation: f.aggregation,
          source: { kind: 'range', values: 'X!B2:B', dates: 'X!A2:A' },
          baseline: f.baseline,
          target: f.target,
          deadline: f.deadline,
          ...(f.createdAt ? { createdAt: f.createdAt } : {}),
        });
        const reading: KpiReading = { kpi: k, columns: columnsOf(set, f), error: null };
        // The first refresh of a KPI archives its latest ended period; a month later, the next ones.
        const at = (iso: string, historyRows: HistoryRow[] = []) =>
          planRefresh(input({ today: day(iso), takenAt: `${iso}T08:00:00+01:00`, readings: [reading], historyRows }));
        const ended = f.expected.periods.filter((p) => !(f.expected.inProgress && p === f.expected.periods.at(-1)));
        const first = at(TODAY);
        expect(first.errors).toEqual([]);
        expect(first.rows.map((r) => [r.period, r.value])).toEqual(
          ended.slice(-1).map((p) => [p.period, expect.closeTo(p.value, 12)]),
        );
        // The archived status of the judged period is the one the sidebar shows today.
        if (f.expected.judged === ended.at(-1)?.period) expect(first.rows[0]?.status).toBe(f.expected.status);
        expect(first.pending.size).toBe(0);
      }
  });

  test('catching up archives every ended period since the newest one, one row each', () => {
    const f = INVOICES.kpis[0]!; // payment delay, average per month
    const k = kpi({
      id: 'kpi_delay',
      unit: 'days',
      direction: 'lower',
      frequency: 'monthly',
      aggregation: 'average',
      source: { kind: 'range', values: 'F!C2:C', dates: 'F!A2:A' },
      baseline: null,
      target: 30,
      deadline: '2026-06-30',
    });
    const reading: KpiReading = { kpi: k, columns: columnsOf(INVOICES, f), error: null };
    const oct = planRefresh(input({ today: day('2025-11-03'), readings: [reading] }));
    expect(oct.rows.map((r) => [r.period, r.value])).toEqual([['2025-10', 37]]);
    const later = planRefresh(input({ today: day(TODAY), historyRows: oct.rows, readings: [reading] }));
    expect(later.rows.map((r) => [r.period, r.value])).toEqual([
      ['2025-11', 34],
      ['2025-12', 50],
      ['2026-01', 35],
      ['2026-02', 32.5],
    ]);
  });

  test('a KPI that gains dates drops its pending reading instead of archiving it as a period', () => {
    const undated = kpi({ ...rangeKpi, source: { kind: 'range', values: 'Ventes!B2:B' } });
    const pending = planRefresh(
      input({ readings: [{ kpi: undated, columns: { values: [5, 7] }, error: null }] }),
    ).pending;
    expect(pending.get(undated.id)).toMatchObject({ period: '2026-06', value: 7 });
    const dated = planRefresh(
      input({
        today: day('2026-07-02'),
        readings: [
          monthly([
            ['2026-05-10', 40],
            ['2026-06-03', 60],
            ['2026-06-20', 70],
          ]),
        ],
        pending,
      }),
    );
    // June's row is June's sum (130), not the 7 read before the dates were given.
    expect(dated.rows.map((r) => [r.period, r.value])).toEqual([['2026-06', 130]]);
    expect(dated.pending.size).toBe(0);
  });

  test('a pending reading is replaced only by a newer one: a clock set back keeps it', () => {
    const pending = planRefresh(input({ takenAt: '2026-06-15T10:00:00+02:00', readings: [cell(57)] })).pending;
    const back = planRefresh(input({ takenAt: '2026-06-15T09:00:00+02:00', readings: [cell(12)], pending }));
    expect(back.pending.get(cellKpi.id)).toMatchObject({ value: 57, takenAt: '2026-06-15T10:00:00+02:00' });
    // Back into the previous week: nothing is archived early, nothing replaced.
    const week = planRefresh(
      input({ today: day('2026-06-12'), takenAt: '2026-06-12T09:00:00+02:00', readings: [cell(12)], pending }),
    );
    expect(week.rows).toEqual([]);
    expect(week.pending.get(cellKpi.id)).toMatchObject({ period: '2026-W25', value: 57 });
    const forward = planRefresh(input({ takenAt: '2026-06-15T11:00:00+02:00', readings: [cell(12)], pending }));
    expect(forward.pending.get(cellKpi.id)).toMatchObject({ value: 12 });
  });

  test('a single cell is judged from its first archived period, as in the sidebar', () => {
    const k = kpi({ baseline: null, target: 20, direction: 'lower', frequency: 'weekly' });
    const historyRows: HistoryRow[] = [
      {
        kpiId: k.id,
        period: '2026-W20',
        periodStart: '2026-05-11',
        value: 100,
        target: 20,
        status: 'on_track',
        takenAt: '2026-05-17T20:00:00+02:00',
      },
      {
        kpiId: k.id,
        period: '2026-W24',
        periodStart: '2026-06-08',
        value: 90,
        target: 20,
        status: 'on_track',
        takenAt: '2026-06-14T20:00:00+02:00',
      },
    ];
    const plan = planRefresh(input({ historyRows, readings: [cell(60, k)] }));
    // Baseline 100 (W20); 60 is half-way to 20; start 11 May, deadline 31 Dec 2027: 5 % elapsed → on track.
    expect(plan.pending.get(k.id)).toMatchObject({ value: 60, status: 'on_track' });
    const behind = planRefresh(input({ historyRows, readings: [cell(99, k)], today: day('2027-06-01') }));
    expect(behind.pending.get(k.id)?.status).toBe('off_track');
  });
});
