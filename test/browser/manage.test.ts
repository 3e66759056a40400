/**
 * Editing and deleting from Home, with inline confirmation; server failures (injected faults on
 * the emulator) reach the user as messages and the sidebar stays usable.
 */
import { runServerCall } from '../../playground/server';
import type { Kpi, Objective } from '../../src/core/kpi/model';
import { atStep, control, next, startBrowserEnv, type BrowserEnv } from './support';

jest.setTimeout(120_000);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => {
  await env?.close();
});

/** Seeds storage through the real server API, as a previous session of the sidebar would have. */
function seed(): { objective: Objective; kpi: Kpi } {
  env.harness.reset();
  const o = runServerCall(env.harness.emu, 'saveObjective', [
    {
      title: 'Répondre vite aux clients',
      description: 'Le support répond dans la journée.',
      horizon: '2025-12-31',
      level: 'tactical',
      owner: 'Paul',
    },
  ]);
  if (!o.ok || !(o.value as { ok: boolean }).ok) throw new Error(`seed objective: ${JSON.stringify(o)}`);
  const objective = (o.value as { value: Objective }).value;
  const k = runServerCall(env.harness.emu, 'saveKpi', [
    {
      name: 'Délai de première réponse',
      definition: 'Heures entre la réception d’un ticket et la première réponse humaine, en moyenne sur le mois.',
      unit: 'hours',
      direction: 'lower',
      objectiveId: objective.id,
      indicator: 'leading',
      source: { kind: 'range', values: "'Service client'!C2:C25", dates: "'Service client'!A2:A25" },
      baseline: null,
      target: 6,
      deadline: '2025-12-31',
      frequency: 'monthly',
      benchmark: null,
      owner: 'Paul',
      level: 'operational',
    },
  ]);
  if (!k.ok || !(k.value as { ok: boolean }).ok) throw new Error(`seed kpi: ${JSON.stringify(k)}`);
  return { objective, kpi: (k.value as { value: Kpi }).value };
}

async function kpiRows(): Promise<Record<string, unknown>[]> {
  const sheet = (await control(env.harness, `/test/sheet?name=${encodeURIComponent('Boussole · KPI')}`)) as {
    values: unknown[][];
  };
  const [header, ...rows] = sheet.values;
  return rows
    .filter((r) => r.some((v) => v !== '' && v !== null))
    .map((r) => Object.fromEntries((header as string[]).map((k, i) => [k, r[i]])));
}

test('edit a KPI: fields come back filled, the stepper jumps, the change is stored', async () => {
  const { kpi } = seed();
  const s = await env.open();
  const { page } = s;
  await page.waitForSelector(`.kpi[data-kpi-id="${kpi.id}"]`);
  expect(await page.textContent('.kpi-value')).toMatch(/h$/);
  await page.click(`.kpi[data-kpi-id="${kpi.id}"] [data-action=edit-kpi]`);
  await atStep(page, 2);
  expect(await page.textContent('h1')).toBe('Modifier le KPI');
  expect(await page.inputValue('#f-name')).toBe('Délai de première réponse');
  expect(await page.inputValue('#f-unit')).toBe('hours');

  // A required field emptied: the message sits next to it and Next stays on the step.
  await page.fill('#f-name', '');
  await page.click('#wizard-next');
  await page.waitForSelector('#f-name[aria-invalid=true]');
  expect(await page.textContent('#f-name-error')).toMatch(/^Nom\s:\sobligatoire\.$/);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-name');
  await s.shot('10-edit-validation-next-to-field');
  await page.fill('#f-name', 'Délai de 1re réponse au support');
  expect(await page.textContent('#f-name-error')).toBe('');

  // Editing: every step is reachable from the stepper.
  await page.click('.stepper button[aria-label^="4."]');
  await atStep(page, 4);
  expect(await page.inputValue('#f-target')).toBe('6');
  await page.fill('#f-target', '5,5');
  await page.click('.stepper button[aria-label^="3."]');
  await atStep(page, 3);
  await page.waitForSelector('[data-testid=preview-counts]');
  expect(await page.inputValue('#f-source-values')).toBe("'Service client'!C2:C25");
  await s.shot('11-edit-step3-preview');
  await next(page, 4);
  expect(await page.inputValue('#f-target')).toBe('5,5');
  await next(page, 5);
  await next(page, 'home');
  await page.waitForSelector('.kpi-name');
  expect(await page.textContent('.kpi-name')).toBe('Délai de 1re réponse au support');
  const rows = await kpiRows();
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ id: kpi.id, name: 'Délai de 1re réponse au support', target: 5.5 });
  expect(s.dialogs).toEqual([]);
  expect(s.errors).toEqual([]);
});

