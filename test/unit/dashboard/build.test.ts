/**
 * The plan (core/dashboard/build.ts) on a hand-worked input: which dashboards, the order of the
 * KPIs, where the tiles sit, what each scorecard reads and how it is drawn, the table's row, the
 * only formulas (SPARKLINE over the KPI's own chart data), the hidden columns.
 */
import { buildDashboardPlan, dashboardsFor, type DashboardInput } from '../../../src/core/dashboard/build';
import type { KpiFigures } from '../../../src/core/dashboard/figures';
import type { BasicChartSpec, Block, ScorecardSpec, SheetPlan } from '../../../src/core/dashboard/plan';
import { syntaxForLocale } from '../../../src/core/formula';
import type { Kpi, Objective } from '../../../src/core/kpi/model';

const objective = (id: string, title: string): Objective =>
  ({ id, title, description: '', horizon: '2026-12-31', level: 'strategic', owner: '' }) as Objective;

const kpi = (id: string, over: Partial<Kpi> = {}): Kpi => ({
  id,
  name: `KPI ${id}`,
  definition: '',
  unit: '€',
  direction: 'higher',
  objectiveId: 'o1',
  indicator: 'lagging',
  source: { kind: 'range', values: 'Ventes!B2:B40', dates: 'Ventes!A2:A40' },
  baseline: 0,
  target: 200000,
  deadline: '2026-12-31',
  frequency: 'monthly',
  aggregation: 'sum',
  benchmark: null,
  owner: '',
  level: 'strategic',
  ...over,
});

const figures = (over: Partial<KpiFigures> = {}): KpiFigures => ({
  series: [
    { key: '2026-03', start: '2026-03-01', value: 110000 },
    { key: '2026-04', start: '2026-04-01', value: 120000 },
    { key: '2026-05', start: '2026-05-01', value: 128980 },
  ],
  current: 128980,
  period: '2026-05',
  inProgress: false,
  previous: 120000,
  lastYear: null,
  status: 'on_track',
  progress: 0.6449,
  expected: 0.4,
  problem: null,
  baseline: 0,
  live: null,
  ...over,
});

/** The value written at a cell of the plan (1-based), '' when none. */
function at(sheet: SheetPlan, row: number, column: number): string | number {
  for (const b of sheet.blocks as Block[])
    if (row >= b.row && row < b.row + b.rows && column >= b.column && column < b.column + b.columns)
      return b.values[row - b.row][column - b.column];
  return '';
}

/** The number format at a cell of the plan. */
function formatAt(sheet: SheetPlan, row: number, column: number): string {
  for (const b of sheet.blocks as Block[])
    if (row >= b.row && row < b.row + b.rows && column >= b.column && column < b.column + b.columns)
      return b.numberFormats[row - b.row][column - b.column];
  return '';
}

const input = (kpis: Kpi[], figs: Record<string, KpiFigures>, lang: 'fr' | 'en' = 'fr'): DashboardInput => ({
  lang,
  layout: 'overall',
  objectives: [objective('o1', 'Croître'), objective('o2', 'Fidéliser')],
  kpis,
  figures: figs,
  refreshedText: '15/06/2026 10:00',
  syntax: syntaxForLocale(lang === 'fr' ? 'fr_FR' : 'en_US'),
});

describe('dashboardsFor', () => {
  test('one per audience level that has KPIs, in the levels’ order; or one for all', () => {
    const kpis = [
      kpi('a', { level: 'operational' }),
      kpi('b', { level: 'strategic' }),
      kpi('c', { level: 'operational' }),
    ];
    expect(dashboardsFor(kpis, 'by_level').map((d) => [d.key, d.kpis.map((k) => k.id)])).toEqual([
      ['strategic', ['b']],
      ['operational', ['a', 'c']],
    ]);
    expect(dashboardsFor(kpis, 'overall').map((d) => [d.key, d.kpis.map((k) => k.id)])).toEqual([
      ['overall', ['b', 'a', 'c']],
    ]);
  });
});

