/**
 * Dashboard rendering on the emulator: service calls and local time to generate the dashboards
 * of 10 and 50 KPIs (one per audience level), over data of 36 and 3,650 rows. Local time
 * includes HyperFormula computing every formula written, which Sheets does on Google's side; the
 * service calls are what costs time in Apps Script.
 *
 * Register in bench/index.ts with `...dashboardWorkloads()`, or print `benchDashboards()`.
 */
import { generateDashboards } from '../src/addon/dashboard';
import { addonEnv, type AddonEnv } from '../test/support/addon-env';
import { contextOf, saveKpis, workbook } from '../test/unit/dashboard/fixtures';
import { median, msSince, now, type Workload } from './harness';

export interface DashboardBenchOptions {
  kpis?: number[];
  rows?: number[];
  layout?: 'by_level' | 'overall';
  /** Timed regenerations per size (after the first generation). */
  reps?: number;
}

export interface DashboardBenchRow {
  kpis: number;
  dataRows: number;
  layout: 'by_level' | 'overall';
  /** First generation (no dashboard yet). */
  firstCalls: number;
  firstMs: number;
  /** Regeneration over existing dashboards (build, swap, delete the old ones): calls and median ms. */
  regenerateCalls: number;
  regenerateMs: number;
}

function withEnv<T>(kpis: number, rows: number, f: (env: AddonEnv) => T): T {
  const env = addonEnv({}, workbook(rows));
  try {
    saveKpis(kpis, rows);
    return f(env);
  } finally {
    env.close();
  }
}

function timedGenerate(env: AddonEnv, layout: 'by_level' | 'overall'): { calls: number; ms: number } {
  env.emu.calls.reset();
  const t0 = now();
  generateDashboards(contextOf(env.emu), { layout });
  return { calls: env.emu.calls.total, ms: msSince(t0) };
}

/** Every size: the first generation, then `reps` regenerations (median time). */
export function benchDashboards(o: DashboardBenchOptions = {}): DashboardBenchRow[] {
  const layout = o.layout ?? 'by_level';
  const rows: DashboardBenchRow[] = [];
  for (const kpis of o.kpis ?? [10, 50]) {
    for (const dataRows of o.rows ?? [36, 3650]) {
      rows.push(
        withEnv(kpis, dataRows, (env) => {
          const first = timedGenerate(env, layout);
          const again = Array.from({ length: o.reps ?? 3 }, () => timedGenerate(env, layout));
          return {
            kpis,
            dataRows,
            layout,
            firstCalls: first.calls,
            firstMs: first.ms,
            regenerateCalls: again[0].calls,
            regenerateMs: median(again.map((a) => a.ms)),
          };
        }),
      );
    }
  }
  return rows;
}

/** The same measures as harness workloads (Boussole only; the value is the service-call count). */
export function dashboardWorkloads(o: DashboardBenchOptions = {}): Workload[] {
  const layout = o.layout ?? 'by_level';
  const out: Workload[] = [];
  for (const kpis of o.kpis ?? [10, 50]) {
    for (const dataRows of o.rows ?? [36, 3650]) {
      let env: AddonEnv | undefined;
      out.push({
        name: `render dashboards (${layout}), ${dataRows.toLocaleString('en')} data rows`,
        size: kpis,
        unit: 'KPIs',
        implementations: [
          {
            peer: 'boussole',
            label: `generateDashboards('${layout}') on the emulator: service calls (value) and local ms`,
            note: 'local time includes HyperFormula computing the formulas written; in Apps Script the service calls dominate',
            prepare: () => {
              env = addonEnv({}, workbook(dataRows));
              saveKpis(kpis, dataRows);
              generateDashboards(contextOf(env.emu), { layout });
            },
            run: () => {
              const r = timedGenerate(env!, layout);
              return { value: r.calls, counters: { serviceCalls: r.calls } };
            },
            teardown: () => env?.close(),
            warmup: 1,
            reps: o.reps ?? 3,
            minReps: 1,
          },
        ],
      });
    }
  }
  return out;
}

/** `node scripts/run-ts.mjs bench/dashboard.ts` prints the table on its own. */
if (process.argv[1] && /bench[\\/]dashboard\.ts$/.test(process.argv[1])) {
  const table = benchDashboards();
  console.log('| KPIs | data rows | first generation: calls | ms | regeneration: calls | ms (median) |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  for (const r of table)
    console.log(
      `| ${r.kpis} | ${r.dataRows.toLocaleString('en')} | ${r.firstCalls} | ${r.firstMs.toFixed(0)} | ${r.regenerateCalls} | ${r.regenerateMs.toFixed(0)} |`,
    );
}
