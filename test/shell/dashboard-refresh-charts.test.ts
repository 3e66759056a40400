/**
 * A refresh keeps the dashboards' charts in step with their figures: a KPI read from one cell has
 * no past when its dashboard is generated (no scorecard change, a one-point trend); once the
 * history holds earlier periods, the refresh gives its scorecard the baseline and its trend the
 * new points, in the same single batch (Sheets API updateChartSpec).
 */
import { serverApi } from '../../src/addon/api';
import { ensureHistorySheet, generateDashboards, refreshDashboardHeaders } from '../../src/addon/dashboard';
import { FIGURES_COLUMN } from '../../src/core/dashboard/layout';
import { addonEnv, type AddonEnv } from '../support/addon-env';
import { contextOf, saved, workbook } from '../unit/dashboard/fixtures';

let env: AddonEnv;
afterEach(() => env?.close());

const ss = () => SpreadsheetApp.getActiveSpreadsheet();

test('a refresh gives a scorecard its baseline and a trend its new points once the history has them', () => {
  env = addonEnv({}, { ...workbook(5), Saisie: [['Trésorerie', 52000]] });
  const obj = saved(
    serverApi.saveObjective({ title: 'Tenir', description: '', horizon: '2026-12-31', level: 'strategic', owner: '' }),
  );
  const k = saved(
    serverApi.saveKpi({
      name: 'Trésorerie',
      definition: '',
      unit: '€',
      direction: 'higher',
      objectiveId: obj.id,
      indicator: 'lagging',
      source: { kind: 'cell', ref: 'Saisie!B1' },
      baseline: 40000,
      target: 60000,
      deadline: '2026-12-31',
      frequency: 'monthly',
      benchmark: null,
      owner: '',
      level: 'strategic',
    }),
  );
  generateDashboards(contextOf(env.emu), { layout: 'overall' });
  const charts = () => env.emu.charts('Tableau de bord');
  const scorecard = () => charts().find((c) => c.type === 'SCORECARD')!;
  const trend = () => charts().find((c) => c.type === 'LINE')!;
  const ids = charts().map((c) => c.chartId);
  // Generated before any history: the tile has no change to show.
  expect(scorecard().spec?.scorecardChart?.baselineValueData).toBeUndefined();
  const pointsBefore = trend().ranges[0];

  // Two earlier months archived (as the scheduled refresh writes them), then a refresh.
  ensureHistorySheet(ss(), 'fr')
    .getRange(2, 1, 2, 8)
    .setValues([
      [k.id, 'Trésorerie', '2026-04', '2026-04-01', 48000, 60000, 'on_track', '2026-05-01T06:00:00+02:00'],
      [k.id, 'Trésorerie', '2026-05', '2026-05-01', 50000, 60000, 'on_track', '2026-06-01T06:00:00+02:00'],
    ]);
  env.emu.calls.reset();
  refreshDashboardHeaders(ss(), '16/06/2026 09:30', { now: env.emu.clock.now(), timeZone: 'Europe/Paris', lang: 'fr' });
  expect(env.emu.calls.count('Sheets.Spreadsheets.batchUpdate')).toBe(1);

  // The same charts (same ids), updated: the scorecard compares with May's 50,000 in its hidden figures row.
  expect(charts().map((c) => c.chartId)).toEqual(ids);
  const base = scorecard().spec?.scorecardChart?.baselineValueData?.sourceRange?.sources?.[0];
  expect(base).toBeDefined();
  const snap = env.emu.snapshot('Tableau de bord');
  const row = snap.values[base!.startRowIndex!]!;
  expect(base!.startColumnIndex).toBe(FIGURES_COLUMN + 1);
  expect(row[base!.startColumnIndex!]).toBe(50000);
  expect(row[base!.startColumnIndex! - 1]).toBe(52000);
  // The trend now spans April, May and June (header + 3 rows) where it had fewer.
  expect(trend().ranges[0]).not.toBe(pointsBefore);
  expect(trend().ranges[0]).toMatch(/!([A-Z]+)(\d+):\1(\d+)$/);
  const [, , r1, r2] = /!([A-Z]+)(\d+):\1(\d+)$/.exec(trend().ranges[0]!)!;
  expect(Number(r2) - Number(r1)).toBe(3);
});
