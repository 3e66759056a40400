/**
 * From objectives and KPIs to a DashboardPlan: pure, deterministic (the same input gives the same
 * plan, so generating twice gives the same sheets), no clock (TODAY() lives in the formulas).
 */
import type { Lang } from '../../../src/core/i18n/lang';
import { columnLetters, parseA1 } from '../../../src/core/kpi/a1';
import { AUDIENCE_LEVELS, type AudienceLevel, type Kpi, type Objective } from '../../../src/core/kpi/model';
import {
  CHANGE_FORMAT,
  dateFormat,
  GENERAL,
  PERCENT,
  periodFormat,
  SMART_FORMAT,
  TEXT_FORMAT,
  valueFormat,
} from './formats';
import { kpiFormulas, ref, str } from './formulas';
import {
  anchorAt,
  CALC,
  CALC_COLUMN,
  calcColumn,
  CHART_GAP,
  CHART_HEIGHT,
  CHART_ROWS,
  CHART_WIDTH,
  FIRST_KPI_ROW,
  LEGEND_ROW,
  REFRESHED_CELL,
  SERIES_COLUMN,
  SERIES_WIDTH,
  seriesColumn,
  SPACER_WIDTH,
  SUMMARY_ROW,
  TABLE_HEADER_ROW,
  TITLE_ROW,
  VISIBLE,
  VISIBLE_WIDTHS,
  visibleColumn,
  WINDOW,
  abs,
  type CalcColumn,
  type VisibleColumn,
} from './layout';
import type {
  Area,
  Block,
  ChartSpec,
  ConditionalFormat,
  DashboardKey,
  DashboardPlan,
  PlanValue,
  SheetPlan,
  Style,
} from './plan';
import { SHEET_NAMES, STATUS_WORDS, TEXT, TITLES } from './text';

export type DashboardLayout = 'by_level' | 'overall';

export interface DashboardInput {
  lang: Lang;
  layout: DashboardLayout;
  objectives: Objective[];
  kpis: Kpi[];
  /**
   * SMART scores (0–100) as the sidebar computed them, by KPI id. The SMART engine stays out of
   * the server bundle, so the server can't compute them: absent scores show as blank.
   */
  smartScores?: Record<string, number>;
  /** The history sheet's current name; needed when a KPI's source is a single cell. */
  historySheet: string | null;
  /** What the "last refreshed" cell says at generation (e.g. "15/06/2026 10:00"). */
  refreshedText: string;
}

const COLORS = {
  good: { background: '#d9ead3', font: '#274e13' },
  risk: { background: '#fce5cd', font: '#7f4f00' },
  bad: { background: '#f4cccc', font: '#990000' },
  none: { font: '#80868b' },
  header: '#f1f3f4',
  muted: '#5f6368',
  actual: '#1a73e8',
  target: '#9aa0a6',
  expected: '#c6dafc',
};

/** Which KPIs each dashboard shows: per audience level that has KPIs, or all of them. */
export function dashboardsFor(kpis: readonly Kpi[], layout: DashboardLayout): { key: DashboardKey; kpis: Kpi[] }[] {
  const order = (k: Kpi) => AUDIENCE_LEVELS.indexOf(k.level);
  if (layout === 'overall' || kpis.length === 0) {
    return [
      {
        key: 'overall',
        kpis: kpis
          .map((k, i) => ({ k, i }))
          .sort((a, b) => order(a.k) - order(b.k) || a.i - b.i)
          .map((x) => x.k),
      },
    ];
  }
  return AUDIENCE_LEVELS.map((level: AudienceLevel) => ({
    key: level as DashboardKey,
    kpis: kpis.filter((k) => k.level === level),
  })).filter((d) => d.kpis.length > 0);
}

