/**
 * Service calls to render dashboards grow with the number of KPIs, not with the number of data
 * rows: 10 and 50 KPIs over 36 and 3,650 rows.
 */
import { generateDashboards } from '../../src/addon/dashboard';
import { addonEnv } from '../support/addon-env';
import { contextOf, saveKpis, workbook } from '../unit/dashboard/fixtures';

function render(
  kpis: number,
  rows: number,
  layout: 'by_level' | 'overall',
): { total: number; byMethod: Record<string, number> } {
  const env = addonEnv({}, workbook(rows));
  try {
    saveKpis(kpis, rows);
    env.emu.calls.reset();
    generateDashboards(contextOf(env.emu), { layout });
    return { total: env.emu.calls.total, byMethod: { ...env.emu.calls.byMethod } };
  } finally {
    env.close();
  }
}

describe.each(['by_level', 'overall'] as const)('%s', (layout) => {
  const counts: Record<string, { total: number; byMethod: Record<string, number> }> = {};
  beforeAll(() => {
    for (const kpis of [10, 50]) for (const rows of [36, 3650]) counts[`${kpis}×${rows}`] = render(kpis, rows, layout);
    if (process.env.DASHBOARD_CALLS_LOG)
      console.log(layout, Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v.total])));
  }, 120_000);

  test('the same calls for 36 and 3,650 data rows', () => {
    expect(counts['10×3650']).toEqual(counts['10×36']);
    expect(counts['50×3650']).toEqual(counts['50×36']);
  });

  test('more KPIs, more calls (charts are built one by one), about linearly; every batch write once per block', () => {
    const small = counts['10×36'];
    const large = counts['50×36'];
    expect(large.total).toBeGreaterThan(small.total);
    const perKpi = (large.total - small.total) / 40;
    expect(perKpi).toBeLessThanOrEqual(25);
    // Cells are written in a fixed number of batches per dashboard, whatever the KPI count.
    for (const m of [
      'Range.setValues',
      'Range.setNumberFormats',
      'Sheet.setConditionalFormatRules',
      'Sheet.hideColumns',
      'Spreadsheet.insertSheet',
    ]) {
      expect({ m, n: large.byMethod[m] }).toEqual({ m, n: small.byMethod[m] });
    }
    // One chart per KPI (a line, or bars for a breakdown by category), plus one progress chart per dashboard.
    expect(large.byMethod['Sheet.insertChart']).toBe(small.byMethod['Sheet.insertChart'] + 40);
  });
});
