/**
 * The live formulas of one KPI's row. Built-in functions only, and only those both Google Sheets
 * and HyperFormula (the emulator's engine) compute: COUNT, INDEX, SEQUENCE, ROWS, COLUMNS,
 * ARRAYFORMULA, LARGE, SMALL, IF, ISNUMBER, IFERROR, MIN, MAX, ABS, ROUND, INT, REPT, DATE, EDATE,
 * EOMONTH, WEEKDAY, ISOWEEKNUM, YEAR, MONTH, DAY, LEFT, MID, RIGHT, VALUE, TODAY, OR, AND, COUNTIF.
 * SPARKLINE (Sheets only, drawn by the playground) gets exactly the numbers (FILTER … ISNUMBER):
 * how it draws blank padding is undocumented.
 *
 * Every formula is a tree (src/core/formula) rendered for the spreadsheet's syntax: `;` between
 * arguments in fr_FR, `,` in en_US. No decimal literal (ratios of integers instead).
 *
 * A series is read by position: `IF(condition, SEQUENCE(ROWS(range)))` numbers the cells that
 * count (numbers; in the history, this KPI's rows of earlier periods), and LARGE/SMALL pick the
 * k-th of them. ROW() over a range is not an array in HyperFormula, SEQUENCE is in both.
 * Blank and text cells are skipped, as the metrics functions skip them.
 */
import {
  add,
  array,
  concat,
  div,
  type Expr,
  eq,
  F,
  type FormulaSyntax,
  formula,
  ge,
  gt,
  le,
  lt,
  mul,
  ne,
  type Operand,
  ratio,
  ref,
  sub,
} from '../formula';
import type { Lang } from '../i18n/lang';
import { formatA1, parseA1, quoteSheetName, seriesShape } from '../kpi/a1';
import { isoDay } from '../kpi/dates';
import type { Frequency, Kpi } from '../kpi/model';
import { AT_RISK_SLACK, ON_TRACK_SLACK, PERIOD_DAYS } from '../kpi/status';
import {
  abs,
  type CalcColumn,
  calcColumn,
  PERIODS_PER_YEAR,
  seriesColumn,
  type VisibleColumn,
  visibleColumn,
  WINDOW,
} from './layout';
import { STATUS_WORDS } from './text';

/** A reference the user gave (a KPI's source) in A1 notation, normalised, its sheet quoted as a formula needs it. */
export function normalA1(a1: string): string {
  const r = parseA1(a1);
  return r ? formatA1(r) : a1;
}

/** The same reference in a formula. */
export const sourceRef = (a1: string): Expr => ref(normalA1(a1));

/** A cell of the dashboard sheet, absolute (`$C$6`). */
export const cellRef = (row: number, column: number): Expr => ref(abs(row, column));

/** How one KPI's points are found: in its own range, or in the history sheet. */
interface SeriesAccess {
  kind: 'range' | 'history';
  /** Numbers the counted cells: an array expression for LARGE/SMALL. */
  condSeq: Expr;
  /** 1…n over the whole range, shaped like it. */
  seq: Expr;
  /** How many cells count. */
  count: Expr;
  valueAt(pos: Expr): Expr;
  /** The cell at a position of another range shaped like the values (their dates). */
  at(range: Expr, pos: Expr): Expr;
  /** The period of a point as a date serial (dated data and history) or its position (undated). */
  xAt(pos: Expr): Expr | null;
}

const dateOfText = (s: Expr): Expr =>
  F.IF(F.ISNUMBER(s), F.INT(s), F.DATE(F.VALUE(F.LEFT(s, 4)), F.VALUE(F.MID(s, 6, 2)), F.VALUE(F.MID(s, 9, 2))));

/** DATE(y, m, d) of an ISO day. */
function dateOf(iso: string): Expr {
  const [y = 1970, m = 1, d = 1] = iso.split('-').map(Number);
  return F.DATE(y, m, d);
}

/** The key of the period TODAY() falls in, as the history writes it: 2026-06-15, 2026-W24, 2026-06, 2026-Q2. */
export function currentPeriodKey(frequency: Frequency): Expr {
  const t = F.TODAY();
  const two = (x: Expr) => F.RIGHT(concat('0', x), 2);
  switch (frequency) {
    case 'daily':
      return concat(F.YEAR(t), '-', two(F.MONTH(t)), '-', two(F.DAY(t)));
    case 'weekly':
      return concat(F.YEAR(add(sub(t, F.WEEKDAY(t, 2)), 4)), '-W', two(F.ISOWEEKNUM(t)));
    case 'monthly':
      return concat(F.YEAR(t), '-', two(F.MONTH(t)));
    case 'quarterly':
      return concat(F.YEAR(t), '-Q', F.ROUNDUP(div(F.MONTH(t), 3), 0));
  }
}

