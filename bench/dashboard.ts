/**
 * Dashboards before and after #11, measured in the same run on the emulator: today's renderer
 * (src/addon/dashboard: one Sheets API batchUpdate, figures written as values) and the frozen
 * copy of the previous one (bench/legacy: EmbeddedChartBuilder, live array formulas under
 * TODAY()). For each: service calls to regenerate, formula cells per KPI, cells referenced by
 * the dashboards' formulas, and HyperFormula's recalculation time after one edit of a source
 * cell (the emulator's engine recomputes every dependent formula synchronously on setValue).
 */
import { generateDashboards } from '../src/addon/dashboard';
import { generateDashboards as legacyGenerate } from './legacy/generate';
import { addonEnv } from '../test/support/addon-env';
import { contextOf, saveKpis, workbook } from '../test/unit/dashboard/fixtures';
import { median, msSince, now } from './harness';

export interface DashboardSide {
  calls: number;
  formulaCellsPerKpi: number;
  referencedCells: number;
  recalcMs: number;
}

export interface DashboardComparison {
  kpis: number;
  rows: number;
  before: DashboardSide;
  after: DashboardSide;
}

const RANGE = /(?:'((?:[^']|'')+)'|([A-Za-zÀ-ÿ_][\wÀ-ÿ.]*))?!?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d*))?/g;
const col = (s: string) => [...s].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/** Cells a formula reads: the sum of the sizes of its references (an open range counts to the sheet's last row). */
function referenced(formula: string, maxRows: number): number {
  let n = 0;
  for (const m of formula.replace(/"[^"]*"/g, '').matchAll(RANGE)) {
    if (!m[3]) continue;
    const r1 = Number(m[4]);
    if (!m[5]) {
      n += 1;
      continue;
    }
    const r2 = m[6] ? Number(m[6]) : maxRows;
    n += (Math.abs(r2 - r1) + 1) * (Math.abs(col(m[5]) - col(m[3])) + 1);
  }
  return n;
}

function measure(
  kpis: number,
  rows: number,
  generate: typeof generateDashboards,
  formulaReading: 'strict' | 'lenient' = 'strict',
): DashboardSide {
  const env = addonEnv({ formulaReading }, workbook(rows));
  try {
    saveKpis(kpis, rows);
    generate(contextOf(env.emu), { layout: 'by_level' });
    env.emu.calls.reset();
    generate(contextOf(env.emu), { layout: 'by_level' });
    const calls = env.emu.calls.total;
    const dashboards = env.emu
      .metadata()
      .filter((m) => m.key === 'boussole.sheet' && m.value === 'dashboard')
      .map((m) => m.sheet!);
    let formulas = 0;
    let refs = 0;
    for (const name of dashboards) {
      const snap = env.emu.snapshot(name);
      for (const [r, row] of snap.formulas.entries()) {
        for (const [c, f] of row.entries()) {
          if (!f) continue;
          formulas++;
          refs += referenced(f, rows + 1);
          // A formula in error costs nothing to recompute: it would flatter the side that wrote it.
          const v = snap.values[r]?.[c];
          if (typeof v === 'string' && v.startsWith('#ERROR'))
            throw new Error(`bench: ${name} R${r + 1}C${c + 1} reads ${v} (${f})`);
        }
      }
    }
    // One source edit, back and forth: the engine recomputes what depends on it.
    const cell = SpreadsheetApp.getActiveSpreadsheet().getRange(`Données!B${rows + 1}`);
    const original = cell.getValue() as number;
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = now();
      cell.setValue(i % 2 ? original : original + 1);
      times.push(msSince(t0));
    }
    cell.setValue(original);
    return { calls, formulaCellsPerKpi: formulas / kpis, referencedCells: refs, recalcMs: median(times) };
  } finally {
    env.close();
  }
}

export function compareDashboards(
  sizes: { kpis: number; rows: number }[] = [{ kpis: 50, rows: 3650 }],
): DashboardComparison[] {
  return sizes.map(({ kpis, rows }) => ({
    kpis,
    rows,
    // The previous design spelt its formulas the en_US way whatever the locale (#9): read them
    // leniently so they compute, and cost, what they did in the spreadsheets it was built for.
    before: measure(kpis, rows, legacyGenerate as unknown as typeof generateDashboards, 'lenient'),
    after: measure(kpis, rows, generateDashboards),
  }));
}

const ratio = (a: number, b: number) => (b === 0 ? '∞' : `${(a / b).toFixed(a / b >= 100 ? 0 : 1)}×`);

export function comparisonMarkdown(rows: DashboardComparison[]): string {
  const lines = ['| KPIs × data rows | measure | before (#11) | after | before ÷ after |', '|---|---|---:|---:|---:|'];
  for (const r of rows) {
    const at = `${r.kpis} × ${r.rows.toLocaleString('en')}`;
    const b = r.before;
    const a = r.after;
    lines.push(
      `| ${at} | service calls to regenerate | ${b.calls} | ${a.calls} | ${ratio(b.calls, a.calls)} |`,
      `| ${at} | formula cells per KPI | ${b.formulaCellsPerKpi.toFixed(1)} | ${a.formulaCellsPerKpi.toFixed(1)} | ${ratio(b.formulaCellsPerKpi, a.formulaCellsPerKpi)} |`,
      `| ${at} | cells referenced by dashboard formulas | ${b.referencedCells.toLocaleString('en')} | ${a.referencedCells.toLocaleString('en')} | ${ratio(b.referencedCells, a.referencedCells)} |`,
      `| ${at} | recalculation after one source edit (ms, median of 5) | ${b.recalcMs.toFixed(1)} | ${a.recalcMs.toFixed(2)} | ${ratio(b.recalcMs, a.recalcMs)} |`,
    );
  }
  return lines.join('\n');
}

/** `node scripts/run-ts.mjs bench/dashboard.ts` prints the comparison on its own. */
if (process.argv[1] && /bench[\\/]dashboard\.ts$/.test(process.argv[1])) {
  const sizes = process.argv.includes('--small') ? [{ kpis: 10, rows: 36 }] : undefined;
  console.log(comparisonMarkdown(compareDashboards(sizes)));
}
