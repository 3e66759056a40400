/**
 * The playground in headless Chromium, as a newcomer meets it: the sample dashboard with its
 * charts, a KPI created in the real sidebar from a range selected on the grid, the dashboards
 * regenerated, a month passing and the scheduled refresh adding one history row that moves the
 * trend. Then screenshots of every sheet and dashboard, for a person to look at.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  noticeAfter,
  noticeSeq,
  openTab,
  pageAction,
  selectOnGrid,
  sidebarFrame,
  startPlaygroundEnv,
  takeScreenshots,
  type PlaygroundEnv,
} from '../../playground/testing';

jest.setTimeout(180_000);

const ARTIFACTS = join(process.cwd(), 'artifacts', 'playground');
let env: PlaygroundEnv;
beforeAll(async () => {
  env = await startPlaygroundEnv();
});
afterAll(async () => {
  await env?.close();
});

/** Rows of an add-on table sheet as objects, read on the emulator. */
function tableRows(kind: string): Record<string, unknown>[] {
  const emu = env.pg.workbook.emu;
  const meta = emu.metadata().find((m) => m.key === 'boussole.sheet' && m.value === kind && m.locationType === 'SHEET');
  if (!meta?.sheet) return [];
  const [header, ...rows] = emu.sheetValues(meta.sheet);
  return rows.map((r) => Object.fromEntries((header as string[]).map((k, i) => [k, r[i]])));
}

/** The dashboard row of a KPI: its cells' displayed text by header. */
async function dashboardRow(page: Page, kpiName: string): Promise<Record<string, string>> {
  return page.evaluate((name) => {
    const rows = [...document.querySelectorAll('#grid tbody tr')];
    const header = rows.find(
      (tr) =>
        tr.querySelector('td')?.textContent === (document.documentElement.lang === 'fr' ? 'Indicateur' : 'Indicator'),
    );
    const row = rows.find((tr) => tr.querySelector('td')?.textContent === name);
    if (!header || !row) return {};
    const heads = [...header.querySelectorAll('td')].map((td) => td.textContent ?? '');
    const cells = [...row.querySelectorAll('td')];
    return Object.fromEntries(
      heads.map((h, i) => [
        h,
        cells[i]?.querySelector('svg')
          ? `sparkline:${(cells[i] as HTMLElement).dataset.sparkline}`
          : (cells[i]?.textContent ?? ''),
      ]),
    );
  }, kpiName);
}