describe('buildDashboardPlan', () => {
  // Six KPIs: two bands of tiles (five to a row). Order: by objective (o1, then o2, then none).
  const kpis = [
    kpi('k1', { objectiveId: 'o2', name: 'Clients fidèles', unit: 'count', target: 500 }),
    kpi('k2', { name: "Chiffre d'affaires" }),
    kpi('k3', { objectiveId: '', name: 'Sans objectif' }),
    kpi('k4', { name: 'Taux de conversion', unit: '%', target: 0.05 }),
    kpi('k5', { name: 'Délai', unit: 'days', direction: 'lower', target: 3 }),
    kpi('k6', { name: 'Orphelin' }),
  ];
  const figs: Record<string, KpiFigures> = {
    k1: figures({ current: 320, previous: 300, status: 'at_risk' }),
    k2: figures(),
    k3: figures({ status: 'achieved' }),
    k4: figures({ current: 0.034, previous: 0.03, status: 'off_track' }),
    k5: figures({ current: 4.5, previous: 4, status: 'on_track' }),
    k6: figures({
      series: [],
      current: null,
      previous: null,
      status: 'no_data',
      problem: 'Source introuvable : Archives',
    }),
  };
  const [sheet] = buildDashboardPlan(input(kpis, figs)).sheets;

  test('KPIs grouped by objective, the unlinked last; the title, "as of" and the counts', () => {
    expect(sheet.kpiIds).toEqual(['k2', 'k4', 'k5', 'k6', 'k1', 'k3']);
    expect(sheet.name).toBe('Tableau de bord');
    expect(at(sheet, 1, 1)).toBe('Tableau de bord · tous les KPI');
    expect(at(sheet, 2, 2)).toBe('15/06/2026 10:00');
    expect(at(sheet, 3, 1)).toBe('2 en bonne voie · 1 à surveiller · 1 en retard · 1 atteints');
  });

  test('tiles five to a row, two columns each, from row 5; a KPI that cannot be read has no scorecard, its tile says why', () => {
    const cards = sheet.charts.filter((c): c is ScorecardSpec => c.type === 'SCORECARD');
    expect(cards.map((c) => c.kpiId)).toEqual(['k2', 'k4', 'k5', 'k1', 'k3']);
    expect(cards.map((c) => [c.position.row, c.position.column])).toEqual([
      [5, 1],
      [5, 3],
      [5, 5],
      // k6's tile (the 4th) at column 7 has no scorecard; k1 is the 5th, k3 opens the second band.
      [5, 9],
      [9, 1],
    ]);
    // k6 is the 4th tile (row 5, column 7): its name, then the problem under it, then "no data".
    expect([at(sheet, 5, 7), at(sheet, 6, 7), at(sheet, 7, 7)]).toEqual([
      'Orphelin',
      'Source introuvable : Archives',
      'Pas de données',
    ]);
    // Status words under the tiles; the target as a number in the compact form: 200 000 € → 200 "k€".
    expect(at(sheet, 7, 1)).toBe('En bonne voie');
    expect(at(sheet, 6, 1)).toBe(200);
    expect(formatAt(sheet, 6, 1)).toBe('"Cible\u00a0: "#,##0"\u202fk€";"Cible\u00a0: "-#,##0"\u202fk€"');
    // A rate's target as it is (5 %); a count under 10,000 unscaled.
    expect([at(sheet, 6, 3), at(sheet, 6, 9)]).toEqual([0.05, 500]);
  });

  test('each scorecard: the current value against the previous one, compact, coloured by direction', () => {
    const card = (id: string) =>
      sheet.charts.find((c): c is ScorecardSpec => c.type === 'SCORECARD' && c.kpiId === id) as ScorecardSpec;
    // Two bands of tiles (rows 5–12), the table title (13) and header (14): KPI rows from 15, in order.
    const ca = card('k2');
    expect(ca.key).toEqual({ row: 15, column: 13, rows: 1, columns: 1 });
    expect(ca.baseline).toEqual({ row: 15, column: 14, rows: 1, columns: 1 });
    expect([at(sheet, 15, 13), at(sheet, 15, 14)]).toEqual([128980, 120000]);
    // 128 980 € reads "129 k€": divided by 1,000, a narrow space and "k€" after it.
    expect([ca.scale, ca.prefix, ca.suffix]).toEqual([1000, '', '\u202fk€']);
    expect(ca.comparison).toBe('PERCENTAGE_DIFFERENCE');
    expect(card('k4').comparison).toBe('ABSOLUTE_DIFFERENCE');
    // Said after the change: against the previous month; a rate's change is in points.
    expect([ca.changeLabel, card('k4').changeLabel]).toEqual(['vs M-1', 'en points vs M-1']);
    expect(card('k5').lowerIsBetter).toBe(true);
    expect(card('k2').lowerIsBetter).toBe(false);
  });

  test('the table row: status, value, target, progress, changes (relative; in points for a rate), deadline', () => {
    // Columns A–J: name, objective, status, current, target, progress, vs previous, vs last year, trend, deadline.
    const row = (r: number) => Array.from({ length: 10 }, (_, c) => at(sheet, r, c + 1));
    const ca = row(15);
    expect(ca.slice(0, 6)).toEqual(["Chiffre d'affaires", 'Croître', 'En bonne voie', 128980, 200000, 0.6449]);
    // (128,980 − 120,000) ÷ 120,000 = 0.074833…; no value a year before: blank.
    expect(ca[6]).toBeCloseTo(8980 / 120000, 12);
    expect(ca[7]).toBe('');
    // Deadline 2026-12-31 as a date serial: 46,387 days after 1899-12-30.
    expect(ca[9]).toBe(46387);
    // A rate's change in points: (3.4 % − 3.0 %) × 100 = 0.4.
    expect(row(16)[6]).toBe(0.4);
    // The unlinked KPI has no objective title.
    expect(row(20).slice(0, 3)).toEqual(['Sans objectif', '', 'Atteint']);
  });

  test("no formula but each KPI's SPARKLINE over its own chart data; figures and chart data in hidden columns", () => {
    const formulas = sheet.blocks
      .flatMap((b) => b.values.flat())
      .filter((v) => typeof v === 'string' && v.startsWith('='));
    // Five KPIs with points (k6 has none). Figures in L–R (name, current, previous, progress,
    // expected, a year before, baseline), a spacer, then k2's chart data: period in T, actual in U, rows 6–8.
    expect(formulas).toHaveLength(5);
    expect(at(sheet, 15, 9)).toBe('=SPARKLINE(U6:U8)');
    expect([20, 21, 22, 23].map((c) => at(sheet, 5, c))).toEqual(['Période', 'Réel', 'Cible', 'Référence du secteur']);
    // 2026-03-01 as a serial: 46,082; no benchmark: blank.
    expect([20, 21, 22, 23].map((c) => at(sheet, 6, c))).toEqual([46082, 110000, 200000, '']);
    // Everything from the spacer (K) to the last chart data column is hidden: 6 KPIs × 4 columns from T.
    expect(sheet.hiddenColumns).toEqual([{ column: 11, count: 20 + 6 * 4 - 1 - 11 + 1 }]);
    expect(sheet.columns).toBe(20 + 6 * 4 - 1);
  });

  test('the trend chart: actual, the target dashed, the sector benchmark dotted when there is one', () => {
    const [one] = buildDashboardPlan(
      input([kpi('k2', { benchmark: 150000 }), kpi('k7')], { k2: figures(), k7: figures() }),
    ).sheets;
    const trend = (id: string) => one.charts.find((c) => c.type === 'LINE' && c.kpiId === id) as BasicChartSpec;
    expect(trend('k2').series.map((x) => x.line)).toEqual([undefined, 'dashed', 'dotted']);
    expect(trend('k7').series.map((x) => x.line)).toEqual([undefined, 'dashed']);
    // k2's benchmark column (W), rows 6–8, beside its target (V).
    expect(trend('k2').series[2].range).toEqual({ sheet: 'self', row: 5, column: 23, rows: 4, columns: 1 });
    expect([6, 7, 8].map((r) => at(one, r, 23))).toEqual([150000, 150000, 150000]);
  });

  test("a live source: the judged value a formula over the period's rows (one scan), what follows from it over cells of its row", () => {
    const live = kpi('k2', {
      name: 'CA',
      source: { kind: 'range', values: 'Données!B2:B40', dates: 'Données!A2:A40' },
    });
    const f = figures({
      live: {
        kind: 'window',
        values: 'Données!B2:B40',
        dates: 'Données!A2:A40',
        start: '2026-05-01',
        end: '2026-05-31',
      },
    });
    const [one] = buildDashboardPlan(input([live], { k2: f })).sheets;
    // One KPI: one band of tiles (5–8), table title 9, header 10, the KPI's row 11. Figures: L = 12.
    // May 2026: serials 46,143 (1st) to 46,173 (31st); rows before the 32nd day, times of day included.
    expect(at(one, 11, 13)).toBe("=SUMIFS('Données'!B2:B40;'Données'!A2:A40;\">=46143\";'Données'!A2:A40;\"<46174\")");
    // The table's value, progress and change follow it: progress (M − R) ÷ (E − R), change (M − N) ÷ |N|.
    expect(at(one, 11, 4)).toBe('=$M$11');
    expect(at(one, 11, 15)).toBe('=IF(ISNUMBER($M$11);($M$11-$R$11)/($E$11-$R$11);"")');
    expect(at(one, 11, 6)).toBe('=$O$11');
    expect(at(one, 11, 7)).toBe('=IF(ISNUMBER($M$11);($M$11-$N$11)/ABS($N$11);"")');
    // A single cell: its reading, when it is a number.
    const cell = kpi('k3', { source: { kind: 'cell', ref: 'Saisie!B1' } });
    const [two] = buildDashboardPlan(
      input([cell], { k3: figures({ live: { kind: 'cell', ref: 'Saisie!B1' } }) }),
    ).sheets;
    expect(at(two, 11, 13)).toBe('=IF(ISNUMBER(Saisie!B1);Saisie!B1;"")');
  });

  test('English: the words and the compact form', () => {
    const [en] = buildDashboardPlan(input([kpi('k2')], { k2: figures() }, 'en')).sheets;
    expect(en.name).toBe('Dashboard');
    expect(at(en, 7, 1)).toBe('On track');
    const card = en.charts.find((c): c is ScorecardSpec => c.type === 'SCORECARD') as ScorecardSpec;
    expect([card.scale, card.prefix, card.suffix]).toEqual([1000, '€', 'k']);
  });
});
