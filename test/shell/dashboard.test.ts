/** Generating dashboards on the emulator: what is drawn, safety, idempotence, headers, history. */
import { serverApi } from '../../src/addon/api';
import {
  ensureHistorySheet,
  generateDashboards,
  HISTORY_HEADER,
  listDashboards,
  refreshDashboardHeaders,
  DRAFT_KIND,
  RETIRED_KIND,
  LEVEL_KEY,
} from '../../src/addon/dashboard';
import { OWNER_KEY, SCHEMA_KEY } from '../../src/addon/owned-sheets';
import { calcColumn, FIRST_KPI_ROW, VISIBLE, visibleColumn } from '../../src/core/dashboard/layout';
import { addonEnv, type AddonEnv } from '../support/addon-env';
import { contextOf, saved, saveKpis, userView, withoutIds, workbook } from '../unit/dashboard/fixtures';

let env: AddonEnv;
afterEach(() => env?.close());

const ss = () => SpreadsheetApp.getActiveSpreadsheet();
const tagOf = (sheet: string, key: string) =>
  env.emu.metadata().find((m) => m.sheet === sheet && m.key === key && m.locationType === 'SHEET')?.value ?? null;
const dashboards = () =>
  env.emu
    .metadata()
    .filter((m) => m.key === OWNER_KEY && m.value === 'dashboard')
    .map((m) => m.sheet!);

/** A sheet of the user's own, with values, formulas and formats Boussole must never touch. */
function userSheet(): void {
  const sheet = ss().insertSheet('Mes notes');
  sheet.getRange('A1:C3').setValues([
    ['Poste', 'Montant', 'Part'],
    ['Loyer', 1200, '=B2/SUM(B$2:B$3)'],
    ['Salaires', 8000, '=B3/SUM(B$2:B$3)'],
  ]);
  sheet.getRange('C2:C3').setNumberFormat('0.0%');
  sheet.getRange('A1:C1').setFontWeight('bold').setBackground('#ffff00');
  sheet.getRange('E1').setFormula('=SUM(Données!B2:B10)');
}