test('delete with confirmation: cancel keeps it, confirm removes it; an objective with KPIs is refused with a message', async () => {
  const { objective, kpi } = seed();
  const s = await env.open();
  const { page } = s;
  await page.waitForSelector(`.kpi[data-kpi-id="${kpi.id}"]`);

  // The objective still has a KPI: the server refuses, and says why, next to the row.
  await page.click(`[data-objective-id="${objective.id}"] [data-action=delete-objective]`);
  await page.click('[data-action=confirm-delete]');
  await page.waitForSelector('.confirm .error:not(:empty)');
  expect((await page.textContent('.confirm .error'))!.length).toBeGreaterThan(10);
  await s.shot('12-delete-objective-refused');
  await page.click('[data-action=cancel-delete]');

  await page.click(`.kpi[data-kpi-id="${kpi.id}"] [data-action=delete-kpi]`);
  expect(await page.textContent('.kpi .confirm')).toMatch(/Supprimer le KPI «\sDélai de première réponse\s»\s\?/);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('cancel-delete');
  await s.shot('13-delete-kpi-confirm');
  await page.click('[data-action=cancel-delete]');
  expect(await page.isVisible(`.kpi[data-kpi-id="${kpi.id}"] [data-action=delete-kpi]`)).toBe(true);
  expect(await kpiRows()).toHaveLength(1);

  await page.click(`.kpi[data-kpi-id="${kpi.id}"] [data-action=delete-kpi]`);
  await page.click('[data-action=confirm-delete]');
  await page.waitForSelector(`.kpi[data-kpi-id="${kpi.id}"]`, { state: 'detached' });
  expect(await page.textContent('[data-testid=toast]')).toMatch(/supprimé/);
  expect(await kpiRows()).toHaveLength(0);

  // Now the objective can go.
  await page.click(`[data-objective-id="${objective.id}"] [data-action=delete-objective]`);
  await page.click('[data-action=confirm-delete]');
  await page.waitForSelector('[data-testid=empty]');
  await s.shot('14-after-deletes-empty');
  expect(s.dialogs).toEqual([]);
  expect(s.errors).toEqual([]);
});

test('a server failure is shown as a readable message, and the sidebar stays usable', async () => {
  const { kpi } = seed();

  // The very first load fails: a page with the message and Retry. (The load calls bootstrap and
  // getSchedule at once, in either order: the fault is put on bootstrap's first service call.)
  await control(
    env.harness,
    `/test/fail-call?method=bootstrap&message=${encodeURIComponent('Service Spreadsheets indisponible')}`,
  );
  const s = await env.open();
  const { page } = s;
  await page.waitForSelector('.fatal');
  expect(await page.textContent('.fatal .error')).toMatch(/Service Spreadsheets indisponible/);
  await s.shot('15-fault-on-load');
  await page.click('.fatal button');
  await page.waitForSelector(`.kpi[data-kpi-id="${kpi.id}"]`);

  // A save fails in the middle: the message is in the banner, what was typed stays.
  await page.click(`.kpi[data-kpi-id="${kpi.id}"] [data-action=edit-kpi]`);
  await atStep(page, 2);
  await page.fill('#f-name', 'Délai de réponse (fautif)');
  await page.click('.stepper button[aria-label^="5."]');
  await atStep(page, 5);
  await control(env.harness, '/test/fail-on?method=Range.setValues');
  await page.click('#wizard-next');
  await page.waitForSelector('[data-testid=error-banner]');
  expect(await page.textContent('[data-testid=error-banner]')).toMatch(/Erreur\s:\s.*injected fault/);
  expect(await page.getAttribute('.banner-slot', 'role')).toBe('alert');
  await atStep(page, 5);
  expect(await page.isEnabled('#wizard-next')).toBe(true);
  await s.shot('16-fault-on-save');
  expect((await kpiRows())[0].name).toBe('Délai de première réponse');

  // Trying again works.
  await next(page, 'home');
  expect(await page.textContent('.kpi-name')).toBe('Délai de réponse (fautif)');
  expect((await kpiRows())[0].name).toBe('Délai de réponse (fautif)');

  // A failing read of the selection, on step 3. (The source is read too, on opening the KPI: the
  // fault is put on the selection's read, not on whichever call comes first.)
  await page.click('[data-action=edit-kpi]');
  await atStep(page, 2);
  await next(page, 3);
  await page.waitForSelector('[data-testid=preview-counts]');
  await control(env.harness, '/test/fail-call?method=readSelection');
  await page.click('[data-use-selection=values]');
  await page.waitForSelector('[data-testid=error-banner]');
  expect(await page.textContent('[data-testid=error-banner]')).toMatch(/injected fault/);
  expect(await page.inputValue('#f-source-values')).toBe("'Service client'!C2:C25");
  expect(s.dialogs).toEqual([]);
  expect(s.errors).toEqual([]);
});

test('keyboard only: open the wizard, pick the objective, fill and move on with Enter', async () => {
  seed();
  const s = await env.open();
  const { page } = s;
  await page.waitForSelector('.kpi');
  // Focus starts on the screen's heading; the primary action comes next, settings before it.
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  await page.keyboard.press('Shift+Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('open-settings');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('new-kpi');
  await page.keyboard.press('Enter');
  await atStep(page, 1);
  // Focus lands on the step's heading; the radios are reachable and arrow keys move between them.
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  await page.keyboard.press('Tab'); // Cancel
  await page.keyboard.press('Tab'); // the objective radio
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('objective-choice');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await atStep(page, 2);
  await page.focus('#f-name');
  await page.keyboard.type('Tickets résolus au premier contact');
  await page.keyboard.press('Enter');
  // Enter submits; the step's required fields are then reported, focus on the first.
  await page.waitForSelector('#f-unit[aria-invalid=true]');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-unit');
  await page.keyboard.press('ArrowDown'); // picks a unit in the focused select
  expect(await page.inputValue('#f-unit')).not.toBe('');
  await s.shot('17-keyboard-step2');
  expect(s.errors).toEqual([]);
});
