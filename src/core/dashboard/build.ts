/**
 * From objectives, KPIs and their figures to a DashboardPlan: pure, deterministic (the same input
 * gives the same plan), no clock. The figures (figures.ts) are written as values: the only
 * formulas are the SPARKLINEs of the table, each over the 24-odd cells of its own chart data.
 */
import { concat, div, type Expr, F, type FormulaSyntax, formula, gt, lt, mul, ref, sub } from '../formula';
import type { Lang } from '../i18n/lang';
import { formatA1, parseA1 } from '../kpi/a1';
import { isoDay } from '../kpi/dates';
import { AUDIENCE_LEVELS, type AudienceLevel, type Kpi, type Objective } from '../kpi/model';
import type { KpiFigures, TileStatus } from './figures';
import {
  CHANGE_FORMAT,
  compactForm,
  dateFormat,
  GENERAL,
  labelledFormat,
  PERCENT,
  periodFormat,
  POINTS_FORMAT,
  TEXT_FORMAT,
  valueFormat,
} from './formats';
import {
  a1,
  abs,
  anchorAt,
  CHART_GAP,
  CHART_HEIGHT,
  CHART_ROWS,
  CHART_WIDTH,
  COLUMN_WIDTH,
  FIGURES,
  FIGURES_COLUMN,
  figureColumn,
  FIRST_TILE_ROW,
  REFRESHED_CELL,
  SCORECARD_HEIGHT,
  SCORECARD_WIDTH,
  SERIES_COLUMN,
  SERIES_WIDTH,
  SPACER_COLUMN,
  seriesColumn,
  SUMMARY_ROW,
  type TableColumn,
  TILE_CHART_HEIGHT,
  TILE_COLUMNS,
  TILE_GAP_HEIGHT,
  TILE_ROWS,
  TILES_PER_ROW,
  TITLE_ROW,
  tableColumn,
  VISIBLE_COLUMNS,
  WINDOW,
} from './layout';
import type {
  Area,
  Block,
  ChartRange,
  ChartSpec,
  ConditionalFormat,
  DashboardKey,
  DashboardPlan,
  PlanValue,
  SheetPlan,
  Style,
} from './plan';
import { SHEET_NAMES, TEXT, TITLES } from './text';
import { statusAfterCount, statusWord } from '../kpi/status-words';
import { localize } from '../i18n/text';

export type DashboardLayout = 'by_level' | 'overall';

export interface DashboardInput {
  lang: Lang;
  layout: DashboardLayout;
  objectives: Objective[];
  kpis: Kpi[];
  /** What each KPI shows, by id (figures.ts); a KPI without figures shows "no data". */
  figures: Record<string, KpiFigures>;
  /** What the "as of" cell says (e.g. "15/06/2026 10:00"). */
  refreshedText: string;
  /** How the spreadsheet's locale spells formulas (`syntaxForLocale(locale)`): every formula goes through the builder. */
  syntax: FormulaSyntax;
}

const COLORS = {
  good: { background: '#e6f4ea', font: '#137333' },
  risk: { background: '#fef7e0', font: '#b06000' },
  bad: { background: '#fce8e6', font: '#c5221f' },
  done: { background: '#d2e3fc', font: '#174ea6' },
  none: { font: '#80868b' },
  header: '#f1f3f4',
  muted: '#5f6368',
  actual: '#1a73e8',
  target: '#5f6368',
  benchmark: '#e37400',
  expected: '#c6dafc',
};