describe('a generated dashboard', () => {
  test('per level, tagged, protected, live formulas without errors, charts chosen by the data', () => {
    env = addonEnv({}, workbook(400));
    const { kpis } = saveKpis(6, 400, 2);
    const cellKpi = saved(
      serverApi.saveKpi({ ...kpis[0], id: undefined, name: 'Trésorerie', source: { kind: 'cell', ref: 'Données!B2' } }),
    );
    const out = generateDashboards(contextOf(env.emu), { layout: 'by_level', smartScores: { [kpis[0].id]: 92 } });
    expect(out).toEqual([
      { sheetName: 'Direction', level: 'strategic', kpiCount: 3 },
      { sheetName: 'Managers', level: 'tactical', kpiCount: 2 },
      { sheetName: 'Équipes', level: 'operational', kpiCount: 2 },
    ]);
    expect(listDashboards(ss())).toEqual(out);
    // The history sheet was created for the single-cell KPI.
    expect(env.emu.sheetValues('Boussole · Historique')).toEqual([[...HISTORY_HEADER]]);

    const snap = env.emu.snapshot('Direction');
    expect(tagOf('Direction', OWNER_KEY)).toBe('dashboard');
    expect(tagOf('Direction', LEVEL_KEY)).toBe('strategic');
    expect(tagOf('Direction', SCHEMA_KEY)).toBe('1');
    expect(snap.protections).toEqual([expect.objectContaining({ warningOnly: true })]);
    expect(snap.frozenRows).toBe(5);
    expect(snap.hiddenColumns[0]).toBe(calcColumn('n'));
    expect(snap.values[1].slice(0, 2)).toEqual(['Dernière actualisation', '15/06/2026 10:00']);
    expect(snap.values[2][0]).toMatch(/^\d+ en bonne voie · \d+ à surveiller · \d+ en retard$/);

    // Every visible cell of every KPI row computes (SPARKLINE is display-only here: blank).
    for (let r = FIRST_KPI_ROW; r < FIRST_KPI_ROW + 3; r++) {
      for (const c of VISIBLE) {
        const cell = env.emu.cell(`Direction!${String.fromCharCode(64 + visibleColumn(c))}${r}`);
        expect({ r, c, error: cell.error }).toEqual({ r, c, error: null });
      }
    }
    const names = snap.values.slice(FIRST_KPI_ROW - 1, FIRST_KPI_ROW + 2).map((row) => row[0]);
    expect(names).toContain('Trésorerie');
    const first = snap.values[names.indexOf(kpis[0].name) + FIRST_KPI_ROW - 1];
    expect(first[visibleColumn('smart') - 1]).toBe(92);
    expect(typeof first[visibleColumn('current') - 1]).toBe('number');
    expect(first[visibleColumn('status') - 1]).toMatch(/^(En bonne voie|À surveiller|En retard)$/);
    expect(snap.display[names.indexOf(kpis[0].name) + FIRST_KPI_ROW - 1][visibleColumn('vsPrevious') - 1]).toMatch(
      /^[▲▼►] [+-]?\d/,
    );
    expect(snap.formulas[FIRST_KPI_ROW - 1][visibleColumn('sparkline') - 1]).toMatch(
      /^=IF\(COUNT\(.*SPARKLINE\(FILTER\(/,
    );
    void cellKpi;

    // Charts: progress columns, one line per KPI, a bar chart for the KPI broken down by channel.
    const types = (sheet: string) => env.emu.charts(sheet).map((c) => c.type);
    expect(types('Direction')).toEqual(['COLUMN', 'LINE', 'LINE', 'LINE']);
    expect(types('Équipes')).toEqual(['COLUMN', 'BAR', 'LINE']);
    const bar = env.emu.charts('Équipes')[1];
    expect(bar.ranges).toEqual(['Canaux!A2:A5', 'Canaux!C2:C5']);
    const line = env.emu.charts('Direction')[1];
    expect(line.hiddenDimensionStrategy).toBe('SHOW_BOTH');
    expect(line.numHeaders).toBe(1);
    expect(env.emu.conditionalFormats('Direction')).toHaveLength(9);
  });

  test('one overall dashboard when preferred; switching layouts removes the others; English names', () => {
    env = addonEnv({ locale: 'en_US', userLocale: 'en' }, workbook(36));
    saveKpis(4, 36);
    const ctx = contextOf(env.emu, 'en');
    expect(generateDashboards(ctx, { layout: 'by_level' }).map((d) => d.sheetName)).toEqual([
      'Leadership',
      'Managers',
      'Teams',
    ]);
    expect(generateDashboards(ctx, { layout: 'overall' })).toEqual([
      { sheetName: 'Dashboard', level: 'overall', kpiCount: 4 },
    ]);
    expect(dashboards()).toEqual(['Dashboard']);
    expect(env.emu.sheetNames().filter((n) => ['Leadership', 'Managers', 'Teams'].includes(n))).toEqual([]);
    expect(env.emu.snapshot('Dashboard').values[0][0]).toBe('Dashboard · all KPIs');
  });
});

test('a KPI whose source sheet is gone shows "no data", not an error', () => {
  env = addonEnv({}, workbook(36));
  const { kpis } = saveKpis(1, 36, 1);
  saved(
    serverApi.saveKpi({
      ...kpis[0],
      id: undefined,
      name: 'Orphelin',
      source: { kind: 'range', values: 'Archives!B2:B40', dates: 'Archives!A2:A40' },
    }),
  );
  generateDashboards(contextOf(env.emu), { layout: 'overall' });
  const snap = env.emu.snapshot('Tableau de bord');
  const r = snap.values.findIndex((row) => row[0] === 'Orphelin');
  expect(snap.values[r][visibleColumn('status') - 1]).toBe('Pas de données');
  for (const c of VISIBLE)
    expect({ c, v: String(snap.values[r][visibleColumn(c) - 1]) }).not.toEqual({ c, v: expect.stringMatching(/^#/) });
});

describe('regeneration', () => {
  test('generating twice gives the same dashboards (ids aside), in the same places', () => {
    env = addonEnv({}, workbook(36));
    saveKpis(5, 36);
    generateDashboards(contextOf(env.emu), { layout: 'by_level' });
    const before = env.emu.sheetNames().map((n) => withoutIds(env.emu.snapshot(n)));
    generateDashboards(contextOf(env.emu), { layout: 'by_level' });
    expect(env.emu.sheetNames().map((n) => withoutIds(env.emu.snapshot(n)))).toEqual(before);
  });

  test("the user's own sheets are byte-for-byte unchanged after any number of generations and refreshes", () => {
    env = addonEnv({}, workbook(36));
    userSheet();
    ss().insertSheet('Direction'); // the user's own sheet, by chance named like a dashboard
    ss().getSheetByName('Direction')!.getRange('A1').setValue('à moi');
    saveKpis(5, 36);
    const mine = ['Données', 'Canaux', 'Mes notes', 'Direction', 'Boussole · Objectifs', 'Boussole · KPI'];
    const before = mine.map((n) => userView(env.emu.snapshot(n)));
    const ctx = contextOf(env.emu);
    for (const layout of ['by_level', 'overall', 'by_level', 'by_level'] as const) {
      generateDashboards(ctx, { layout });
      refreshDashboardHeaders(ss(), '16/06/2026 09:00');
    }
    expect(mine.map((n) => userView(env.emu.snapshot(n)))).toEqual(before);
    // The dashboard took a free name instead.
    expect(dashboards()).toEqual(['Direction (2)', 'Managers', 'Équipes']);
  });

  test('a dashboard the user renamed keeps its name and place', () => {
    env = addonEnv({}, workbook(36));
    saveKpis(3, 36);
    generateDashboards(contextOf(env.emu), { layout: 'by_level' });
    ss().getSheetByName('Managers')!.setName('Pilotage équipe');
    const order = env.emu.sheetNames();
    generateDashboards(contextOf(env.emu), { layout: 'by_level' });
    expect(env.emu.sheetNames()).toEqual(order);
    expect(tagOf('Pilotage équipe', LEVEL_KEY)).toBe('tactical');
  });

  test('drafts and retired dashboards left by an interrupted run are removed by the next one', () => {
    env = addonEnv({}, workbook(36));
    saveKpis(3, 36);
    const visibility = SpreadsheetApp.DeveloperMetadataVisibility.PROJECT;
    ss().insertSheet('Direction · Boussole…').addDeveloperMetadata(OWNER_KEY, DRAFT_KIND, visibility);
    ss().insertSheet('Direction · ancienne version').addDeveloperMetadata(OWNER_KEY, RETIRED_KIND, visibility);
    generateDashboards(contextOf(env.emu), { layout: 'by_level' });
    expect(env.emu.sheetNames().filter((n) => /Boussole…|ancienne/.test(n))).toEqual([]);
    expect(dashboards()).toEqual(['Direction', 'Managers', 'Équipes']);
  });
});

describe('the refreshed header', () => {
  test('refreshDashboardHeaders rewrites only the refreshed cell of each dashboard, in a few calls each', () => {
    env = addonEnv({}, workbook(36));
    saveKpis(6, 36);
    generateDashboards(contextOf(env.emu), { layout: 'by_level' });
    const before = dashboards().map((n) => env.emu.snapshot(n));
    env.emu.calls.reset();
    expect(refreshDashboardHeaders(ss(), '16/06/2026 09:00')).toBe(3);
    expect(env.emu.calls.count('Range.setValue')).toBe(3);
    // Per dashboard: its range and write, and the check that it is not a user's copy (its id tag).
    expect(env.emu.calls.total).toBeLessThanOrEqual(8 + 3 * 10);
    dashboards().forEach((n, i) => {
      const after = env.emu.snapshot(n);
      expect(after.values[1][1]).toBe('16/06/2026 09:00');
      after.values[1][1] = before[i].values[1][1];
      after.display[1][1] = before[i].display[1][1];
      expect(after).toEqual(before[i]);
    });
  });
});

describe('the history sheet', () => {
  test('created once, empty, with its header, tag, schema and warning-only protection', () => {
    env = addonEnv({}, workbook(5));
    const sheet = ensureHistorySheet(ss(), 'fr');
    expect(sheet.getName()).toBe('Boussole · Historique');
    expect(env.emu.sheetValues('Boussole · Historique')).toEqual([
      ['kpiId', 'period', 'periodStart', 'value', 'target', 'status', 'takenAt'],
    ]);
    expect(tagOf('Boussole · Historique', OWNER_KEY)).toBe('history');
    expect(tagOf('Boussole · Historique', SCHEMA_KEY)).toBe('1');
    expect(env.emu.snapshot('Boussole · Historique').protections).toEqual([
      expect.objectContaining({ warningOnly: true }),
    ]);
    sheet.setName('Mon historique');
    expect(ensureHistorySheet(ss(), 'en').getName()).toBe('Mon historique');
    expect(env.emu.sheetNames().filter((n) => /istor/.test(n))).toEqual(['Mon historique']);
  });

  test('a fault while creating it leaves no half-made sheet', () => {
    env = addonEnv({}, workbook(5));
    const names = env.emu.sheetNames();
    env.emu.calls.reset();
    ensureHistorySheet(ss(), 'fr');
    const calls = env.emu.calls.total;
    ss().deleteSheet(ss().getSheetByName('Boussole · Historique')!);
    for (let k = 1; k <= calls; k++) {
      env.emu.faults.failAt(k);
      expect(() => ensureHistorySheet(ss(), 'fr')).toThrow(/injected fault/);
      env.emu.faults.clear();
      expect(env.emu.sheetNames()).toEqual(names);
    }
  });

  test('a KPI read from one cell shows the live value and its past from the history', () => {
    env = addonEnv({}, { ...workbook(5), Saisie: [['Trésorerie', 52000]] });
    const obj = saved(
      serverApi.saveObjective({
        title: 'Tenir',
        description: '',
        horizon: '2026-12-31',
        level: 'strategic',
        owner: '',
      }),
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
    const history = ensureHistorySheet(ss(), 'fr');
    history.getRange(2, 1, 3, 7).setValues([
      [k.id, '2025-06', '2025-06-01', 41000, 60000, 'on_track', '2025-07-01T06:00:00+02:00'],
      [k.id, '2026-04', '2026-04-01', 48000, 60000, 'on_track', '2026-05-01T06:00:00+02:00'],
      [k.id, '2026-05', '2026-05-01', 50000, 60000, 'on_track', '2026-06-01T06:00:00+02:00'],
    ]);
    generateDashboards(contextOf(env.emu), { layout: 'overall' });
    const row = env.emu.snapshot('Tableau de bord').values[FIRST_KPI_ROW - 1];
    expect(row[visibleColumn('current') - 1]).toBe(52000);
    expect(row[visibleColumn('vsPrevious') - 1]).toBeCloseTo(52000 / 50000 - 1, 12);
    expect(row[visibleColumn('vsLastYear') - 1]).toBeCloseTo(52000 / 41000 - 1, 12);
    // Live: the cell changes, the dashboard follows without a new generation.
    ss().getRange('Saisie!B1').setValue(61000);
    const after = env.emu.snapshot('Tableau de bord').values[FIRST_KPI_ROW - 1];
    expect(after[visibleColumn('current') - 1]).toBe(61000);
    expect(after[visibleColumn('status') - 1]).toBe('En bonne voie');
  });
});
