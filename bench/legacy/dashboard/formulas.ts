/**
 * The live formulas of one KPI's row. Built-in functions only, and only those both Google Sheets
 * and HyperFormula (the emulator's engine) compute: COUNT, INDEX, SEQUENCE, ROWS, COLUMNS,
 * ARRAYFORMULA, LARGE, SMALL, IF, ISNUMBER, IFERROR, MIN, MAX, ABS, ROUND, INT, REPT, DATE, EDATE,
 * EOMONTH, WEEKDAY, ISOWEEKNUM, YEAR, MONTH, DAY, LEFT, MID, RIGHT, VALUE, TODAY, OR, AND, COUNTIF.
 * SPARKLINE (Sheets only, drawn nowhere else) sits alone in its cell.
 *
 * A series is read by position: `IF(condition, SEQUENCE(ROWS(range)))` numbers the cells that
 * count (numbers; in the history, this KPI's rows of earlier periods), and LARGE/SMALL pick the
 * k-th of them. ROW() over a range is not an array in HyperFormula, SEQUENCE is in both.
 * Blank and text cells are skipped, as the metrics functions skip them.
 */
import type { Lang } from '../../../src/core/i18n/lang';
import { formatA1, parseA1, quoteSheetName, seriesShape } from '../../../src/core/kpi/a1';
import { isoDay } from '../../../src/core/kpi/dates';
import type { Frequency, Kpi } from '../../../src/core/kpi/model';
import { PERIOD_DAYS, ON_TRACK_SLACK, AT_RISK_SLACK } from '../../../src/core/kpi/status';
import {
  abs,
  calcColumn,
  PERIODS_PER_YEAR,
  seriesColumn,
  visibleColumn,
  WINDOW,
  type CalcColumn,
  type VisibleColumn,
} from './layout';
import { STATUS_WORDS } from './text';

/** A text literal inside a formula. */
export const str = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** Normalised A1 with its sheet quoted as a formula needs it. */
export function ref(a1: string): string {
  const r = parseA1(a1);
  return r ? formatA1(r) : a1;
}

/** How one KPI's points are found: in its own range, or in the history sheet. */
interface SeriesAccess {
  kind: 'range' | 'history';
  /** Numbers the counted cells: an array expression for LARGE/SMALL. */
  condSeq: string;
  /** 1…n over the whole range, shaped like it. */
  seq: string;
  /** How many cells count. */
  count: string;
  valueAt(pos: string): string;
  /** The cell at a position of another range shaped like the values (their dates). */
  at(range: string, pos: string): string;
  /** The period of a point as a date serial (dated data and history) or its position (undated). */
  xAt(pos: string): string | null;
}

const dateOfText = (s: string): string =>
  `IF(ISNUMBER(${s}),INT(${s}),DATE(VALUE(LEFT(${s},4)),VALUE(MID(${s},6,2)),VALUE(MID(${s},9,2))))`;