const NO_FIGURES: KpiFigures = {
  series: [],
  current: null,
  period: null,
  previous: null,
  lastYear: null,
  status: 'no_data',
  progress: null,
  expected: null,
  inProgress: false,
  problem: null,
  baseline: null,
  live: null,
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

/** Text literals are written as plain text ('@'): a name such as "=IMPORTXML(…)" stays a name. */
const formatOf = (v: PlanValue, otherwise: string): string =>
  typeof v === 'string' && v !== '' && !v.startsWith('=') ? TEXT_FORMAT : otherwise;

/** A block built cell by cell (sparse writes, filled with blanks). */
class Grid {
  private cells = new Map<string, { v: PlanValue; f: string }>();
  private r0 = Infinity;
  private c0 = Infinity;
  private r1 = 0;
  private c1 = 0;
  set(row: number, column: number, v: PlanValue, format = GENERAL): void {
    this.cells.set(`${row},${column}`, { v, f: formatOf(v, format) });
    this.r0 = Math.min(this.r0, row);
    this.c0 = Math.min(this.c0, column);
    this.r1 = Math.max(this.r1, row);
    this.c1 = Math.max(this.c1, column);
  }
  block(id: string): Block | null {
    if (!this.cells.size) return null;
    const values: PlanValue[][] = [];
    const numberFormats: string[][] = [];
    for (let r = this.r0; r <= this.r1; r++) {
      const vs: PlanValue[] = [];
      const fs: string[] = [];
      for (let c = this.c0; c <= this.c1; c++) {
        const cell = this.cells.get(`${r},${c}`);
        vs.push(cell?.v ?? '');
        fs.push(cell?.f ?? GENERAL);
      }
      values.push(vs);
      numberFormats.push(fs);
    }
    return {
      id,
      row: this.r0,
      column: this.c0,
      rows: this.r1 - this.r0 + 1,
      columns: this.c1 - this.c0 + 1,
      values,
      numberFormats,
    };
  }
}

const serial = (iso: string | null): PlanValue => {
  const d = isoDay(iso);
  return d === null ? '' : d + 25569;
};
const num = (x: number | null | undefined): PlanValue => (typeof x === 'number' && Number.isFinite(x) ? x : '');
const cellArea = (row: number, column: number): Area => ({ row, column, rows: 1, columns: 1 });

/** A value's change against another: in points for rates, relative otherwise. */
function change(kpi: Kpi, current: number | null, other: number | null): { value: PlanValue; format: string } {
  if (current === null || other === null) return { value: '', format: GENERAL };
  if (kpi.unit === '%') return { value: Math.round((current - other) * 1000) / 10, format: POINTS_FORMAT };
  if (other === 0) return { value: '', format: GENERAL };
  return { value: (current - other) / Math.abs(other), format: CHANGE_FORMAT };
}

/** A figure divided as its compact form says (128 980 € → 129 with "k€" in the format); itself when unscaled. */
function compactFigure(kpi: Kpi, x: number, lang: Lang, format: string): { value: number; format: string } {
  const c = compactForm(kpi, x, lang);
  if (c.scale === 1) return { value: x, format };
  const value = x / c.scale;
  const digits = Number.isInteger(Math.round(value * 10) / 10) ? '#,##0' : '#,##0.0';
  const text = (s: string) => (s ? `"${s.replace(/"/g, '')}"` : '');
  return { value, format: `${text(c.prefix)}${digits}${text(c.suffix)}` };
}

const bar = (progress: number | null): string => {
  if (progress === null) return '';
  const filled = Math.round(10 * Math.max(0, Math.min(1, progress)));
  return '▰'.repeat(filled) + '▱'.repeat(10 - filled);
};

/** A source reference as the formula builder writes it (its sheet quoted where Sheets needs it). */
function sourceRef(a1text: string): Expr | null {
  const r = parseA1(a1text);
  return r?.sheet ? ref(formatA1(r)) : null;
}

const serialOf = (iso: string): number => (isoDay(iso) ?? 0) + 25569;

/**
 * The formulas of a KPI whose value stays live (figures.ts LiveSource): its current value over
 * its source (one scan: a cell, or SUMIFS over the judged period's rows), then
 * progress, changes and the bar over cells of its own row. Null when it has none.
 */
function liveFormulas(
  kpi: Kpi,
  f: KpiFigures,
  row: number,
  syntax: FormulaSyntax,
): {
  current: string;
  progress: string | null;
  bar: string | null;
  vsPrevious: { value: PlanValue; format: string } | null;
  vsLastYear: { value: PlanValue; format: string } | null;
} | null {
  const l = f.live;
  if (!l || f.problem) return null;
  let value: Expr;
  if (l.kind === 'cell') {
    const cell = sourceRef(l.ref);
    if (!cell) return null;
    value = F.IF(F.ISNUMBER(cell), cell, '');
  } else {
    const values = sourceRef(l.values);
    const dates = sourceRef(l.dates);
    if (!values || !dates) return null;
    // Rows from the period's first day to before the day after its last (times of day included).
    const window = [dates, `>=${serialOf(l.start)}`, dates, `<${serialOf(l.end) + 1}`] as const;
    value = F.SUMIFS(values, ...window);
  }
  const cell = (c: (typeof FIGURES)[number]) => ref(abs(row, figureColumn(c)));
  const cur = cell('current');
  const when = (e: Expr) => formula(F.IF(F.ISNUMBER(cur), e, ''), syntax);
  const target = ref(abs(row, tableColumn('target')));
  const base = cell('baseline');
  const progress =
    kpi.target !== null && f.baseline !== null && kpi.target !== f.baseline
      ? when(div(sub(cur, base), sub(target, base)))
      : null;
  const p = cell('progress');
  const filled = F.ROUND(mul(10, F.MAX(0, F.MIN(1, p))));
  const bar = progress
    ? formula(F.IF(F.ISNUMBER(p), concat(F.REPT('▰', filled), F.REPT('▱', sub(10, filled))), ''), syntax)
    : null;
  const vs = (other: number | null, c: (typeof FIGURES)[number]) => {
    if (other === null) return null;
    if (kpi.unit === '%') return { value: when(div(F.ROUND(mul(sub(cur, cell(c)), 1000)), 10)), format: POINTS_FORMAT };
    if (other === 0) return null;
    return { value: when(div(sub(cur, cell(c)), F.ABS(cell(c)))), format: CHANGE_FORMAT };
  };
  return {
    current: formula(value, syntax),
    progress,
    bar,
    vsPrevious: vs(f.previous, 'previous'),
    vsLastYear: vs(f.lastYear, 'lastYear'),
  };
}

export function buildSheetPlan(input: DashboardInput, key: DashboardKey, unsorted: Kpi[]): SheetPlan {
  const { lang } = input;
  const kpis = byObjective(unsorted, input.objectives);
  const titles = new Map(input.objectives.map((o) => [o.id, o.title]));
  const k = kpis.length;
  const figuresOf = (kpi: Kpi) => input.figures[kpi.id] ?? NO_FIGURES;
  const word = (s: TileStatus) => statusWord(s, lang);

  const cells = new Grid();
  const hidden = new Grid();
  const styles: Style[] = [];
  const charts: ChartSpec[] = [];
  const rowHeights: SheetPlan['rowHeights'] = [];

  // --- header --------------------------------------------------------------------------------
  const counts = (['on_track', 'at_risk', 'off_track', 'achieved'] as const).map(
    (s) => `${kpis.filter((x) => figuresOf(x).status === s).length} ${statusAfterCount(s, lang)}`,
  );
  cells.set(TITLE_ROW, 1, localize(TITLES[key], lang));
  cells.set(REFRESHED_CELL.row, 1, localize(TEXT.refreshedLabel, lang));
  cells.set(REFRESHED_CELL.row, REFRESHED_CELL.column, input.refreshedText);
  cells.set(SUMMARY_ROW, 1, k ? counts.join(' · ') : localize(TEXT.noKpis, lang));
  cells.set(SUMMARY_ROW + 1, 1, localize(TEXT.legend, lang));
  styles.push(
    { row: TITLE_ROW, column: 1, rows: 1, columns: 1, fontSize: 18, fontWeight: 'bold' },
    { row: REFRESHED_CELL.row, column: 1, rows: 1, columns: 2, fontColor: COLORS.muted },
    { row: SUMMARY_ROW, column: 1, rows: 1, columns: 1, fontWeight: 'bold' },
    { row: SUMMARY_ROW + 1, column: 1, rows: 1, columns: 1, fontColor: COLORS.muted, fontSize: 9 },
  );

  // --- tiles -----------------------------------------------------------------------------------
  const bands = Math.ceil(k / TILES_PER_ROW);
  const tableTitleRow = FIRST_TILE_ROW + bands * TILE_ROWS;
  const tableHeaderRow = tableTitleRow + 1;
  const firstKpiRow = tableHeaderRow + 1;
  const statusAreas: Area[] = [];
  for (let b = 0; b < bands; b++) {
    const r0 = FIRST_TILE_ROW + b * TILE_ROWS;
    rowHeights.push(
      { row: r0, count: 1, height: TILE_CHART_HEIGHT },
      { row: r0 + 3, count: 1, height: TILE_GAP_HEIGHT },
    );
    statusAreas.push({ row: r0 + 2, column: 1, rows: 1, columns: VISIBLE_COLUMNS });
    styles.push(
      { row: r0 + 1, column: 1, rows: 2, columns: VISIBLE_COLUMNS, fontColor: '#3c4043' },
      { row: r0 + 2, column: 1, rows: 1, columns: VISIBLE_COLUMNS, fontWeight: 'bold' },
    );
  }
  const window = k ? Math.max(...kpis.map((x) => WINDOW[x.frequency])) : 0;

  kpis.forEach((kpi, i) => {
    const f = figuresOf(kpi);
    const values = valueFormat(kpi, lang);
    const row = firstKpiRow + i;
    const r0 = FIRST_TILE_ROW + Math.floor(i / TILES_PER_ROW) * TILE_ROWS;
    const col = 1 + (i % TILES_PER_ROW) * TILE_COLUMNS;

    // Figures the scorecard and the progress chart read (hidden, one row per KPI). With a live
    // source (figures.ts LiveSource) the current value is a formula over it, and what follows
    // from it (progress, changes, the bar) formulas over single cells of this row.
    const live = liveFormulas(kpi, f, row, input.syntax);
    hidden.set(row, figureColumn('name'), kpi.name);
    hidden.set(row, figureColumn('current'), live?.current ?? num(f.current), values);
    hidden.set(row, figureColumn('previous'), num(f.previous), values);
    hidden.set(row, figureColumn('progress'), live?.progress ?? num(f.progress), PERCENT);
    hidden.set(row, figureColumn('expected'), num(f.expected), PERCENT);
    hidden.set(row, figureColumn('lastYear'), num(f.lastYear), values);
    hidden.set(row, figureColumn('baseline'), num(f.baseline), values);
    const progressCell = live?.progress ? formula(ref(abs(row, figureColumn('progress'))), input.syntax) : null;

    // The tile.
    if (f.problem) {
      cells.set(r0, col, kpi.name);
      styles.push({ row: r0, column: col, rows: 1, columns: 1, fontWeight: 'bold', verticalAlignment: 'top' });
      cells.set(r0 + 1, col, f.problem);
    } else {
      const compact = compactForm(kpi, f.current, lang);
      charts.push({
        id: `scorecard:${kpi.id}`,
        type: 'SCORECARD',
        role: 'scorecard',
        kpiId: kpi.id,
        title: kpi.name,
        key: cellArea(row, figureColumn('current')),
        baseline: f.previous === null ? null : cellArea(row, figureColumn('previous')),
        comparison: kpi.unit === '%' ? 'ABSOLUTE_DIFFERENCE' : 'PERCENTAGE_DIFFERENCE',
        changeLabel: [
          kpi.unit === '%' ? localize(TEXT.inPoints, lang) : '',
          localize(TEXT.vsPrevious, lang)[kpi.frequency],
        ]
          .filter(Boolean)
          .join(' '),
        lowerIsBetter: kpi.direction === 'lower',
        ...compact,
        position: { row: r0, column: col, offsetX: 4, offsetY: 3 },
        width: SCORECARD_WIDTH,
        height: SCORECARD_HEIGHT,
      });
      if (kpi.target === null) cells.set(r0 + 1, col, localize(TEXT.noTarget, lang));
      else {
        // In the compact form, like the scorecard above it ("Cible : 150 k€"): a number does not
        // spill into the next cell in Sheets, it shows "###" when wider than its 100 px.
        const t = compactFigure(kpi, kpi.target, lang, values);
        cells.set(r0 + 1, col, t.value, labelledFormat(localize(TEXT.targetLabel, lang), t.format));
      }
      if (progressCell || f.progress !== null)
        cells.set(r0 + 1, col + 1, progressCell ?? num(f.progress), labelledFormat('', PERCENT));
      cells.set(r0 + 2, col + 1, live?.bar ?? bar(f.progress));
      // Ten light glyphs fit the 100 px cell; bold ones at 10 pt would be cut by the next tile.
      styles.push({ row: r0 + 2, column: col + 1, rows: 1, columns: 1, fontWeight: 'normal', fontSize: 8 });
    }
    cells.set(r0 + 2, col, word(f.status));

    // The table row.
    const vsPrevious = live?.vsPrevious ?? change(kpi, f.current, f.previous);
    const vsLastYear = live?.vsLastYear ?? change(kpi, f.current, f.lastYear);
    const put = (c: TableColumn, v: PlanValue, format = GENERAL) => cells.set(row, tableColumn(c), v, format);
    put('name', kpi.name);
    put('objective', titles.get(kpi.objectiveId) ?? '');
    put('status', word(f.status));
    put('current', live ? formula(ref(abs(row, figureColumn('current'))), input.syntax) : num(f.current), values);
    put('target', num(kpi.target), values);
    put('progress', progressCell ?? num(f.progress), PERCENT);
    put('vsPrevious', vsPrevious.value, vsPrevious.format);
    put('vsLastYear', vsLastYear.value, vsLastYear.format);
    put('deadline', serial(kpi.deadline), dateFormat(lang));
    // The direction, for the colour of the changes (a conditional format compares signs).
    hidden.set(row, SPACER_COLUMN, kpi.direction === 'lower' ? -1 : 1);

    // Chart data: [period, actual, target, benchmark] under a header naming the series; by period key.
    const first = seriesColumn(i);
    const points = f.series.slice(-WINDOW[kpi.frequency]);
    localize(TEXT.seriesHeader, lang).forEach((h, c) => {
      hidden.set(FIRST_TILE_ROW, first + c, h);
    });
    points.forEach((p, j) => {
      const r = FIRST_TILE_ROW + 1 + j;
      hidden.set(r, first, serial(p.start), periodFormat(kpi.frequency, lang));
      hidden.set(r, first + 1, p.value, values);
      hidden.set(r, first + 2, num(kpi.target), values);
      hidden.set(r, first + 3, num(kpi.benchmark), values);
    });
    const dataArea = (c: number): ChartRange => ({
      sheet: 'self',
      row: FIRST_TILE_ROW,
      column: c,
      rows: points.length + 1,
      columns: 1,
    });
    const categorical = kpi.source.kind === 'range' && !!kpi.source.categories && !kpi.source.dates;
    if (points.length) {
      const sparkArea = `${a1(FIRST_TILE_ROW + 1, first + 1)}:${a1(FIRST_TILE_ROW + points.length, first + 1)}`;
      put('sparkline', formula(F.SPARKLINE(ref(sparkArea)), input.syntax));
    }
    if (points.length && !categorical) {
      charts.push({
        id: `trend:${kpi.id}`,
        type: 'LINE',
        role: 'trend',
        kpiId: kpi.id,
        title: kpi.name,
        domain: dataArea(first),
        series: [
          { range: dataArea(first + 1), color: COLORS.actual },
          ...(kpi.target !== null
            ? [{ range: dataArea(first + 2), color: COLORS.target, line: 'dashed' as const }]
            : []),
          // The sector benchmark (the KPI's "vs benchmark"), dotted: where the KPI stands against it.
          ...(kpi.benchmark !== null
            ? [{ range: dataArea(first + 3), color: COLORS.benchmark, line: 'dotted' as const }]
            : []),
        ],
        headerCount: 1,
        legend: 'BOTTOM',
        valueFormat: values,
        position: { row: 0, column: 0, offsetX: 0, offsetY: 0 },
        width: CHART_WIDTH,
        height: CHART_HEIGHT,
      });
    }
    if (
      kpi.source.kind === 'range' &&
      kpi.source.categories &&
      parseA1(kpi.source.categories) &&
      parseA1(kpi.source.values) &&
      !f.problem
    ) {
      charts.push({
        id: `categories:${kpi.id}`,
        type: 'BAR',
        role: 'categories',
        kpiId: kpi.id,
        title: localize(TEXT.byCategory, lang)(kpi.name),
        domain: { sheet: 'source', a1: kpi.source.categories },
        series: [{ range: { sheet: 'source', a1: kpi.source.values }, color: COLORS.actual }],
        headerCount: 0,
        legend: 'NONE',
        valueFormat: values,
        position: { row: 0, column: 0, offsetX: 0, offsetY: 0 },
        width: CHART_WIDTH,
        height: CHART_HEIGHT,
      });
    }
  });

  // --- table header, figures header ----------------------------------------------------------
  if (k) {
    cells.set(tableTitleRow, 1, localize(TEXT.detailTitle, lang));
    localize(TEXT.columns, lang).forEach((h, c) => {
      cells.set(tableHeaderRow, c + 1, h);
    });
    FIGURES.forEach((_, c) => {
      hidden.set(tableHeaderRow, FIGURES_COLUMN + c, localize(TEXT.figures, lang)[c] ?? '');
    });
    styles.push(
      { row: tableTitleRow, column: 1, rows: 1, columns: 1, fontSize: 12, fontWeight: 'bold' },
      {
        row: tableHeaderRow,
        column: 1,
        rows: 1,
        columns: VISIBLE_COLUMNS,
        fontWeight: 'bold',
        background: COLORS.header,
        wrap: true,
        verticalAlignment: 'middle',
      },
      { row: firstKpiRow, column: 1, rows: k, columns: 2, wrap: true, verticalAlignment: 'middle' },
      { row: firstKpiRow, column: 1, rows: k, columns: 1, fontWeight: 'bold' },
      {
        row: firstKpiRow,
        column: tableColumn('status'),
        rows: k,
        columns: 1,
        fontWeight: 'bold',
        horizontalAlignment: 'center',
      },
    );
    statusAreas.push({ row: firstKpiRow, column: tableColumn('status'), rows: k, columns: 1 });
  }

  // --- charts below the table: progress of every KPI, then each KPI's own ---------------------
  const placed: ChartSpec[] = charts.filter((c) => c.type === 'SCORECARD');
  const others = charts.filter((c) => c.type !== 'SCORECARD');
  let gridRow = firstKpiRow + Math.max(k, 0) + 1;
  if (k) {
    const figureArea = (c: number): ChartRange => ({
      sheet: 'self',
      row: tableHeaderRow,
      column: c,
      rows: k + 1,
      columns: 1,
    });
    placed.push({
      id: 'progress',
      type: 'COLUMN',
      role: 'progress',
      kpiId: null,
      title: localize(TEXT.progressChart, lang),
      domain: figureArea(FIGURES_COLUMN),
      series: [
        { range: figureArea(figureColumn('progress')), color: COLORS.actual },
        { range: figureArea(figureColumn('expected')), color: COLORS.expected },
      ],
      headerCount: 1,
      legend: 'BOTTOM',
      valueFormat: '0%',
      position: { row: gridRow, column: 1, offsetX: 0, offsetY: 0 },
      width: CHART_WIDTH * 2 + CHART_GAP,
      height: CHART_HEIGHT,
    });
    gridRow += CHART_ROWS;
  }
  others.forEach((c, i) => {
    const { column, offsetX } = anchorAt((i % 2) * (CHART_WIDTH + CHART_GAP));
    placed.push({ ...c, position: { row: gridRow + Math.floor(i / 2) * CHART_ROWS, column, offsetX, offsetY: 0 } });
  });
  const chartRows = Math.max(
    gridRow,
    ...placed.filter((c) => c.type !== 'SCORECARD').map((c) => c.position.row + CHART_ROWS),
  );

  // --- colours -------------------------------------------------------------------------------
  const conditionalFormats: ConditionalFormat[] = [];
  if (k) {
    const statusRule = (s: TileStatus, c: { background?: string; font: string }): ConditionalFormat => ({
      areas: statusAreas,
      when: 'text_equals',
      text: word(s),
      background: c.background,
      fontColor: c.font,
    });
    conditionalFormats.push(
      statusRule('on_track', COLORS.good),
      statusRule('achieved', COLORS.done),
      statusRule('at_risk', COLORS.risk),
      statusRule('off_track', COLORS.bad),
      statusRule('no_target', COLORS.none),
      statusRule('no_data', COLORS.none),
    );
    // A change's sign times the KPI's direction: > 0 is the good way.
    const changes: Area = { row: firstKpiRow, column: tableColumn('vsPrevious'), rows: k, columns: 2 };
    const signed = mul(ref(a1(firstKpiRow, changes.column)), ref(`$${a1(firstKpiRow, SPACER_COLUMN)}`));
    conditionalFormats.push(
      { areas: [changes], when: 'formula', formula: formula(gt(signed, 0), input.syntax), fontColor: COLORS.good.font },
      { areas: [changes], when: 'formula', formula: formula(lt(signed, 0), input.syntax), fontColor: COLORS.bad.font },
    );
  }

  const lastColumn = k ? SERIES_COLUMN + SERIES_WIDTH * k - 1 : VISIBLE_COLUMNS;
  const blocks = [cells.block('cells'), hidden.block('data')].filter((b): b is Block => b !== null);
  return {
    key,
    name: localize(SHEET_NAMES[key], lang),
    kpiIds: kpis.map((x) => x.id),
    rows: Math.max(chartRows, FIRST_TILE_ROW + window + 1, firstKpiRow + k) + 1,
    columns: lastColumn,
    frozenRows: 2,
    refreshedCell: { ...REFRESHED_CELL },
    columnWidths: [
      { column: 1, count: VISIBLE_COLUMNS, width: COLUMN_WIDTH },
      { column: SPACER_COLUMN, count: 1, width: 24 },
    ],
    rowHeights,
    hiddenColumns: k ? [{ column: SPACER_COLUMN, count: lastColumn - SPACER_COLUMN + 1 }] : [],
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
