/**
 * Real-shaped workbooks (test/support/real-data.ts) through the whole add-on on the emulator:
 * what the sidebar gets (bootstrap), what the dashboards show (their figures) and what the
 * history archives must be the hand-worked per-period values, and agree with each other.
 */
import { fromWallClock } from '../../emulator/dates';
import { serverApi } from '../../src/addon/api';
import { ensureHistorySheet, generateDashboards } from '../../src/addon/dashboard';
import { dashboardDataOf } from '../../src/addon/dashboard/workbook';
import { FIGURES_COLUMN, FIRST_TILE_ROW, seriesColumn, tableColumn } from '../../src/core/dashboard/layout';
import { dayIso } from '../../src/core/kpi/dates';
import { refreshNow } from '../../src/addon/refresh';
import { isoDateFormatter } from '../../src/core/i18n/dates';
import { parsePeriodKey, periodOfIndex } from '../../src/core/history/periods';
import type { Kpi, KpiSource } from '../../src/core/kpi/model';
import { addonEnv, type AddonEnv } from '../support/addon-env';
import { type FixtureCell, type FixtureKpi, REAL_DATA, rangesOf, TODAY } from '../support/real-data';
import { historyRows } from '../unit/history/workbook';

const ZONE = 'Europe/Paris';
let env: AddonEnv;
afterEach(() => env?.close());

/** A fixture cell as the sheet holds it: a date cell at local midnight; text typed with an apostrophe stays text. */
function cell(c: FixtureCell): unknown {
  if (c !== null && typeof c === 'object') {
    const [y, m, d] = c.date.split('-').map(Number) as [number, number, number];
    return fromWallClock(ZONE, y, m, d);
  }
  return typeof c === 'string' ? `'${c}` : c;
}