/** The key of the period TODAY() falls in, as the history writes it: 2026-06-15, 2026-W24, 2026-06, 2026-Q2. */
export function currentPeriodKeyFormula(frequency: Frequency): string {
  const t = 'TODAY()';
  const two = (x: string) => `RIGHT("0"&${x},2)`;
  switch (frequency) {
    case 'daily':
      return `=YEAR(${t})&"-"&${two(`MONTH(${t})`)}&"-"&${two(`DAY(${t})`)}`;
    case 'weekly':
      return `=YEAR(${t}-WEEKDAY(${t},2)+4)&"-W"&${two(`ISOWEEKNUM(${t})`)}`;
    case 'monthly':
      return `=YEAR(${t})&"-"&${two(`MONTH(${t})`)}`;
    case 'quarterly':
      return `=YEAR(${t})&"-Q"&ROUNDUP(MONTH(${t})/3,0)`;
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
  const v = ref(values);
  const seq = row ? `SEQUENCE(1,COLUMNS(${v}))` : `SEQUENCE(ROWS(${v}))`;
  const at = (range: string, pos: string) => (row ? `INDEX(${range},1,${pos})` : `INDEX(${range},${pos},1)`);
  const d = dates ? ref(dates) : null;
  return {
    kind: 'range',
    condSeq: `IF(ISNUMBER(${v}),${seq})`,
    seq,
    count: `COUNT(${v})`,
    valueAt: (pos) => at(v, pos),
    at,
    xAt: (pos) => (d ? `IFERROR(INT(${at(d, pos)}),"")` : null),
  };
}

function historyColumns(historySheet: string) {
  const h = quoteSheetName(historySheet);
  return { ids: `${h}!A2:A`, keys: `${h}!B2:B`, starts: `${h}!C2:C`, vals: `${h}!D2:D` };
}

function historyAccess(kpiId: string, historySheet: string, currentPeriod: string): SeriesAccess {
  const { ids, keys, starts, vals } = historyColumns(historySheet);
  const cond = `(${ids}=${str(kpiId)})*ISNUMBER(${vals})*(${keys}<>${currentPeriod})`;
  const seq = `SEQUENCE(ROWS(${vals}))`;
  return {
    kind: 'history',
    condSeq: `IF(${cond},${seq})`,
    seq,
    count: `ARRAYFORMULA(SUM(IF(${cond},1,0)))`,
    valueAt: (pos) => `INDEX(${vals},${pos},1)`,
    at: (range, pos) => `INDEX(${range},${pos},1)`,
    xAt: (pos) => `IFERROR(${dateOfText(`INDEX(${starts},${pos},1)`)},"")`,
  };
}

/** Every formula of one KPI: visible cells, calculations, chart data. */
export function kpiFormulas(ctx: KpiFormulaContext): KpiFormulas {
  const { kpi, row, lang } = ctx;
  const V = (c: VisibleColumn) => abs(row, visibleColumn(c));
  const C = (c: CalcColumn) => abs(row, calcColumn(c));
  const window = WINDOW[kpi.frequency];
  const isCell = kpi.source.kind === 'cell';
  if (isCell && !ctx.historySheet) throw new Error('dashboard: a KPI sourced from one cell needs the history sheet');
  const access: SeriesAccess =
    kpi.source.kind === 'cell'
      ? historyAccess(kpi.id, ctx.historySheet!, C('currentPeriod'))
      : rangeAccess(kpi.source.values, kpi.source.dates);
  const dated = kpi.source.kind === 'range' && !!kpi.source.dates;
  const large = (k: string) => `ARRAYFORMULA(LARGE(${access.condSeq},${k}))`;
  const small = (k: string) => `ARRAYFORMULA(SMALL(${access.condSeq},${k}))`;
  const [dy, dm, dd] = kpi.deadline.split('-').map(Number);
  const deadline = `DATE(${dy},${dm},${dd})`;
  const n = C('n');
  const cur = V('current');
  const tgt = V('target');
  const base = C('baseline');
  const prog = V('progress');
  const words = (s: keyof typeof STATUS_WORDS) => str(STATUS_WORDS[s][lang]);

  /**
   * Where the way to the target starts, as the sidebar's status takes it: the day the KPI was
   * created when its baseline was entered then; else the first date of a dated range; else, for an
   * undated range, one period per cell back from today (up to its last filled cell); for a
   * single cell, the start of its first archived period.
   */
  const startFormula = (): string => {
    if (kpi.baseline !== null && kpi.createdAt && isoDay(kpi.createdAt) !== null) {
      const [y, m, d] = kpi.createdAt.split('-').map(Number);
      return `=DATE(${y},${m},${d})`;
    }
    if (kpi.source.kind === 'cell') return `=IF(${C('firstPos')}="","",${access.xAt(C('firstPos'))})`;
    const v = ref(kpi.source.values);
    if (kpi.source.dates) {
      const d = ref(kpi.source.dates);
      const firstDate = `ARRAYFORMULA(SMALL(IF(ISNUMBER(${d}),${access.seq}),1))`;
      return `=IF(${C('firstPos')}="","",IFERROR(INT(${access.at(d, firstDate)}),""))`;
    }
    const filled = `IFERROR(ARRAYFORMULA(LARGE(IF(LEN(${v})>0,${access.seq}),1)),${C('lastPos')})`;
    return `=IF(${C('lastPos')}="","",INT(TODAY()-(${filled}-1)*${PERIOD_DAYS[kpi.frequency]}+0.5))`;
  };

  const calc: Record<CalcColumn, string | number> = {
    n: `=IFERROR(${access.count},0)`,
    lastPos: `=IF(${n}=0,"",${large('1')})`,
    // In the history, the previous period is the last one recorded; in a range, the value before the latest.
    prevPos: isCell ? `=IF(${n}=0,"",${large('1')})` : `=IF(${n}<2,"",${large('2')})`,
    firstPos: `=IF(${n}=0,"",${small('1')})`,
    points: `=MIN(${n},${isCell ? window - 1 : window})`,
    previous: `=IF(${C('prevPos')}="","",${access.valueAt(C('prevPos'))})`,
    first: isCell
      ? `=IF(${C('firstPos')}="",${cur},${access.valueAt(C('firstPos'))})`
      : `=IF(${C('firstPos')}="","",${access.valueAt(C('firstPos'))})`,
    baseline: kpi.baseline === null ? `=${C('first')}` : kpi.baseline,
    start: startFormula(),
    lastX: dated ? `=IF(${C('lastPos')}="","",${access.xAt(C('lastPos'))})` : '',
    yoyFrom: '',
    yoyTo: '',
    yoy: '',
    expected: `=IF(${C('start')}="",0,IF(${deadline}<=${C('start')},IF(TODAY()>=${deadline},1,0),MIN(1,MAX(0,(TODAY()-${C('start')})/(${deadline}-${C('start')})))))`,
    direction: kpi.direction === 'lower' ? -1 : 1,
    benchmark: kpi.benchmark === null ? '' : kpi.benchmark,
    currentPeriod: isCell ? currentPeriodKeyFormula(kpi.frequency) : '',
  };

  // The same period last year.
  if (isCell) {
    const { ids, keys, vals } = historyColumns(ctx.historySheet!);
    calc.yoyFrom = `=(VALUE(LEFT(${C('currentPeriod')},4))-1)&MID(${C('currentPeriod')},5,20)`;
    calc.yoy = `=IFERROR(INDEX(${vals},ARRAYFORMULA(LARGE(IF((${ids}=${str(kpi.id)})*(${keys}=${C('yoyFrom')})*ISNUMBER(${vals}),SEQUENCE(ROWS(${vals}))),1)),1),"")`;
  } else if (dated && kpi.source.kind === 'range') {
    const x = C('lastX');
    const from: Record<Frequency, string> = {
      daily: `EDATE(${x},-12)`,
      weekly: `${x}-WEEKDAY(${x},2)+1-364`,
      monthly: `EOMONTH(${x},-13)+1`,
      quarterly: `EOMONTH(EOMONTH(${x},MOD(3-MONTH(${x}),3)),-15)+1`,
    };
    const to: Record<Frequency, string> = {
      daily: `${C('yoyFrom')}+1`,
      weekly: `${C('yoyFrom')}+7`,
      monthly: `EOMONTH(${x},-12)+1`,
      quarterly: `EOMONTH(EOMONTH(${x},MOD(3-MONTH(${x}),3)),-12)+1`,
    };
    calc.yoyFrom = `=IF(${x}="","",${from[kpi.frequency]})`;
    calc.yoyTo = `=IF(${x}="","",${to[kpi.frequency]})`;
    const v = ref(kpi.source.values);
    const d = ref(kpi.source.dates!);
    calc.yoy = `=IF(${x}="","",IFERROR(${access.valueAt(`ARRAYFORMULA(LARGE(IF(ISNUMBER(${v})*(${d}>=${C('yoyFrom')})*(${d}<${C('yoyTo')}),${access.seq}),1))`)},""))`;
  } else {
    const p = PERIODS_PER_YEAR[kpi.frequency];
    calc.yoy = `=IF(${n}>${p},${access.valueAt(large(String(p + 1)))},"")`;
  }

  // A breakdown by category (no dates) is not a time series: no "previous period", no "last year".
  const categorical = kpi.source.kind === 'range' && !!kpi.source.categories && !kpi.source.dates;
  const change = (other: string) =>
    `=IF(OR(${cur}="",${other}=""),"",IF(${other}=0,"",(${cur}-${other})/ABS(${other})))`;
  const reached = `${C('direction')}*(${cur}-${tgt})>=0`;
  const filled = `ROUND(10*MAX(0,MIN(1,${prog})))`;
  const first = seriesColumn(ctx.index);
  const valuesArea = `${abs(ctx.seriesRow, first + 2)}:${abs(ctx.seriesRow + window - 1, first + 2)}`;

  const visible: Record<VisibleColumn, string | number> = {
    name: kpi.name,
    objective: '',
    status:
      `=IF(OR(${cur}="",${tgt}=""),${words('no_data')},IF(${reached},${words('on_track')},IF(${prog}="",${words('off_track')},` +
      `IF(TODAY()>=${deadline},${words('off_track')},IF(${C('expected')}-${prog}<=${ON_TRACK_SLACK},${words('on_track')},` +
      `IF(${C('expected')}-${prog}<=${AT_RISK_SLACK},${words('at_risk')},${words('off_track')}))))))`,
    current:
      kpi.source.kind === 'cell'
        ? `=IF(ISNUMBER(${ref(kpi.source.ref)}),${ref(kpi.source.ref)},"")`
        : `=IF(${n}=0,"",${access.valueAt(C('lastPos'))})`,
    target: kpi.target === null ? '' : kpi.target,
    progress: `=IF(OR(${cur}="",${tgt}=""),"",IF(${tgt}=${base},IF(${reached},1,""),(${cur}-${base})/(${tgt}-${base})))`,
    bar: `=IF(${prog}="","",REPT("█",${filled})&REPT("░",10-${filled}))`,
    vsPrevious: categorical ? '' : change(C('previous')),
    vsLastYear: categorical ? '' : change(C('yoy')),
    vsBenchmark: change(C('benchmark')),
    sparkline: categorical
      ? `=SPARKLINE(${ref(kpi.source.kind === 'range' ? kpi.source.values : '')},{"charttype","column"})`
      : `=SPARKLINE(${valuesArea})`,
    deadline: `=${deadline}`,
    smart: '',
  };

  // Chart data: the last `window` points, oldest first; a cell KPI ends with today's live value.
  const series: (string | number)[][] = [];
  const pts = C('points');
  for (let i = 1; i <= window; i++) {
    const r = ctx.seriesRow + i - 1;
    const pos = abs(r, first);
    const x = access.xAt(pos) ?? pos;
    const value = abs(r, first + 2);
    const posF = `=IF(${i}>${pts},"",${small(`${n}-${pts}+${i}`)})`;
    if (isCell) {
      const live = `AND(${i}=${pts}+1,${cur}<>"")`;
      series.push([
        posF,
        `=IF(${pos}<>"",${x},IF(${live},TODAY(),""))`,
        `=IF(${pos}<>"",${access.valueAt(pos)},IF(${live},${cur},""))`,
        `=IF(OR(${value}="",${tgt}=""),"",${tgt})`,
      ]);
    } else {
      series.push([
        posF,
        `=IF(${pos}="","",${x})`,
        `=IF(${pos}="","",${access.valueAt(pos)})`,
        `=IF(OR(${value}="",${tgt}=""),"",${tgt})`,
      ]);
    }
  }
  return { visible, calc, series, window, categorical };
}