/** KPIs grouped by objective (in the objectives' order, unlinked ones last), stable otherwise. */
function byObjective(kpis: Kpi[], objectives: readonly Objective[]): Kpi[] {
  const rank = new Map(objectives.map((o, i) => [o.id, i]));
  return kpis
    .map((k, i) => ({ k, i, r: rank.get(k.objectiveId) ?? objectives.length }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.k);
}

const block = (id: string, row: number, column: number, values: PlanValue[][], numberFormats: string[][]): Block => ({
  id,
  row,
  column,
  rows: values.length,
  columns: values[0]?.length ?? 0,
  values,
  numberFormats,
});

/** Text literals are written as plain text ('@'): a name such as "=IMPORTXML(…)" stays a name. */
const formatOf = (v: PlanValue, otherwise: string): string =>
  typeof v === 'string' && v !== '' && !v.startsWith('=') ? TEXT_FORMAT : otherwise;

export function buildSheetPlan(input: DashboardInput, key: DashboardKey, unsorted: Kpi[]): SheetPlan {
  const { lang } = input;
  const kpis = byObjective(unsorted, input.objectives);
  const titles = new Map(input.objectives.map((o) => [o.id, o.title]));
  const k = kpis.length;
  const lastKpiRow = FIRST_KPI_ROW + Math.max(k, 1) - 1;
  const seriesRow = TABLE_HEADER_ROW + 1;

  // --- header ----------------------------------------------------------------------------------
  const statusArea = `${abs(FIRST_KPI_ROW, visibleColumn('status'))}:${abs(lastKpiRow, visibleColumn('status'))}`;
  const counts = (['on_track', 'at_risk', 'off_track'] as const).map(
    (s, i) => `COUNTIF(${statusArea},${str(STATUS_WORDS[s][lang])})&${str(` ${TEXT.summary[lang][i]}`)}`,
  );
  const summary = k ? `=${counts.join(`&" · "&`)}` : TEXT.noKpis[lang];
  const header: PlanValue[][] = [
    [TITLES[key][lang], ''],
    [TEXT.refreshedLabel[lang], input.refreshedText],
    [summary, ''],
    [TEXT.legend[lang], ''],
  ];
  const blocks: Block[] = [
    block(
      'header',
      TITLE_ROW,
      1,
      header,
      header.map((r) => r.map((v) => formatOf(v, GENERAL))),
    ),
  ];

  // --- one row per KPI -------------------------------------------------------------------------
  const tableHeader: PlanValue[] = [...TEXT.columns[lang]];
  const calcHeader: PlanValue[] = CALC.map((c, i) =>
    c === 'expected' ? TEXT.expected[lang] : TEXT.calcColumns[lang][i],
  );
  calcHeader[0] = `${TEXT.calcTitle[lang]} · ${calcHeader[0]}`;
  const tableRows: PlanValue[][] = [tableHeader];
  const tableFormats: string[][] = [tableHeader.map(() => TEXT_FORMAT)];
  const calcRows: PlanValue[][] = [calcHeader];
  const calcFormats: string[][] = [calcHeader.map(() => TEXT_FORMAT)];
  const window = k ? Math.max(...kpis.map((kpi) => WINDOW[kpi.frequency])) : 0;
  const seriesRows: PlanValue[][] = [];
  const seriesFormats: string[][] = [];
  for (let i = 0; i <= window; i++) {
    seriesRows.push([]);
    seriesFormats.push([]);
  }
  const charts: ChartSpec[] = [];

  kpis.forEach((kpi, index) => {
    const row = FIRST_KPI_ROW + index;
    const f = kpiFormulas({ kpi, row, index, historySheet: input.historySheet, lang, seriesRow });
    const score = input.smartScores?.[kpi.id];
    const visible: Record<VisibleColumn, PlanValue> = {
      ...f.visible,
      objective: titles.get(kpi.objectiveId) ?? '',
      smart: typeof score === 'number' && Number.isFinite(score) ? score : '',
    };
    const values = valueFormat(kpi, lang);
    const visibleFormats: Record<VisibleColumn, string> = {
      name: TEXT_FORMAT,
      objective: TEXT_FORMAT,
      status: GENERAL,
      current: values,
      target: values,
      progress: PERCENT,
      bar: GENERAL,
      vsPrevious: CHANGE_FORMAT,
      vsLastYear: CHANGE_FORMAT,
      vsBenchmark: CHANGE_FORMAT,
      sparkline: GENERAL,
      deadline: dateFormat(lang),
      smart: SMART_FORMAT,
    };
    tableRows.push(VISIBLE.map((c) => visible[c]));
    tableFormats.push(VISIBLE.map((c) => formatOf(visible[c], visibleFormats[c])));

    // Dates: the start and, for dated ranges, the last date and the year-ago window (in the
    // history the window is a period key, text). Undated series have positions, not dates.
    const dated = kpi.source.kind === 'range' && !!kpi.source.dates;
    const calcFormat = (c: CalcColumn): string => {
      if (['previous', 'first', 'baseline', 'yoy', 'benchmark'].includes(c)) return values;
      if (c === 'expected') return PERCENT;
      if (c === 'start' || (dated && (c === 'lastX' || c === 'yoyFrom' || c === 'yoyTo'))) return dateFormat(lang);
      return GENERAL;
    };
    calcRows.push(CALC.map((c) => f.calc[c]));
    calcFormats.push(CALC.map((c) => formatOf(f.calc[c], calcFormat(c))));

    // Chart data: [position, period, actual, target] under a header naming the series.
    const undated = kpi.source.kind === 'range' && !kpi.source.dates;
    const [posH, periodH, actualH, targetH] = TEXT.seriesHeader[lang];
    seriesRows[0].push(posH, periodH, actualH, targetH);
    seriesFormats[0].push(TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT);
    for (let i = 1; i <= window; i++) {
      const cells = f.series[i - 1] ?? ['', '', '', ''];
      seriesRows[i].push(...cells);
      seriesFormats[i].push(GENERAL, undated ? GENERAL : periodFormat(kpi.frequency, lang), values, values);
    }

    // A line per KPI over time, its target as a second line; a bar chart for a breakdown by category.
    const first = seriesColumn(index);
    const withTarget = kpi.target !== null;
    if (!f.categorical) {
      charts.push({
        id: `trend:${kpi.id}`,
        type: 'LINE',
        role: 'trend',
        kpiId: kpi.id,
        ranges: [
          { sheet: 'self', row: TABLE_HEADER_ROW, column: first + 1, rows: f.window + 1, columns: withTarget ? 3 : 2 },
        ],
        numHeaders: 1,
        position: { row: 0, column: 0, offsetX: 0, offsetY: 0 },
        options: {
          title: kpi.name,
          legend: { position: 'bottom' },
          colors: withTarget ? [COLORS.actual, COLORS.target] : [COLORS.actual],
          // As #9 left it on main: documented options only (the emulator refuses lineDashStyle).
          ...(withTarget ? { series: { 0: { lineWidth: 3, pointSize: 5 }, 1: { lineWidth: 1, pointSize: 0 } } } : {}),
          vAxis: { format: values },
          width: CHART_WIDTH,
          height: CHART_HEIGHT,
        },
      });
    }
    if (
      kpi.source.kind === 'range' &&
      kpi.source.categories &&
      parseA1(kpi.source.categories) &&
      parseA1(kpi.source.values)
    ) {
      charts.push({
        id: `categories:${kpi.id}`,
        type: 'BAR',
        role: 'categories',
        kpiId: kpi.id,
        ranges: [
          { sheet: 'source', a1: ref(kpi.source.categories) },
          { sheet: 'source', a1: ref(kpi.source.values) },
        ],
        numHeaders: 0,
        position: { row: 0, column: 0, offsetX: 0, offsetY: 0 },
        options: {
          title: TEXT.byCategory[lang](kpi.name),
          legend: { position: 'none' },
          colors: [COLORS.actual],
          hAxis: { format: values },
          width: CHART_WIDTH,
          height: CHART_HEIGHT,
        },
      });
    }
  });

  // --- charts below the table: progress of every KPI, then each KPI's own, in table order ------
  const progressChart: ChartSpec | null = k
    ? {
        id: 'progress',
        type: 'COLUMN',
        role: 'progress',
        kpiId: null,
        ranges: [
          { sheet: 'self', row: TABLE_HEADER_ROW, column: visibleColumn('name'), rows: k + 1, columns: 1 },
          { sheet: 'self', row: TABLE_HEADER_ROW, column: visibleColumn('progress'), rows: k + 1, columns: 1 },
          { sheet: 'self', row: TABLE_HEADER_ROW, column: calcColumn('expected'), rows: k + 1, columns: 1 },
        ],
        numHeaders: 1,
        position: { row: 0, column: 0, offsetX: 0, offsetY: 0 },
        options: {
          title: TEXT.progressChart[lang],
          legend: { position: 'bottom' },
          colors: [COLORS.actual, COLORS.expected],
          vAxis: { format: '0%', viewWindow: { min: 0 } },
          width: CHART_WIDTH * 2 + CHART_GAP,
          height: CHART_HEIGHT,
        },
      }
    : null;
  const chartTop = lastKpiRow + 2;
  const placed: ChartSpec[] = [];
  let gridRow = chartTop;
  if (progressChart) {
    placed.push({ ...progressChart, position: { row: gridRow, column: 1, offsetX: 0, offsetY: 0 } });
    gridRow += CHART_ROWS;
  }
  charts.forEach((c, i) => {
    const { column, offsetX } = anchorAt((i % 2) * (CHART_WIDTH + CHART_GAP));
    placed.push({ ...c, position: { row: gridRow + Math.floor(i / 2) * CHART_ROWS, column, offsetX, offsetY: 0 } });
  });
  const chartRows = placed.length ? Math.max(...placed.map((c) => c.position.row)) + CHART_ROWS : lastKpiRow + 1;

  if (k) {
    blocks.push(block('table', TABLE_HEADER_ROW, 1, tableRows, tableFormats));
    blocks.push(block('calc', TABLE_HEADER_ROW, CALC_COLUMN, calcRows, calcFormats));
    blocks.push(block('series', TABLE_HEADER_ROW, SERIES_COLUMN, seriesRows, seriesFormats));
  } else {
    blocks.push(block('table', TABLE_HEADER_ROW, 1, [tableHeader], [tableHeader.map(() => TEXT_FORMAT)]));
  }

  // --- styles and conditional formats (a fixed number, whatever the KPI count) ---------------
  const width = VISIBLE.length;
  const body: Area = { row: FIRST_KPI_ROW, column: 1, rows: Math.max(k, 1), columns: width };
  const col = (c: VisibleColumn, columns = 1): Area => ({
    row: FIRST_KPI_ROW,
    column: visibleColumn(c),
    rows: Math.max(k, 1),
    columns,
  });
  const styles: Style[] = [
    { row: TITLE_ROW, column: 1, rows: 1, columns: 1, fontSize: 16, fontWeight: 'bold' },
    { row: TITLE_ROW + 1, column: 1, rows: LEGEND_ROW - TITLE_ROW, columns: 2, fontColor: COLORS.muted },
    { row: SUMMARY_ROW, column: 1, rows: 1, columns: 1, fontWeight: 'bold', fontColor: '#202124' },
    {
      row: TABLE_HEADER_ROW,
      column: 1,
      rows: 1,
      columns: width,
      fontWeight: 'bold',
      background: COLORS.header,
      wrap: true,
    },
    { ...body, columns: 1, fontWeight: 'bold' },
    { ...col('status'), fontWeight: 'bold', horizontalAlignment: 'center' },
    { ...col('progress', 2), horizontalAlignment: 'left' },
    {
      row: TABLE_HEADER_ROW,
      column: CALC_COLUMN,
      rows: 1,
      columns: CALC.length + 1 + SERIES_WIDTH * k,
      fontColor: COLORS.muted,
      fontWeight: 'bold',
    },
  ];
  const status = (s: keyof typeof STATUS_WORDS) => STATUS_WORDS[s][lang];
  const statusRef = `$${columnLetters(visibleColumn('status'))}${FIRST_KPI_ROW}`;
  const dir = `$${columnLetters(calcColumn('direction'))}${FIRST_KPI_ROW}`;
  const changes = col('vsPrevious', 3);
  const topLeft = `${columnLetters(changes.column)}${FIRST_KPI_ROW}`;
  const conditionalFormats: ConditionalFormat[] = k
    ? [
        {
          areas: [col('status')],
          when: 'text_equals',
          text: status('on_track'),
          background: COLORS.good.background,
          fontColor: COLORS.good.font,
        },
        {
          areas: [col('status')],
          when: 'text_equals',
          text: status('at_risk'),
          background: COLORS.risk.background,
          fontColor: COLORS.risk.font,
        },
        {
          areas: [col('status')],
          when: 'text_equals',
          text: status('off_track'),
          background: COLORS.bad.background,
          fontColor: COLORS.bad.font,
        },
        { areas: [col('status')], when: 'text_equals', text: status('no_data'), fontColor: COLORS.none.font },
        {
          areas: [col('bar')],
          when: 'formula',
          formula: `=${statusRef}=${str(status('on_track'))}`,
          fontColor: COLORS.good.font,
        },
        {
          areas: [col('bar')],
          when: 'formula',
          formula: `=${statusRef}=${str(status('at_risk'))}`,
          fontColor: '#e69138',
        },
        {
          areas: [col('bar')],
          when: 'formula',
          formula: `=${statusRef}=${str(status('off_track'))}`,
          fontColor: COLORS.bad.font,
        },
        {
          areas: [changes],
          when: 'formula',
          formula: `=AND(ISNUMBER(${topLeft}),${topLeft}*${dir}>0)`,
          fontColor: COLORS.good.font,
        },
        {
          areas: [changes],
          when: 'formula',
          formula: `=AND(ISNUMBER(${topLeft}),${topLeft}*${dir}<0)`,
          fontColor: COLORS.bad.font,
        },
      ]
    : [];

  const lastColumn = k ? SERIES_COLUMN + SERIES_WIDTH * k - 1 : width;
  const widths: SheetPlan['columnWidths'] = [];
  VISIBLE.forEach((c, i) => {
    const w = VISIBLE_WIDTHS[c];
    const last = widths[widths.length - 1];
    if (last && last.width === w && last.column + last.count === i + 1) last.count++;
    else widths.push({ column: i + 1, count: 1, width: w });
  });
  widths.push({ column: width + 1, count: 1, width: SPACER_WIDTH });

  return {
    key,
    name: SHEET_NAMES[key][lang],
    kpiIds: kpis.map((x) => x.id),
    rows: Math.max(chartRows, TABLE_HEADER_ROW + window + 1),
    columns: lastColumn,
    frozenRows: TABLE_HEADER_ROW,
    refreshedCell: { ...REFRESHED_CELL },
    columnWidths: widths,
    hiddenColumns: k ? [{ column: CALC_COLUMN, count: lastColumn - CALC_COLUMN + 1 }] : [],
    blocks,
    styles,
    conditionalFormats,
    charts: placed,
  };
}

/** The whole plan: one sheet per dashboard. */
export function buildDashboardPlan(input: DashboardInput): DashboardPlan {
  return { sheets: dashboardsFor(input.kpis, input.layout).map((d) => buildSheetPlan(input, d.key, d.kpis)) };
}