export interface KpiFormulaContext {
  kpi: Kpi;
  /** The KPI's row on the dashboard. */
  row: number;
  /** Its rank on the dashboard (0-based), which places its chart-data block. */
  index: number;
  /** Name of the history sheet, for KPIs whose source is one cell. */
  historySheet: string | null;
  lang: Lang;
  /** First row of chart data (under the series header). */
  seriesRow: number;
  /** How the spreadsheet's locale spells formulas. */
  syntax: FormulaSyntax;
}

export interface KpiFormulas {
  visible: Record<VisibleColumn, string | number>;
  calc: Record<CalcColumn, string | number>;
  /** Per point, oldest first: [position, period, actual, target]. */
  series: (string | number)[][];
  /** How many points the chart data holds. */
  window: number;
  /** A breakdown by category without dates: a bar chart, not a line over time. */
  categorical: boolean;
}

function rangeAccess(values: string, dates: string | undefined): SeriesAccess {
  const r = parseA1(values);
  const shape = r ? seriesShape(r) : null;
  const row = shape?.orientation === 'row';
  const v = sourceRef(values);
  const seq = row ? F.SEQUENCE(1, F.COLUMNS(v)) : F.SEQUENCE(F.ROWS(v));
  const at = (range: Expr, pos: Expr) => (row ? F.INDEX(range, 1, pos) : F.INDEX(range, pos, 1));
  const d = dates ? sourceRef(dates) : null;
  return {
    kind: 'range',
    condSeq: F.IF(F.ISNUMBER(v), seq),
    seq,
    count: F.COUNT(v),
    valueAt: (pos) => at(v, pos),
    at,
    xAt: (pos) => (d ? F.IFERROR(F.INT(at(d, pos)), '') : null),
  };
}

function historyColumns(historySheet: string) {
  const h = quoteSheetName(historySheet);
  return { ids: ref(`${h}!A2:A`), keys: ref(`${h}!B2:B`), starts: ref(`${h}!C2:C`), vals: ref(`${h}!D2:D`) };
}

function historyAccess(kpiId: string, historySheet: string, currentPeriod: Expr): SeriesAccess {
  const { ids, keys, starts, vals } = historyColumns(historySheet);
  const cond = mul(mul(eq(ids, kpiId), F.ISNUMBER(vals)), ne(keys, currentPeriod));
  const seq = F.SEQUENCE(F.ROWS(vals));
  return {
    kind: 'history',
    condSeq: F.IF(cond, seq),
    seq,
    count: F.ARRAYFORMULA(F.SUM(F.IF(cond, 1, 0))),
    valueAt: (pos) => F.INDEX(vals, pos, 1),
    at: (range, pos) => F.INDEX(range, pos, 1),
    xAt: (pos) => F.IFERROR(dateOfText(F.INDEX(starts, pos, 1)), ''),
  };
}

/** SPARKLINE of exactly the numbers of a range (nothing when it has none). */
function sparklineOf(range: Expr, options?: Expr): Expr {
  const numbers = F.FILTER(range, F.ISNUMBER(range));
  return F.IF(eq(F.COUNT(range), 0), '', options ? F.SPARKLINE(numbers, options) : F.SPARKLINE(numbers));
}