test('a newcomer: sample dashboard, a KPI from a selected range, dashboards, a month later one more history row and the trend moves', async () => {
  const { page, errors } = await env.open();

  // 1. The sample opens on its first dashboard, charts drawn from the add-on's chart specs.
  expect(await page.getAttribute('body', 'data-kind')).toBe('dashboard');
  const sampleCharts = page.locator('.chart');
  expect(await sampleCharts.count()).toBeGreaterThanOrEqual(2);
  expect(Number(await sampleCharts.first().getAttribute('data-points'))).toBeGreaterThan(0);
  expect(
    await page
      .locator('.chart canvas')
      .first()
      .evaluate((c) => (c as HTMLCanvasElement).width),
  ).toBeGreaterThan(100);
  // Status colours (conditional formats) and progress bars (REPT) are on the grid.
  const statusColours = await page.$$eval(
    '#grid td',
    (tds) =>
      tds.filter(
        (td) =>
          /^(En bonne voie|À surveiller|En retard)$/.test(td.textContent ?? '') &&
          (td as HTMLElement).style.backgroundColor,
      ).length,
  );
  expect(statusColours).toBeGreaterThan(0);
  expect(await page.$$eval('#grid td', (tds) => tds.some((td) => /▰/.test(td.textContent ?? '')))).toBe(true);
  // Native scorecards on top, drawn as Sheets draws them: a big value and a coloured change.
  const cards = page.locator('[data-testid=scorecard-value]');
  expect(await cards.count()).toBeGreaterThan(0);
  expect(await cards.first().textContent()).toMatch(/\d/);
  const historyBefore = tableRows('history').length;
  expect(historyBefore).toBeGreaterThan(0);

  // 2. A Boussole formula's result and its formula in the formula bar.
  await openTab(page, 'Clients');
  await page.click('#grid tr[data-r="6"] td[data-c="10"]');
  expect(await page.inputValue('[data-testid=formula-bar]')).toBe('=LTV_CAC(J4; J5)');
  expect(await page.textContent('#grid tr[data-r="6"] td[data-c="10"]')).toMatch(/^\d+,\d$/);

  // 3. A KPI created in the sidebar from ranges selected on the grid.
  await openTab(page, 'Ventes');
  const frame = await sidebarFrame(page);
  await frame.click('#new-kpi');
  await frame.waitForSelector('.wizard[data-step="1"]');
  const existing = await frame.$$eval('input[data-objective-choice]', (els) =>
    els.map((e) => e.getAttribute('data-objective-choice')).filter((v) => v !== '__new__'),
  );
  await frame.check(`input[data-objective-choice="${existing[0]}"]`);
  await frame.click('#wizard-next');
  await frame.waitForSelector('.wizard[data-step="2"]');
  await frame.fill('#f-name', 'Leads du mois');
  await frame.fill('#f-definition', 'Demandes de démo reçues dans le mois, tous canaux confondus.');
  await frame.selectOption('#f-unit', 'count');
  await frame.selectOption('#f-direction', 'higher');
  await frame.selectOption('#f-indicator', 'leading');
  await frame.selectOption('#f-level', 'strategic');
  await frame.fill('#f-owner', 'Sophie Martin');
  await frame.click('#wizard-next');
  await frame.waitForSelector('.wizard[data-step="3"]');
  await selectOnGrid(page, 'B2', 'B37');
  await page.waitForFunction(() => document.querySelector('[data-testid=selection]')?.textContent === 'Ventes!B2:B37');
  await frame.click('[data-use-selection=values]');
  await frame.waitForFunction(
    () => (document.getElementById('f-source-values') as HTMLInputElement).value === 'Ventes!B2:B37',
  );
  await selectOnGrid(page, 'A2', 'A37');
  await page.waitForFunction(() => document.querySelector('[data-testid=selection]')?.textContent === 'Ventes!A2:A37');
  await frame.click('[data-use-selection=dates]');
  await frame.waitForFunction(
    () => (document.getElementById('f-source-dates') as HTMLInputElement).value === 'Ventes!A2:A37',
  );
  await frame.waitForSelector('[data-testid=preview-counts]');
  expect(await frame.textContent('[data-testid=preview-counts]')).toMatch(
    /^24 cellules\s:\s24 nombres, 0 vide, 0 texte\.$/,
  );
  await page.screenshot({ path: join(ARTIFACTS, '10-journey-selection.png') });
  await frame.click('#wizard-next');
  await frame.waitForSelector('.wizard[data-step="4"]');
  await frame.fill('#f-target', '600');
  await frame.fill('#f-deadline', '2025-12-31');
  await frame.selectOption('#f-frequency', 'monthly');
  await frame.click('#wizard-next');
  await frame.waitForSelector('.wizard[data-step="5"]');
  await frame.click('#wizard-next');
  await frame.waitForSelector('[data-testid=home] .kpi');
  await frame.waitForFunction(() =>
    [...document.querySelectorAll('.kpi-name')].some((e) => e.textContent === 'Leads du mois'),
  );
  const stored = tableRows('kpis').find((k) => k.name === 'Leads du mois');
  expect(stored).toMatchObject({ sourceValues: 'Ventes!B2:B37', sourceDates: 'Ventes!A2:A37', target: 600 });
  const kpiId = String(stored!.id);

  // 4. Generate the dashboards: the new KPI has its row and its chart.
  await pageAction(page, () => page.click('#generate'));
  expect(await page.getAttribute('body', 'data-kind')).toBe('dashboard');
  await openTab(page, 'Direction');
  // The KPI's scorecard shares its title: its trend is the LINE chart.
  const trend = '.chart[data-type="LINE"][data-title="Leads du mois"]';
  const chart = page.locator(trend);
  await chart.waitFor();
  expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThan(3);
  const lastBefore = await chart.getAttribute('data-last');
  expect(lastBefore).toMatch(/12.*2024|2024.*12|d[eé]c/i);
  const rowBefore = await dashboardRow(page, 'Leads du mois');
  expect(rowBefore['Valeur actuelle']).toMatch(/^\d/);
  await page.screenshot({ path: join(ARTIFACTS, '11-journey-dashboard.png') });

  // 5. A month later (January's figures are booked on 1 February), the scheduled refresh.
  const historyOfKpi = () => tableRows('history').filter((r) => r.kpiId === kpiId);
  expect(historyOfKpi()).toHaveLength(0);
  await pageAction(page, () => page.click('[data-advance=month]'));
  expect(await page.textContent('[data-testid=clock]')).toMatch(/15 févr\. 2025/);
  const shown = await noticeSeq(page);
  await pageAction(page, () => page.click('#refresh'));
  expect(await noticeAfter(page, shown)).toMatch(/Actualisation faite/);
  const rows = historyOfKpi();
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ period: '2025-01' });
  expect(tableRows('history').length).toBeGreaterThan(historyBefore);
  expect(Number(await page.textContent('[data-testid=history-rows]'))).toBe(tableRows('history').length);

  // …and the trend changed: the chart reaches January, a new latest value and change.
  await openTab(page, 'Direction');
  await page.waitForFunction(
    ([sel, l]) => {
      const last = document.querySelector(sel as string)?.getAttribute('data-last');
      return Boolean(last) && last !== l;
    },
    [trend, lastBefore],
  );
  expect(await page.getAttribute(trend, 'data-last')).toMatch(/01.*2025|2025.*01|jan/i);
  const rowAfter = await dashboardRow(page, 'Leads du mois');
  expect(rowAfter['Valeur actuelle']).not.toBe(rowBefore['Valeur actuelle']);
  expect(rowAfter['vs période préc.']).not.toBe(rowBefore['vs période préc.']);
  await page.screenshot({ path: join(ARTIFACTS, '12-journey-a-month-later.png') });

  expect(errors).toEqual([]);
  await page.context().close();
});