function setup(): { kpis: { fixture: FixtureKpi; kpi: Kpi }[] } {
  const workbook: Record<string, unknown[][]> = {};
  for (const set of REAL_DATA) workbook[set.sheet] = [set.header, ...set.rows.map((r) => r.map(cell))];
  env = addonEnv({ timeZone: ZONE, now: `${TODAY}T09:00:00Z` }, workbook);
  const kpis: { fixture: FixtureKpi; kpi: Kpi }[] = [];
  for (const set of REAL_DATA)
    for (const f of set.kpis) {
      const r = rangesOf(set, f);
      const source: KpiSource = { kind: 'range', values: r.values ?? '' };
      if (r.dates) source.dates = r.dates;
      if (r.categories) source.categories = r.categories;
      if (r.denominator) source.denominator = r.denominator;
      const saved = serverApi.saveKpi({
        name: f.name,
        definition: 'Indicateur calculé depuis les lignes brutes',
        unit: f.unit,
        direction: f.direction,
        objectiveId: '',
        indicator: 'lagging',
        source,
        aggregation: f.aggregation,
        baseline: f.baseline,
        target: f.target,
        deadline: f.deadline,
        frequency: f.frequency,
        benchmark: null,
        owner: '',
        level: 'operational',
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
      kpis.push({ fixture: f, kpi: saved.value });
    }
  return { kpis };
}

const close = (x: number) => expect.closeTo(x, 9);

test('the sidebar, the dashboards and the history show the hand-worked values per period', () => {
  const { kpis } = setup();
  // The creation day is today: a fixture whose baseline dates from another day says when.
  const boot = serverApi.bootstrap();
  expect(boot.problems).toEqual([]);
  const ss = env.emu.spreadsheet;
  const { figures } = dashboardDataOf({ ss, lang: 'fr', toIso: isoDateFormatter(ZONE) }, TODAY);
  refreshNow({ log: () => {} });
  const archived = historyRows(env);

  for (const { fixture: f, kpi } of kpis) {
    const e = f.expected;
    const s = boot.kpis.find((x) => x.kpi.id === kpi.id)!;
    const label = `${f.name}`;
    // Sidebar: the series per period, the latest period and its state.
    const sent = s.series.values
      .map((v, i) => ({ period: periodOfIndex(s.series.first + i, f.frequency).key, value: v, rows: s.series.rows[i] }))
      .filter((p) => p.value !== null);
    expect({ label, sent }).toEqual({
      label,
      sent: e.periods.map((p) => ({ period: p.period, value: close(p.value), rows: p.rows })),
    });
    const last = e.periods[e.periods.length - 1]!;
    expect({ label, latest: s.latest, period: s.latestPeriod, inProgress: s.inProgress }).toEqual({
      label,
      latest: close(last.value),
      period: last.period,
      inProgress: e.inProgress,
    });
    expect({ label, judged: s.judgedPeriod }).toEqual({ label, judged: e.judged });
    if (e.categories)
      expect(s.series.categories?.map((c) => [c.category, c.value])).toEqual(
        e.categories.map((c) => [c.category, close(c.value)]),
      );

    // Dashboards: the same series by period key; the figure shown is the judged period's (a month
    // to date is not set against full months), the latest one when none is judged.
    const fig = figures[kpi.id]!;
    expect(fig.series.map((p) => [p.key, p.value])).toEqual(e.periods.map((p) => [p.period, close(p.value)]));
    const shown = e.periods.find((p) => p.period === e.judged) ?? last;
    expect({ label, period: fig.period, current: fig.current }).toEqual({
      label,
      period: shown.period,
      current: close(shown.value),
    });
    expect(fig.inProgress).toBe(e.inProgress && shown === last);

    // Statuses: the sidebar's and the dashboard's are the one rule's.
    expect({ label, sidebar: s.status, dashboard: fig.status }).toEqual({
      label,
      sidebar: f.createdAt ? s.status : e.status,
      dashboard: s.status,
    });

    // History: a dated KPI's first refresh archives its latest ended period, with that period's value.
    const rows = archived.filter((r) => r.kpiId === kpi.id);
    const ended = e.periods.filter((p) => !(e.inProgress && p === last));
    if (f.columns.dates) {
      expect(rows.map((r) => [r.period, r.value])).toEqual(ended.slice(-1).map((p) => [p.period, close(p.value)]));
      if (e.judged === ended.at(-1)?.period && !f.createdAt) expect(rows[0]?.status).toBe(s.status);
    } else expect(rows).toEqual([]); // an undated breakdown is a reading: pending until its period ends
  }
});

test('the dashboard sheet and the whole archived history hold the same values per period as the sidebar', () => {
  const { kpis } = setup();
  // Each dated KPI archived once long ago (a period before its data): the refresh then catches up
  // on every ended period since, one row each — the KPI's whole history.
  const history = ensureHistorySheet(env.emu.spreadsheet, 'fr');
  const seeded = kpis
    .filter(({ fixture: f }) => f.columns.dates)
    .map(({ fixture: f, kpi }) => {
      const first = parsePeriodKey(f.expected.periods[0]!.period)!;
      const before = periodOfIndex(first.index - 1, f.frequency);
      return [kpi.id, kpi.name, before.key, dayIso(before.start), 0, '', 'no_data', '2025-06-01T06:00:00+02:00'];
    });
  history.getRange(2, 1, seeded.length, 8).setValues(seeded);
  const entry = refreshNow({ log: () => {} });
  expect(entry.errors).toEqual([]);
  const archived = historyRows(env);
  const boot = serverApi.bootstrap();
  const ss = env.emu.spreadsheet;
  generateDashboards(
    { ss, lang: 'fr', toIso: isoDateFormatter(ZONE), timeZone: ZONE, now: env.emu.clock.now() },
    { layout: 'overall' },
  );
  const sheet = env.emu.snapshot('Tableau de bord').values;
  // The table: one row per KPI, its name in the table and in the hidden figures beside it (build.ts).
  const tableRows = sheet
    .map((r, i) => ({ r, i }))
    .filter(
      ({ r }) =>
        typeof r[0] === 'string' && r[0] === r[FIGURES_COLUMN - 1] && r[tableColumn('deadline') - 1] instanceof Date,
    );

  kpis.forEach(({ fixture: f, kpi }) => {
    const e = f.expected;
    const label = f.name;
    const last = e.periods[e.periods.length - 1]!;
    const s = boot.kpis.find((x) => x.kpi.id === kpi.id)!;
    // History: every ended period, with the value worked out by hand; the judged one with the sidebar's status.
    if (f.columns.dates) {
      const rows = archived.filter((r) => r.kpiId === kpi.id).slice(1);
      const ended = e.periods.filter((p) => !(e.inProgress && p === last));
      expect({ label, rows: rows.map((r) => [r.period, r.value, r.kpiName]) }).toEqual({
        label,
        rows: ended.map((p) => [p.period, expect.closeTo(p.value, 2), kpi.name]),
      });
      const judgedRow = rows.find((r) => r.period === e.judged);
      if (judgedRow && !f.createdAt && e.judged !== last.period)
        expect({ label, s: judgedRow.status }).toEqual({ label, s: s.status });
    }
    // Dashboard: the table row's value is the judged period's (the one its status is about), and
    // the chart block holds every period's value, the one in progress included, by period.
    const judged = e.periods.find((p) => p.period === e.judged)!;
    const table = tableRows.find(({ r }) => r[0] === f.name);
    expect({ label, found: !!table }).toEqual({ label, found: true });
    const row = table!.r;
    expect({ label, current: row[tableColumn('current') - 1] }).toEqual({
      label,
      current: expect.closeTo(judged.value, 9),
    });
    // The chart block of the KPI's place in the table: period, actual, target by row (build.ts).
    const column = seriesColumn(table!.i - tableRows[0]!.i) + 1;
    const block = sheet.slice(FIRST_TILE_ROW, FIRST_TILE_ROW + e.periods.length).map((r) => r[column - 1]);
    expect({ label, block }).toEqual({
      label,
      block: e.periods.map((p) => expect.closeTo(p.value, 9)),
    });
  });
});