/** Every formula of one KPI: visible cells, calculations, chart data. */
export function kpiFormulas(ctx: KpiFormulaContext): KpiFormulas {
  const { kpi, row, lang, syntax } = ctx;
  const f = (e: Operand): string => formula(e, syntax);
  const V = (c: VisibleColumn) => cellRef(row, visibleColumn(c));
  const C = (c: CalcColumn) => cellRef(row, calcColumn(c));
  const window = WINDOW[kpi.frequency];
  const isCell = kpi.source.kind === 'cell';
  if (isCell && !ctx.historySheet) throw new Error('dashboard: a KPI sourced from one cell needs the history sheet');
  const access: SeriesAccess =
    kpi.source.kind === 'cell'
      ? historyAccess(kpi.id, ctx.historySheet as string, C('currentPeriod'))
      : rangeAccess(kpi.source.values, kpi.source.dates);
  const dated = kpi.source.kind === 'range' && !!kpi.source.dates;
  const large = (k: Operand) => F.ARRAYFORMULA(F.LARGE(access.condSeq, k));
  const small = (k: Operand) => F.ARRAYFORMULA(F.SMALL(access.condSeq, k));
  const deadline = dateOf(kpi.deadline);
  const n = C('n');
  const cur = V('current');
  const tgt = V('target');
  const base = C('baseline');
  const prog = V('progress');
  const blank = (x: Expr) => eq(x, '');
  const words = (s: keyof typeof STATUS_WORDS) => STATUS_WORDS[s][lang];

  /**
   * Where the way to the target starts, as the sidebar's status takes it: the day the KPI was
   * created when its baseline was entered then; else the first date of a dated range; else, for an
   * undated range, one period per cell back from today (up to its last filled cell); for a
   * single cell, the start of its first archived period.
   */
  const startFormula = (): Expr => {
    if (kpi.baseline !== null && kpi.createdAt && isoDay(kpi.createdAt) !== null) return dateOf(kpi.createdAt);
    if (kpi.source.kind === 'cell') return F.IF(blank(C('firstPos')), '', access.xAt(C('firstPos')) as Expr);
    const v = sourceRef(kpi.source.values);
    if (kpi.source.dates) {
      const d = sourceRef(kpi.source.dates);
      const firstDate = F.ARRAYFORMULA(F.SMALL(F.IF(F.ISNUMBER(d), access.seq), 1));
      return F.IF(blank(C('firstPos')), '', F.IFERROR(F.INT(access.at(d, firstDate)), ''));
    }
    const filled = F.IFERROR(F.ARRAYFORMULA(F.LARGE(F.IF(gt(F.LEN(v), 0), access.seq), 1)), C('lastPos'));
    // Rounded to the day: + 1/2, not a decimal literal.
    return F.IF(
      blank(C('lastPos')),
      '',
      F.INT(add(sub(F.TODAY(), mul(sub(filled, 1), PERIOD_DAYS[kpi.frequency])), ratio(0.5))),
    );
  };

  const calc: Record<CalcColumn, string | number> = {
    n: f(F.IFERROR(access.count, 0)),
    lastPos: f(F.IF(eq(n, 0), '', large(1))),
    // In the history, the previous period is the last one recorded; in a range, the value before the latest.
    prevPos: isCell ? f(F.IF(eq(n, 0), '', large(1))) : f(F.IF(lt(n, 2), '', large(2))),
    firstPos: f(F.IF(eq(n, 0), '', small(1))),
    points: f(F.MIN(n, isCell ? window - 1 : window)),
    previous: f(F.IF(blank(C('prevPos')), '', access.valueAt(C('prevPos')))),
    first: isCell
      ? f(F.IF(blank(C('firstPos')), cur, access.valueAt(C('firstPos'))))
      : f(F.IF(blank(C('firstPos')), '', access.valueAt(C('firstPos')))),
    baseline: kpi.baseline === null ? f(C('first')) : kpi.baseline,
    start: f(startFormula()),
    lastX: dated ? f(F.IF(blank(C('lastPos')), '', access.xAt(C('lastPos')) as Expr)) : '',
    yoyFrom: '',
    yoyTo: '',
    yoy: '',
    expected: f(
      F.IF(
        blank(C('start')),
        0,
        F.IF(
          le(deadline, C('start')),
          F.IF(ge(F.TODAY(), deadline), 1, 0),
          F.MIN(1, F.MAX(0, div(sub(F.TODAY(), C('start')), sub(deadline, C('start'))))),
        ),
      ),
    ),
    direction: kpi.direction === 'lower' ? -1 : 1,
    benchmark: kpi.benchmark === null ? '' : kpi.benchmark,
    currentPeriod: isCell ? f(currentPeriodKey(kpi.frequency)) : '',
  };

  // The same period last year.
  if (isCell) {
    const { ids, keys, vals } = historyColumns(ctx.historySheet as string);
    const cp = C('currentPeriod');
    calc.yoyFrom = f(concat(sub(F.VALUE(F.LEFT(cp, 4)), 1), F.MID(cp, 5, 20)));
    const match = mul(mul(eq(ids, kpi.id), eq(keys, C('yoyFrom'))), F.ISNUMBER(vals));
    calc.yoy = f(F.IFERROR(F.INDEX(vals, F.ARRAYFORMULA(F.LARGE(F.IF(match, F.SEQUENCE(F.ROWS(vals))), 1)), 1), ''));
  } else if (dated && kpi.source.kind === 'range') {
    const x = C('lastX');
    const quarterEnd = F.EOMONTH(x, F.MOD(sub(3, F.MONTH(x)), 3));
    const from: Record<Frequency, Expr> = {
      daily: F.EDATE(x, -12),
      weekly: sub(add(sub(x, F.WEEKDAY(x, 2)), 1), 364),
      monthly: add(F.EOMONTH(x, -13), 1),
      quarterly: add(F.EOMONTH(quarterEnd, -15), 1),
    };
    const to: Record<Frequency, Expr> = {
      daily: add(C('yoyFrom'), 1),
      weekly: add(C('yoyFrom'), 7),
      monthly: add(F.EOMONTH(x, -12), 1),
      quarterly: add(F.EOMONTH(quarterEnd, -12), 1),
    };
    calc.yoyFrom = f(F.IF(blank(x), '', from[kpi.frequency]));
    calc.yoyTo = f(F.IF(blank(x), '', to[kpi.frequency]));
    const v = sourceRef(kpi.source.values);
    const d = sourceRef(kpi.source.dates as string);
    const inLastYear = mul(mul(F.ISNUMBER(v), ge(d, C('yoyFrom'))), lt(d, C('yoyTo')));
    calc.yoy = f(
      F.IF(blank(x), '', F.IFERROR(access.valueAt(F.ARRAYFORMULA(F.LARGE(F.IF(inLastYear, access.seq), 1))), '')),
    );
  } else {
    const p = PERIODS_PER_YEAR[kpi.frequency];
    calc.yoy = f(F.IF(gt(n, p), access.valueAt(large(p + 1)), ''));
  }

  // A breakdown by category (no dates) is not a time series: no "previous period", no "last year".
  const categorical = kpi.source.kind === 'range' && !!kpi.source.categories && !kpi.source.dates;
  const change = (other: Expr) =>
    f(F.IF(F.OR(blank(cur), blank(other)), '', F.IF(eq(other, 0), '', div(sub(cur, other), F.ABS(other)))));
  const reached = ge(mul(C('direction'), sub(cur, tgt)), 0);
  const filled = F.ROUND(mul(10, F.MAX(0, F.MIN(1, prog))));
  const first = seriesColumn(ctx.index);
  const valuesArea = ref(`${abs(ctx.seriesRow, first + 2)}:${abs(ctx.seriesRow + window - 1, first + 2)}`);
  const behind = sub(C('expected'), prog);

  const visible: Record<VisibleColumn, string | number> = {
    name: kpi.name,
    objective: '',
    status: f(
      F.IF(
        F.OR(blank(cur), blank(tgt)),
        words('no_data'),
        F.IF(
          reached,
          words('on_track'),
          F.IF(
            blank(prog),
            words('off_track'),
            F.IF(
              ge(F.TODAY(), deadline),
              words('off_track'),
              F.IF(
                le(behind, ratio(ON_TRACK_SLACK)),
                words('on_track'),
                F.IF(le(behind, ratio(AT_RISK_SLACK)), words('at_risk'), words('off_track')),
              ),
            ),
          ),
        ),
      ),
    ),
    current:
      kpi.source.kind === 'cell'
        ? f(F.IF(F.ISNUMBER(sourceRef(kpi.source.ref)), sourceRef(kpi.source.ref), ''))
        : f(F.IF(eq(n, 0), '', access.valueAt(C('lastPos')))),
    target: kpi.target === null ? '' : kpi.target,
    progress: f(
      F.IF(
        F.OR(blank(cur), blank(tgt)),
        '',
        F.IF(eq(tgt, base), F.IF(reached, 1, ''), div(sub(cur, base), sub(tgt, base))),
      ),
    ),
    bar: f(F.IF(blank(prog), '', concat(F.REPT('█', filled), F.REPT('░', sub(10, filled))))),
    vsPrevious: categorical ? '' : change(C('previous')),
    vsLastYear: categorical ? '' : change(C('yoy')),
    vsBenchmark: change(C('benchmark')),
    // The options are an array literal (rendered in the sheet's syntax): SPARKLINE takes no other
    // form short of two more cells, and the emulator's engine does not compute SPARKLINE.
    sparkline:
      kpi.source.kind === 'range' && categorical
        ? f(sparklineOf(sourceRef(kpi.source.values), array([['charttype', 'column']])))
        : f(sparklineOf(valuesArea)),
    deadline: f(deadline),
    smart: '',
  };

  // Chart data: the last `window` points, oldest first; a cell KPI ends with today's live value.
  const series: (string | number)[][] = [];
  const pts = C('points');
  for (let i = 1; i <= window; i++) {
    const r = ctx.seriesRow + i - 1;
    const pos = cellRef(r, first);
    const x = access.xAt(pos) ?? pos;
    const value = cellRef(r, first + 2);
    const posF = f(F.IF(gt(i, pts), '', small(add(sub(n, pts), i))));
    const targetF = f(F.IF(F.OR(blank(value), blank(tgt)), '', tgt));
    if (isCell) {
      const live = F.AND(eq(i, add(pts, 1)), ne(cur, ''));
      series.push([
        posF,
        f(F.IF(ne(pos, ''), x, F.IF(live, F.TODAY(), ''))),
        f(F.IF(ne(pos, ''), access.valueAt(pos), F.IF(live, cur, ''))),
        targetF,
      ]);
    } else {
      series.push([posF, f(F.IF(blank(pos), '', x)), f(F.IF(blank(pos), '', access.valueAt(pos))), targetF]);
    }
  }
  return { visible, calc, series, window, categorical };
}
