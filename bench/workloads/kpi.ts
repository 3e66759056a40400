/**
 * The KPI math lines: KPI_TREND slope / forecast over a long series and CAC over a wide table,
 * each next to formula.js and HyperFormula on the same data.
 */
import * as formulajs from '@formulajs/formulajs';
import type { Arg } from '../../src/core/metrics';
import { acquisitionTable, asColumn, kpiSeries, oneToN } from '../data';
import { msSince, now, type Implementation, type Workload } from '../harness';
import { HfWorkbook, col, hfHasFunction } from '../hyperformula';
import { loadPushedBundle } from '../bundle';

export interface SetupItem {
  what: string;
  ms: number;
}

export interface KpiOptions {
  seriesSize: number;
  cacRows: number;
  cacLines: number;
  /** Rows in the HyperFormula workbook for the series lines (smaller when the full size is too slow). */
  hfSeriesSize: number;
  seed: number;
  setup: (item: SetupItem) => void;
}

const num = (fn: string, x: unknown): number => {
  if (typeof x !== 'number') throw new Error(`${fn} returned ${x instanceof Error ? x.message : JSON.stringify(x)}`);
  return x;
};

// The pushed dist/Code.js, called as Sheets calls a custom function (bench/bundle.ts).
let pushed: ReturnType<typeof loadPushedBundle> | undefined;
const bundle = () => {
  pushed ??= loadPushedBundle();
  return pushed;
};
const kpiTrend = (...args: Arg[]): number => num('KPI_TREND', bundle().KPI_TREND(...args));
const cac = (...args: Arg[]): number => num('CAC', bundle().CAC(...args));

/** HyperFormula recalculations are slow: fewer warm-ups, and a time budget per line. */
const HF_TIMING = { warmup: 1, warmupMs: 0, reps: 7, minReps: 5, budgetMs: 20_000 } as const;