test('a selection survives the page following a change made elsewhere (the sidebar, a refresh)', async () => {
  const { page, errors } = await env.open();
  await openTab(page, 'Ventes');
  await selectOnGrid(page, 'B2', 'B5');
  await page.waitForFunction(() => document.querySelector('[data-testid=selection]')?.textContent === 'Ventes!B2:B5');
  const selected = () => {
    const range = env.pg.workbook.emu.spreadsheet.getActiveRange();
    return range && `${range.getSheet().getName()}!${range.getA1Notation()}`;
  };
  expect(selected()).toBe('Ventes!B2:B5');
  // A write the page did not make (as the sidebar's calls are): its poll reloads the sheet.
  const before = Number((await page.evaluate(() => fetch('/api/state').then((r) => r.json()))).version);
  const edit = await page.evaluate(() =>
    fetch('/api/edit', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sheet: 'Ventes', a1: 'Z200', input: '' }),
    }).then((r) => r.json()),
  );
  expect(edit).toMatchObject({ ok: true });
  await page.waitForFunction((v) => Number(document.body.dataset.version) > v, before);
  expect(selected()).toBe('Ventes!B2:B5');
  expect(await page.textContent('[data-testid=selection]')).toBe('Ventes!B2:B5');
  expect(errors).toEqual([]);
  await page.context().close();
});

