/**
 * Generating dashboards on the emulator: the cockpit drawn (scorecards, table, charts), one
 * atomic batch, service calls that don't grow with KPIs or data rows, the failure cases, the
 * refresh, and a single-cell KPI read from the history by period key.
 */
import { serverApi } from '../../src/addon/api';
import {
  ensureHistorySheet,
  generateDashboards,
  LAYOUT_KEY,
  listDashboards,
  NothingToGenerate,
  refreshDashboardHeaders,
} from '../../src/addon/dashboard';
import { OWNER_KEY } from '../../src/addon/owned-sheets';
import { COLUMN_WIDTH, FIGURES_COLUMN, tableColumn } from '../../src/core/dashboard/layout';
import { addonEnv, type AddonEnv } from '../support/addon-env';
import { contextOf, saved, saveKpis, userView, workbook } from '../unit/dashboard/fixtures';

let env: AddonEnv;
afterEach(() => env?.close());

const ss = () => SpreadsheetApp.getActiveSpreadsheet();
const rowOf = (sheet: string, name: string) => {
  const snap = env.emu.snapshot(sheet);
  const r = snap.values.findIndex((row, i) => row[0] === name && snap.values[i - 1]?.[0] !== undefined && i > 6);
  return { snap, r, row: snap.values[r] };
};

