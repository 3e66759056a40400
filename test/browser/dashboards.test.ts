/**
 * Dashboards from the sidebar: generate them from Home, refresh now and read the last run, set the
 * scheduled refresh in the settings (one trigger per document, replaced on change); a server
 * failure during generation is a readable message and the previous dashboards stay.
 */
import { runServerCall } from '../../playground/server';
import type { Objective } from '../../src/core/kpi/model';
import { control, horizontalOverflow, startBrowserEnv, type BrowserEnv } from './support';

jest.setTimeout(120_000);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => {
  await env?.close();
});

function call<T>(method: string, args: unknown[]): T {
  const r = runServerCall(env.harness.emu, method, args);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** One objective and one KPI in storage, saved through the real server API. */
function seed(): void {
  env.harness.reset();
  const o = call<{ ok: boolean; value: Objective }>('saveObjective', [
    {
      title: 'Répondre vite aux clients',
      description: 'Le support répond dans la journée.',
      horizon: '2025-12-31',
      level: 'tactical',
      owner: 'Paul',
    },
  ]);
  if (!o.ok) throw new Error(`seed objective: ${JSON.stringify(o)}`);
  const k = call<{ ok: boolean }>('saveKpi', [
    {
      name: 'Délai de première réponse',
      definition: 'Heures entre la réception d’un ticket et la première réponse humaine, en moyenne sur le mois.',
      unit: 'hours',
      direction: 'lower',
      objectiveId: o.value.id,
      indicator: 'leading',
      source: { kind: 'range', values: "'Service client'!C2:C25", dates: "'Service client'!A2:A25" },
      baseline: null,
      target: 6,
      deadline: '2025-12-31',
      frequency: 'monthly',
      benchmark: null,
      owner: 'Paul',
      level: 'tactical',
    },
  ]);
  if (!k.ok) throw new Error(`seed kpi: ${JSON.stringify(k)}`);
}

const refreshTriggers = () => env.harness.emu.triggers().filter((tr) => tr.handler === 'runScheduledRefresh');

test('generate the dashboards, refresh now, schedule the refresh; a failed generation keeps the previous dashboards', async () => {
  seed();
  const before = env.harness.emu.sheetNames();
  const s = await env.open();
  const { page } = s;

  // Home: the section, nothing generated, never run.
  await page.waitForSelector('[data-testid=dashboards]');
  expect(await page.textContent('#dashboards-title')).toBe('Tableaux de bord');
  await page.waitForSelector('[data-testid=dashboards-none]');
  expect(await page.textContent('#generate-dashboards')).toBe('Générer');
  expect(await page.getAttribute('[data-testid=last-run]', 'data-state')).toBe('never');
  expect(await page.textContent('[data-testid=last-run]')).toMatch(/Jamais exécutée/);
  expect(await page.isChecked('#dashboard-layout-by_level')).toBe(true);
  await page.locator('[data-testid=dashboards]').scrollIntoViewIfNeeded();
  expect(await horizontalOverflow(page)).toBe(0);
  await s.shot('50-dashboards-none');

  // Generate, with the keyboard: the dashboard sheet appears and the section lists it.
  await page.focus('#generate-dashboards');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=dashboard-list] li');
  expect(await page.textContent('[data-testid=dashboards-result]')).toMatch(/généré/);
  const listed = await page.$$eval('[data-testid=dashboard-list] li', (els) =>
    els.map((e) => e.getAttribute('data-sheet')),
  );
  expect(listed).toHaveLength(1);
  const created = env.harness.emu.sheetNames().filter((n) => !before.includes(n));
  expect(created).toContain(listed[0]);
  expect(((await control(env.harness, '/test/sheets')) as { sheets: string[] }).sheets).toContain(listed[0]);
  expect(await page.textContent('#generate-dashboards')).toBe('Régénérer');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('generate-dashboards');
  expect(await page.textContent('[data-testid=announcer]')).toMatch(/généré/);
  await s.shot('51-dashboards-generated');

  // Refresh now: the last run shows when, the rows written, no errors.
  await page.click('#refresh-now');
  await page.waitForFunction(() =>
    /Actualisation terminée/.test(document.querySelector('[data-testid=dashboards-result]')?.textContent ?? ''),
  );
  await page.waitForSelector('[data-testid=last-run][data-state=ok], [data-testid=last-run][data-state=errors]');
  const rows = Number(await page.getAttribute('[data-testid=last-run-rows]', 'data-rows'));
  expect(rows).toBeGreaterThanOrEqual(0);
  expect(await page.textContent('[data-testid=last-run-rows]')).toBe(
    `${rows} ligne${rows > 1 ? 's' : ''} écrite${rows > 1 ? 's' : ''}`,
  );
  expect(await page.textContent('[data-testid=last-run-when]')).toMatch(
    /^\d{1,2}\s\S+ \d{4} à \d{1,2}\u00a0h\u00a0\d{2}$/,
  );
  expect(await page.textContent('[data-testid=last-run]')).toMatch(/manuelle/);
  if ((await page.getAttribute('[data-testid=last-run]', 'data-state')) === 'ok')
    expect(await page.textContent('[data-testid=last-run-ok]')).toBe('Aucune erreur.');
  expect(await page.textContent('[data-testid=dashboards-result]')).toMatch(/Actualisation terminée/);
  await page.locator('[data-testid=last-run]').scrollIntoViewIfNeeded();
  await s.shot('52-dashboards-refreshed');

  // Settings: off, then every day at 7 → exactly one trigger.
  await page.click('#open-settings');
  await page.waitForSelector('[data-testid=schedule]');
  expect(await page.getAttribute('[data-testid=schedule-current]', 'data-kind')).toBe('off');
  expect(await page.isChecked('#schedule-kind-off')).toBe(true);
  expect(await page.isHidden('#f-schedule-hour')).toBe(true);
  await s.shot('53-schedule-off');
  await page.check('#schedule-kind-daily');
  expect(await page.isVisible('#f-schedule-hour')).toBe(true);
  expect(await page.isHidden('#f-schedule-day')).toBe(true);
  await page.selectOption('#f-schedule-hour', '7');
  await page.click('#save-schedule');
  await page.waitForFunction(
    () => document.querySelector('[data-testid=schedule-current]')?.getAttribute('data-kind') === 'daily',
  );
  expect(await page.textContent('[data-testid=schedule-current]')).toBe('Actuellement\u00a0: chaque jour à 7\u00a0h');
  expect(await page.textContent('[data-testid=schedule-result]')).toBe(
    'Planification enregistrée\u00a0: chaque jour à 7\u00a0h.',
  );
  expect(refreshTriggers()).toHaveLength(1);
  expect(env.harness.emu.triggers()).toHaveLength(1);
  expect(await horizontalOverflow(page)).toBe(0);
  await s.shot('54-schedule-daily');

  // Weekly on Friday at 18: still exactly one.
  await page.check('#schedule-kind-weekly');
  await page.selectOption('#f-schedule-day', 'FRIDAY');
  await page.selectOption('#f-schedule-hour', '18');
  await page.click('#save-schedule');
  await page.waitForFunction(
    () => document.querySelector('[data-testid=schedule-current]')?.getAttribute('data-kind') === 'weekly',
  );
  expect(await page.textContent('[data-testid=schedule-current]')).toBe(
    'Actuellement\u00a0: chaque vendredi à 18\u00a0h',
  );
  expect(refreshTriggers()).toHaveLength(1);
  expect(env.harness.emu.triggers()).toHaveLength(1);
  await s.shot('55-schedule-weekly');

  // Loaded again with the sidebar: the current schedule comes from getSchedule.
  const again = await env.open();
  await again.page.waitForSelector('[data-testid=home]');
  await again.page.click('#open-settings');
  await again.page.waitForSelector('[data-testid=schedule]');
  expect(await again.page.textContent('[data-testid=schedule-current]')).toBe(
    'Actuellement\u00a0: chaque vendredi à 18\u00a0h',
  );
  expect(await again.page.isChecked('#schedule-kind-weekly')).toBe(true);
  expect(await again.page.inputValue('#f-schedule-day')).toBe('FRIDAY');
  expect(await again.page.inputValue('#f-schedule-hour')).toBe('18');

  // Off: none.
  await page.check('#schedule-kind-off');
  await page.click('#save-schedule');
  await page.waitForFunction(
    () => document.querySelector('[data-testid=schedule-current]')?.getAttribute('data-kind') === 'off',
  );
  expect(refreshTriggers()).toHaveLength(0);
  expect(env.harness.emu.triggers()).toHaveLength(0);

  // A failure while regenerating: a readable message, and the previous dashboard is still there.
  await page.click('#settings-back');
  await page.waitForSelector('[data-testid=dashboards] [data-testid=dashboard-list]');
  await control(env.harness, '/test/fail-on?method=Sheets.Spreadsheets.batchUpdate');
  await page.click('#generate-dashboards');
  await page.waitForSelector('[data-testid=dashboards-error]');
  const message = (await page.textContent('[data-testid=dashboards-error]')) ?? '';
  expect(message).toMatch(/^La génération a échoué\u00a0: .+ Les tableaux de bord précédents sont conservés\.$/);
  expect(message).not.toMatch(/undefined|\[object|TypeError|at \w+ \(/);
  expect(env.harness.emu.sheetNames()).toContain(listed[0]);
  expect(
    await page.$$eval('[data-testid=dashboard-list] li', (els) => els.map((e) => e.getAttribute('data-sheet'))),
  ).toEqual(listed);
  expect(await page.isEnabled('#generate-dashboards')).toBe(true);
  await page.locator('[data-testid=dashboards-error]').scrollIntoViewIfNeeded();
  await s.shot('56-dashboards-generate-failed');

  expect(s.dialogs).toEqual([]);
  expect(s.errors).toEqual([]);
  expect(s.strayRequests).toEqual([]);
});

test('in English, with the overall layout; the schedule settings speak English', async () => {
  seed();
  call('saveSettings', [{ lang: 'en' }]);
  try {
    const s = await env.open();
    const { page } = s;
    await page.waitForSelector('[data-testid=dashboards]');
    expect(await page.textContent('#dashboards-title')).toBe('Dashboards');
    expect(await page.textContent('[data-testid=last-run]')).toMatch(/Never run/);
    await page.check('#dashboard-layout-overall');
    await page.click('#generate-dashboards');
    await page.waitForSelector('[data-testid=dashboard-list] li[data-level=overall]');
    expect(await page.textContent('#generate-dashboards')).toBe('Regenerate');
    expect(await page.isChecked('#dashboard-layout-overall')).toBe(true);
    await page.click('#refresh-now');
    await page.waitForSelector('[data-testid=last-run-when]');
    expect(await page.textContent('[data-testid=last-run-when]')).toMatch(/^\d{1,2} \S+ \d{4} at \d{1,2}:\d{2} [AP]M$/);
    await page.locator('[data-testid=last-run]').scrollIntoViewIfNeeded();
    await s.shot('57-en-dashboards');
    // A run that fails is not e-mailed: its errors are listed under the last run.
    await control(env.harness, '/test/fail-call?method=refreshNow');
    await page.click('#refresh-now');
    await page.waitForSelector('[data-testid=last-run][data-state=errors]');
    expect(await page.textContent('.run-errors-title')).toMatch(/^1 error:$/);
    expect(await page.textContent('[data-testid=last-run-errors] li')).toMatch(/\w/);
    expect(await page.textContent('[data-testid=dashboards-error]')).toBe(
      'Refresh finished with 1 error: see the last refresh below.',
    );
    expect(await page.textContent('[data-testid=last-run-when]')).toMatch(/^\d{1,2} \S+ \d{4} at \d{1,2}:\d{2} [AP]M$/);
    await page.locator('[data-testid=last-run]').scrollIntoViewIfNeeded();
    await s.shot('59-en-last-run-errors');
    await page.click('#open-settings');
    await page.check('#schedule-kind-hourly');
    await page.click('#save-schedule');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=schedule-current]')?.getAttribute('data-kind') === 'hourly',
    );
    expect(await page.textContent('[data-testid=schedule-result]')).toBe('Schedule saved: every hour.');
    expect(refreshTriggers()).toHaveLength(1);
    await s.shot('58-en-schedule-hourly');
    expect(s.errors).toEqual([]);
  } finally {
    env.harness.reset();
  }
});