test('a reload that left before the user changed sheet and selected does not undo the selection when it lands', async () => {
  const { page, errors } = await env.open();
  const selected = () => {
    const range = env.pg.workbook.emu.spreadsheet.getActiveRange();
    return range && `${range.getSheet().getName()}!${range.getA1Notation()}`;
  };
  await openTab(page, 'Clients');
  expect(selected()).toBe('Clients!A1');
  // Every state read from now on is computed at once by the server, and answered only when released:
  // a slow answer, as on a loaded machine.
  let release!: () => void;
  const released = new Promise<void>((ok) => (release = ok));
  let held = 0;
  await page.route('**/api/state', async (route) => {
    const answer = await route.fetch();
    held++;
    await released;
    await route.fulfill({ response: answer });
  });
  // An action's reload reads the state while Clients is still the server's active sheet…
  await page.click('[data-advance=day]');
  while (held === 0) await new Promise((ok) => setTimeout(ok, 20));
  expect(selected()).toBe('Clients!A1');
  // …then the user opens Ventes and selects a range, before that answer arrives.
  await openTab(page, 'Ventes');
  await selectOnGrid(page, 'B2', 'B5');
  await page.waitForFunction(() => document.querySelector('[data-testid=selection]')?.textContent === 'Ventes!B2:B5');
  expect(selected()).toBe('Ventes!B2:B5');
  release();
  await page.waitForFunction(() => !document.body.classList.contains('busy'));
  await page.unroute('**/api/state');
  // The answer said Clients was active, A1 selected: the page keeps what the user did since.
  expect(await page.getAttribute('body', 'data-sheet')).toBe('Ventes');
  expect(selected()).toBe('Ventes!B2:B5');
  expect(await page.textContent('[data-testid=selection]')).toBe('Ventes!B2:B5');
  expect(await page.$$eval('#grid td.sel', (tds) => tds.length)).toBe(4);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('another sheet starts with no selection, on the page as on the server', async () => {
  const { page, errors } = await env.open();
  await openTab(page, 'Ventes');
  await selectOnGrid(page, 'B2', 'B5');
  await page.waitForFunction(() => document.querySelector('[data-testid=selection]')?.textContent === 'Ventes!B2:B5');
  await openTab(page, 'Clients');
  expect(await page.textContent('[data-testid=selection]')).toBe('Clients!A1');
  expect(await page.$$eval('#grid td.sel', (tds) => tds.length)).toBe(0);
  expect(await page.textContent('[data-testid=cell-name]')).toBe('');
  // A shift-click extends from nothing the user can see: it selects the one cell.
  await page.click('#grid tr[data-r="3"] td[data-c="4"]', { modifiers: ['Shift'] });
  await page.waitForFunction(() => document.querySelector('[data-testid=selection]')?.textContent === 'Clients!D3');
  expect(await page.$$eval('#grid td.sel', (tds) => tds.length)).toBe(1);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('after generating from the top bar, the sidebar lists the new dashboards without a reload', async () => {
  const { page, errors } = await env.open();
  // Read through the page (the sidebar is a same-origin frame): survives the frame being replaced.
  const listed = () =>
    page.evaluate(() =>
      [
        ...((document.querySelector('#sidebar') as HTMLIFrameElement | null)?.contentDocument?.querySelectorAll(
          '[data-testid=dashboard-list] li',
        ) ?? []),
      ].map((e) => e.getAttribute('data-sheet')),
    );
  const until = async (ok: (names: (string | null)[]) => boolean) => {
    for (let i = 0; i < 300 && !ok(await listed()); i++) await page.waitForTimeout(100);
    return listed();
  };
  // One overall dashboard, generated from the sidebar.
  const frame = await sidebarFrame(page);
  await frame.click('#dashboard-layout-overall');
  await frame.click('#generate-dashboards');
  expect(await until((n) => n.length === 1)).toEqual(['Tableau de bord']);
  // The top bar generates one per level: the sidebar follows, nobody reloads it.
  await pageAction(page, () => page.click('#generate'));
  expect(await until((n) => n.includes('Direction'))).toEqual(
    expect.arrayContaining(['Direction', 'Managers', 'Équipes']),
  );
  expect(env.pg.workbook.emu.sheetNames()).not.toContain('Tableau de bord');
  expect(errors).toEqual([]);
  await page.context().close();
});

test('screenshots of the workbook, the sidebar and each dashboard', async () => {
  const shots = await takeScreenshots(env, ARTIFACTS, { allSheets: true, prefix: '20-' });
  expect(shots.dashboards.length).toBeGreaterThanOrEqual(1);
  expect(shots.sheets.length).toBeGreaterThanOrEqual(6);
});
