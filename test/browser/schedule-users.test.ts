/**
 * Two users, one schedule (#14, item 5): a trigger belongs to the user who made it and only they
 * see it, and a document has one schedule, run by the trigger of the last user to save it. Each
 * user's settings say whose trigger runs it, and whether a trigger of theirs is left over.
 */
import { runServerCall } from '../../playground/server';
import { startBrowserEnv, type BrowserEnv } from './support';

jest.setTimeout(120_000);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => {
  await env?.close();
});

function call(method: string, args: unknown[]): unknown {
  const r = runServerCall(env.harness.emu, method, args);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value;
}

test("A's settings after B saved a weekly schedule over A's daily one: B's runs, A's old trigger goes", async () => {
  env.harness.reset();
  const s = await env.open();
  const { page } = s;
  await page.waitForSelector('[data-testid=home]');
  await page.click('#open-settings');
  await page.waitForSelector('[data-testid=schedule]');
  await page.check('#schedule-kind-daily');
  await page.selectOption('#f-schedule-hour', '7');
  await page.click('#save-schedule');
  await page.waitForSelector('[data-testid=schedule-current][data-kind=daily]');
  // Run by A's own trigger: nothing more to say.
  expect(await page.isHidden('[data-testid=schedule-runner]')).toBe(true);

  // Bruno, who shares the file, sets every Monday at 9 from his own sidebar.
  env.harness.emu.asUser('bruno@pme.fr', () => call('setSchedule', [{ kind: 'weekly', day: 'MONDAY', hour: 9 }]));
  expect(env.harness.emu.triggers().map((t) => t.user)).toEqual([expect.any(String), 'bruno@pme.fr']);

  const again = await env.open();
  await again.page.waitForSelector('[data-testid=home]');
  await again.page.click('#open-settings');
  await again.page.waitForSelector('[data-testid=schedule-runner]');
  expect(await again.page.textContent('[data-testid=schedule-current]')).toBe(
    'Actuellement\u00a0: chaque lundi à 9\u00a0h',
  );
  expect(await again.page.textContent('[data-testid=schedule-runner]')).toBe(
    'Lancée par un autre utilisateur\u202f; enregistrer la vôtre la remplace. Votre ancien déclencheur ne lance plus rien et se supprimera.',
  );
  await again.shot('58-schedule-another-user');
});