describe('a generated dashboard', () => {
  test('scorecards on top (one per KPI, five to a row within 1,000 px), the table, the charts; no formula but sparklines', () => {
    env = addonEnv({}, workbook(400));
    saveKpis(7, 400, 2);
    const out = generateDashboards(contextOf(env.emu), { layout: 'overall' });
    expect(out).toEqual([{ sheetName: 'Tableau de bord', level: 'overall', kpiCount: 7 }]);
    const snap = env.emu.snapshot('Tableau de bord');
    const cards = snap.charts.filter((c) => c.type === 'SCORECARD');
    expect(cards).toHaveLength(7);
    // Five tiles per row, then a second row of tiles, all inside the visible columns A–J.
    expect(cards.map((c) => c.position.anchorColumn)).toEqual([1, 3, 5, 7, 9, 1, 3]);
    for (const c of cards)
      expect(
        (c.position.anchorColumn - 1) * COLUMN_WIDTH + c.position.offsetX + Number(c.options.width),
      ).toBeLessThanOrEqual(1000);
    expect(cards[0].spec?.scorecardChart?.baselineValueFormat?.comparisonType).toBe('PERCENTAGE_DIFFERENCE');
    // The target line is a dashed series, the progress chart has no floor at 0.
    const trend = snap.charts.find((c) => c.type === 'LINE')!;
    expect(trend.spec?.basicChart?.series?.[1].lineStyle?.type).toBe('MEDIUM_DASHED');
    const progress = snap.charts.find((c) => c.type === 'COLUMN')!;
    expect(progress.spec?.basicChart?.axis?.some((a) => a.viewWindowOptions)).toBeFalsy();
    // No volatile function. Formulas: SPARKLINE over its own 24-odd cells; a live value as one
    // SUMIFS over its source's columns; the rest over single cells of the KPI's own row.
    const formulas = snap.formulas.flat().filter(Boolean);
    expect(formulas.some((f) => f.startsWith('=SUMIFS('))).toBe(true);
    for (const f of formulas) {
      expect(f).not.toMatch(/TODAY|NOW|RAND|INDIRECT|OFFSET/);
      const ok =
        /^=SPARKLINE\([A-Z]+\d+:[A-Z]+\d+\)$/.test(f) ||
        /^=SUMIFS\('Données'![A-Z]2:[A-Z]401;'Données'!A2:A401;">=\d+";'Données'!A2:A401;"<\d+"\)$/.test(f) ||
        !/[A-Z]+\d+:[A-Z]+\d+/.test(f.replace(/"[^"]*"/g, ''));
      expect({ f, ok }).toEqual({ f, ok: true });
    }
    expect(snap.hiddenColumns[0]).toBe(11);
    expect(
      Object.entries(snap.columnWidths)
        .filter(([c]) => Number(c) <= 10)
        .every(([, w]) => w === COLUMN_WIDTH),
    ).toBe(true);
    // Tagged, protected (warning only), sized to what it holds.
    expect(snap.protections.map((p) => p.warningOnly)).toEqual([true]);
    expect(snap.metadata.find((m) => m.key === OWNER_KEY)?.value).toBe('dashboard');
    expect(snap.maxRows).toBeLessThan(200);
  });

  test('service calls: at most 10, the same for 10, 50 and 200 KPIs and for 36 or 3,650 rows; one batchUpdate', () => {
    const counts: Record<string, number> = {};
    for (const kpis of [10, 50, 200])
      for (const rows of [36, 3650]) {
        env = addonEnv({}, workbook(rows));
        saveKpis(kpis, rows);
        generateDashboards(contextOf(env.emu), { layout: 'by_level' });
        env.emu.calls.reset();
        generateDashboards(contextOf(env.emu), { layout: 'by_level' });
        counts[`${kpis}×${rows}`] = env.emu.calls.total;
        expect(env.emu.calls.count('Sheets.Spreadsheets.batchUpdate')).toBe(1);
        // The sheets and their tags; the storage sheets' cells; the sources' cells.
        expect(env.emu.calls.count('Sheets.Spreadsheets.get')).toBe(3);
        env.close();
      }
    const values = Object.values(counts);
    expect(new Set(values).size).toBe(1);
    // The test's getActiveSpreadsheet included: the whole generation from a cold start.
    expect(values[0]).toBeLessThanOrEqual(10);
    if (process.env.DASHBOARD_CALLS_LOG) console.log(counts);
  }, 300_000);

  test('the same figures as the core computes: current period by date, vs previous, target, status', () => {
    env = addonEnv({}, workbook(120));
    saveKpis(5, 120, 1);
    generateDashboards(contextOf(env.emu), { layout: 'overall' });
    const { row } = rowOf('Tableau de bord', "Chiffre d'affaires 1");
    // Daily revenue: the last data row is 2026-06-14 (x = 120): 1000 + 3·120 + (120·37 mod 101).
    const x = 120;
    const last = 1000 + 3 * x + ((x * 37) % 101);
    const prev = 1000 + 3 * (x - 1) + (((x - 1) * 37) % 101);
    expect(row[tableColumn('current') - 1]).toBe(last);
    expect(row[tableColumn('vsPrevious') - 1]).toBeCloseTo((last - prev) / prev, 12);
    expect(row[tableColumn('target') - 1]).toBe(20000);
    expect(row[FIGURES_COLUMN]).toBe(last);
  });

  test('a KPI whose source or categories sheet is gone: its tile says so by name, the others render', () => {
    env = addonEnv({}, workbook(36));
    const { kpis } = saveKpis(2, 36, 1);
    saved(
      serverApi.saveKpi({
        ...kpis[0],
        id: undefined,
        name: 'Orphelin',
        source: { kind: 'range', values: 'Archives!B2:B40', dates: 'Archives!A2:A40' },
      }),
    );
    // Its categories on a sheet that was renamed since.
    saved(
      serverApi.saveKpi({
        ...kpis[0],
        id: undefined,
        name: 'Par canal',
        source: { kind: 'range', values: 'Canaux!C2:C5', categories: "'Anciens canaux'!A2:A5" },
      }),
    );
    generateDashboards(contextOf(env.emu), { layout: 'overall' });
    const snap = env.emu.snapshot('Tableau de bord');
    const text = snap.display.flat().join('\n');
    expect(text).toMatch(/Source introuvable\s:\s.*Archives/);
    expect(text).toMatch(/Source introuvable\s:\s.*Anciens canaux/);
    expect(snap.charts.filter((c) => c.type === 'SCORECARD')).toHaveLength(2);
    expect(snap.charts.filter((c) => c.type === 'BAR')).toHaveLength(0);
    expect(text).not.toMatch(/#(REF|N\/A|VALUE|ERROR)/);
  });

  test('no KPI, or an unreadable KPI sheet: a clear message, nothing built', () => {
    env = addonEnv({}, workbook(36));
    expect(() => generateDashboards(contextOf(env.emu), { layout: 'overall' })).toThrow(NothingToGenerate);
    expect(() => generateDashboards(contextOf(env.emu), { layout: 'overall' })).toThrow(/définissez d'abord un KPI/);
    expect(env.emu.sheetNames()).toEqual(['Données', 'Canaux']);
  });

  test("regeneration keeps a renamed dashboard's name and place; the user's sheets are untouched", () => {
    env = addonEnv({}, workbook(36));
    saveKpis(6, 36, 2);
    const mine = ss().insertSheet('Mes notes');
    mine.getRange('A1:B2').setValues([
      ['Poste', 'Montant'],
      ['Loyer', '=SUM(Données!B2:B5)'],
    ]);
    generateDashboards(contextOf(env.emu), { layout: 'by_level' });
    ss().getSheetByName('Managers')!.setName('Pilotage managers');
    const names = env.emu.sheetNames();
    const before = userView(env.emu.snapshot('Mes notes'));
    generateDashboards(contextOf(env.emu), { layout: 'by_level' });
    expect(env.emu.sheetNames()).toEqual(names);
    expect(userView(env.emu.snapshot('Mes notes'))).toEqual(before);
    expect(listDashboards(ss()).map((d) => d.sheetName)).toEqual(['Direction', 'Pilotage managers', 'Équipes']);
    // Switching to one dashboard removes the three.
    generateDashboards(contextOf(env.emu), { layout: 'overall' });
    expect(listDashboards(ss()).map((d) => d.sheetName)).toEqual(['Tableau de bord']);
  });

  test('English, in the English document: names, words and formats', () => {
    env = addonEnv({ locale: 'en_US', userLocale: 'en' }, workbook(36));
    saveKpis(3, 36, 1);
    generateDashboards(contextOf(env.emu, 'en'), { layout: 'overall' });
    const snap = env.emu.snapshot('Dashboard');
    expect(snap.values[0][0]).toBe('Dashboard · all KPIs');
    expect(snap.display.flat()).toEqual(expect.arrayContaining(['Data as of', 'Current value']));
    expect(snap.display.flat().some((d) => /^Target: /.test(d))).toBe(true);
  });
});

describe('the refresh', () => {
  test('rewrites the "as of" cell and the figures from the sources, in one batch', () => {
    env = addonEnv({}, workbook(36));
    saveKpis(3, 36, 1);
    generateDashboards(contextOf(env.emu), { layout: 'overall' });
    const name = "Chiffre d'affaires 1";
    // Yesterday's revenue (the judged day) is live: an edit shows at once, before any refresh.
    ss().getRange('Données!B37').setValue(99999);
    expect(rowOf('Tableau de bord', name).row[tableColumn('current') - 1]).toBe(99999);
    env.emu.calls.reset();
    const n = refreshDashboardHeaders(ss(), '16/06/2026 09:30', {
      now: env.emu.clock.now(),
      timeZone: 'Europe/Paris',
      lang: 'fr',
    });
    expect(n).toBe(1);
    expect(env.emu.calls.count('Sheets.Spreadsheets.batchUpdate')).toBe(1);
    expect(env.emu.cell('Tableau de bord!B2').value).toBe('16/06/2026 09:30');
    expect(rowOf('Tableau de bord', name).row[tableColumn('current') - 1]).toBe(99999);
    expect(
      env.emu
        .metadata()
        .find((m) => m.key === LAYOUT_KEY)
        ?.value?.split(','),
    ).toHaveLength(3);
  });
});

describe('a KPI read from one cell', () => {
  test('its past comes from the history by period key: sorting the history by hand changes no number', () => {
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
    const rows = [
      [k.id, 'Trésorerie', '2025-06', '2025-06-01', 41000, 60000, 'on_track', '2025-07-01T06:00:00+02:00'],
      [k.id, 'Trésorerie', '2026-04', '2026-04-01', 48000, 60000, 'on_track', '2026-05-01T06:00:00+02:00'],
      [k.id, 'Trésorerie', '2026-05', '2026-05-01', 50000, 60000, 'on_track', '2026-06-01T06:00:00+02:00'],
    ];
    const history = ensureHistorySheet(ss(), 'fr');
    history.getRange(2, 1, 3, 8).setValues(rows);
    generateDashboards(contextOf(env.emu), { layout: 'overall' });
    const read = () => {
      const { row } = rowOf('Tableau de bord', 'Trésorerie');
      return [row[tableColumn('current') - 1], row[tableColumn('vsPrevious') - 1], row[tableColumn('vsLastYear') - 1]];
    };
    const first = read();
    expect(first[0]).toBe(52000);
    expect(first[1]).toBeCloseTo(52000 / 50000 - 1, 12);
    expect(first[2]).toBeCloseTo(52000 / 41000 - 1, 12);
    history.getRange(2, 1, 3, 8).setValues([rows[2], rows[0], rows[1]]);
    generateDashboards(contextOf(env.emu), { layout: 'overall' });
    expect(read()).toEqual(first);
  });
});