export function kpiWorkloads(o: KpiOptions): Workload[] {
  const n = o.seriesSize;
  let t0 = now();
  const ys = kpiSeries(n, o.seed);
  const values = asColumn(ys); // what Sheets passes for A1:A1000000
  const xs = oneToN(n);
  o.setup({
    what: `generate the series (${n.toLocaleString('en')} values, as flat arrays and as a ${n.toLocaleString('en')}×1 range)`,
    ms: msSince(t0),
  });

  // HyperFormula: one workbook per line (A = values, B = 1…n), destroyed afterwards. Not shared:
  // deleting a formula over these ranges costs HyperFormula time quadratic in the rows (≈5 s at
  // 100,000 rows, ≈23 s at 200,000), so the next line's formula goes into a fresh workbook.
  const hn = o.hfSeriesSize;
  const smaller = hn !== n;
  const hfLine = (formula: string, label: string, note?: string): Implementation => {
    let book: HfWorkbook | undefined;
    return {
      peer: 'hyperformula',
      label,
      size: hn,
      note:
        [
          smaller
            ? `measured on the first ${hn.toLocaleString('en')} values (the full size would take over a minute); compare per-value times`
            : '',
          note ?? '',
        ]
          .filter(Boolean)
          .join('; ') || undefined,
      prepare: () => {
        book = new HfWorkbook(ys.slice(0, hn).map((y, i) => [y, i + 1]));
        o.setup({
          what: `HyperFormula: build the workbook (${hn.toLocaleString('en')} rows × 2 columns) for ${label}`,
          ms: book.buildMs,
        });
        o.setup({ what: `HyperFormula: first evaluation of ${label}`, ms: book.setFormula(formula) });
      },
      run: () => book!.recalc(),
      result: () => book!.settled(),
      teardown: () => {
        book?.destroy();
        book = undefined;
      },
      ...HF_TIMING,
    };
  };
  const prefix = (size: number): number[][] => (size === n ? values : values.slice(0, size));

  const slope: Workload = {
    name: 'KPI_TREND slope',
    size: n,
    unit: 'values',
    referenceAt: (size) => kpiTrend(prefix(size), 'slope'),
    implementations: [
      { peer: 'boussole', label: 'KPI_TREND(values, "slope")', run: () => kpiTrend(values, 'slope') },
      {
        peer: 'formulajs',
        label: 'SLOPE(ys, xs)',
        note: 'flat arrays: formula.js flattens a Sheets-shaped n×1 range in quadratic time (see below)',
        run: () => num('SLOPE', formulajs.SLOPE(ys, xs)),
      },
      hfLine(`=SLOPE(${col('A', hn)},${col('B', hn)})`, `=SLOPE(A1:A${hn},B1:B${hn})`),
    ],
  };

  const hasForecast = hfHasFunction('FORECAST');
  const forecastFormula = hasForecast
    ? `=FORECAST(${hn + 1},${col('A', hn)},${col('B', hn)})`
    : `=AVERAGE(${col('A', hn)})+SLOPE(${col('A', hn)},${col('B', hn)})*(${hn + 1}-AVERAGE(${col('B', hn)}))`;
  const forecast: Workload = {
    name: 'KPI_TREND forecast',
    size: n,
    unit: 'values',
    referenceAt: (size) => kpiTrend(prefix(size), 'forecast', 1),
    implementations: [
      { peer: 'boussole', label: 'KPI_TREND(values, "forecast", 1)', run: () => kpiTrend(values, 'forecast', 1) },
      {
        peer: 'formulajs',
        label: 'FORECAST(n+1, ys, xs)',
        note: 'flat arrays, as above',
        run: () => num('FORECAST', formulajs.FORECAST(n + 1, ys, xs)),
      },
      hfLine(
        forecastFormula,
        hasForecast ? `=FORECAST(${hn + 1},A1:A${hn},B1:B${hn})` : `=AVERAGE(A)+SLOPE(A,B)*(${hn + 1}-AVERAGE(B))`,
        hasForecast ? undefined : 'HyperFormula 3.5.0 has no FORECAST: the same line computed with AVERAGE and SLOPE',
      ),
    ],
  };

  t0 = now();
  const rows = o.cacRows;
  const { spend, newCustomers } = acquisitionTable(rows, o.cacLines, o.seed + 1);
  o.setup({
    what: `generate the acquisition table (${rows.toLocaleString('en')} rows × ${o.cacLines} cost columns + new customers)`,
    ms: msSince(t0),
  });
  let cacBook: HfWorkbook | undefined;
  const last = String.fromCharCode(64 + o.cacLines); // C for 3 cost columns
  const newCol = String.fromCharCode(65 + o.cacLines); // D
  const cacFormula = `=SUM(data!A1:${last}${rows})/SUM(${col(newCol, rows)})`;
  const cacLine: Workload = {
    name: 'CAC',
    size: rows,
    unit: `rows (×${o.cacLines} cost columns)`,
    implementations: [
      { peer: 'boussole', label: 'CAC(spend, new_customers)', run: () => cac(spend, newCustomers) },
      {
        peer: 'formulajs',
        label: 'SUM(spend)/SUM(new)',
        note: 'the same 2-D ranges as Boussole',
        run: () => formulajs.SUM(spend) / formulajs.SUM(newCustomers),
      },
      {
        peer: 'hyperformula',
        label: `=SUM(A1:${last}${rows})/SUM(${newCol}1:${newCol}${rows})`,
        prepare: () => {
          cacBook = new HfWorkbook(spend.map((s, r) => [...s, newCustomers[r][0]]));
          o.setup({
            what: `HyperFormula: build the workbook (${rows.toLocaleString('en')} rows × ${o.cacLines + 1} columns)`,
            ms: cacBook.buildMs,
          });
          o.setup({ what: `HyperFormula: first evaluation of =SUM(…)/SUM(…)`, ms: cacBook.setFormula(cacFormula) });
        },
        run: () => cacBook!.recalc(),
        result: () => cacBook!.settled(),
        teardown: () => {
          cacBook?.destroy();
          cacBook = undefined;
        },
        ...HF_TIMING,
      },
    ],
  };

  return [slope, forecast, cacLine];
}

/**
 * formula.js on a Sheets-shaped column: its flatten() concatenates row by row, so the cost grows
 * with n². Timed once per size, small sizes only.
 */
export function formulaJsRangeProbe(seed: number, sizes: number[]): { size: number; ms: number }[] {
  const ys = asColumn(kpiSeries(Math.max(...sizes), seed));
  const xs = asColumn(oneToN(Math.max(...sizes)));
  formulajs.SLOPE(ys.slice(0, 1000), xs.slice(0, 1000)); // warm-up
  return sizes.map((size) => {
    const y = ys.slice(0, size);
    const x = xs.slice(0, size);
    const t0 = now();
    num('SLOPE', formulajs.SLOPE(y, x));
    return { size, ms: msSince(t0) };
  });
}

/** Times HyperFormula at a probe size to project the cost of all its series work at `full` rows. */
export function projectHfSeconds(probe: number, full: number, seed: number): { projectedS: number; probeMs: number } {
  const ys = kpiSeries(probe, seed);
  const t0 = now();
  const book = new HfWorkbook(ys.map((y, i) => [y, i + 1]));
  const first = book.setFormula(`=SLOPE(${col('A', probe)},${col('B', probe)})`);
  const t1 = now();
  book.recalc();
  const recalc = msSince(t1);
  const probeMs = msSince(t0);
  book.destroy();
  const scale = full / probe;
  // 2 lines × (build + first evaluation + warm-up + 7 samples)
  const projectedMs = scale * 2 * (book.buildMs + first + (HF_TIMING.warmup + HF_TIMING.reps) * recalc);
  return { projectedS: projectedMs / 1000, probeMs };
}
