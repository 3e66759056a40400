/** French or English after the user's locale, switchable in the settings. */
import { atStep, control, next, startBrowserEnv, useSelection, type BrowserEnv } from './support';

jest.setTimeout(120_000);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv({ locale: 'en_US', userLocale: 'en' });
});
afterAll(async () => {
  await env?.close();
});

test('an English user gets English throughout: Home, wizard, field messages, SMART findings', async () => {
  const s = await env.open();
  const { page } = s;
  await page.waitForSelector('[data-testid=home]');
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  expect(await page.textContent('h1')).toBe('Objectives and KPIs');
  expect(await page.textContent('[data-testid=empty]')).toMatch(/No objectives yet/);
  await s.shot('20-en-home-empty');

  await page.click('#new-kpi');
  await atStep(page, 1);
  await page.click('#wizard-next');
  await page.waitForSelector('#f-objective-title[aria-invalid=true]');
  expect(await page.textContent('#f-objective-title-error')).toBe('Title: required.');
  await page.fill('#f-objective-title', 'Grow recurring revenue to 70k a month');
  await page.fill('#f-objective-horizon', '2025-12-31');
  await next(page, 2);
  await page.selectOption('#f-template', 'marketing_organic_traffic');
  expect(await page.inputValue('#f-name')).toBe('Monthly organic traffic');
  await next(page, 3);
  await useSelection(env.harness, page, "'Ventes'!E2:E25", 'values', 'f-source-values');
  await page.waitForSelector('[data-testid=preview-counts]');
  expect(await page.textContent('[data-testid=preview-counts]')).toBe('24 cells: 24 numbers, 0 blanks, 0 texts.');
  await s.shot('21-en-step3');
  await next(page, 4);
  expect(await page.textContent('.smart-message')).toMatch(/^Measurable — /);
  await page.fill('#f-target', '12,000');
  await page.fill('#f-deadline', '2025-12-31');
  await next(page, 5);
  expect(await page.textContent('[data-testid=smart-review] h3')).toMatch(/Specific/);
  await s.shot('22-en-review');
  await next(page, 'home');
  await page.waitForSelector('.kpi');
  expect(await page.textContent('.kpi-value')).toMatch(/^[\d,]+\svisits$/);
  const sheet = (await control(env.harness, `/test/sheet?name=${encodeURIComponent('Boussole · KPIs')}`)) as {
    values: unknown[][];
  };
  const header = sheet.values[0] as string[];
  expect(sheet.values[1][header.indexOf('target')]).toBe(12000);
  await s.shot('23-en-home');
  expect(s.errors).toEqual([]);
});

test('the language can be switched in the settings, and back to automatic', async () => {
  const s = await env.open();
  const { page } = s;
  await page.waitForSelector('[data-testid=home]');
  await page.click('#open-settings');
  await page.waitForSelector('#f-lang');
  await page.selectOption('#f-lang', 'fr');
  await s.shot('24-settings');
  await page.click('#save-settings');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Objectifs et KPI');
  expect(await page.getAttribute('html', 'lang')).toBe('fr');
  expect(await page.textContent('[data-testid=toast]')).toBe('Paramètres enregistrés.');
  // The unit label is the KPI's own text (typed in English); the number follows the language.
  expect(await page.textContent('.kpi-value')).toMatch(/^\d\s\d{3}\svisits$/);
  await s.shot('25-fr-after-switch');

  // The wizard speaks French too, including the SMART engine's findings.
  await page.click('[data-action=edit-kpi]');
  await atStep(page, 2);
  expect(await page.textContent('.step-of')).toBe('Étape 2 sur 5 · KPI');
  await page.click('.stepper button[aria-label^="5."]');
  await atStep(page, 5);
  expect(await page.textContent('[data-testid=smart-review] h3')).toMatch(/Spécifique/);
  await page.click('#wizard-cancel');

  await page.click('#open-settings');
  await page.selectOption('#f-lang', 'auto');
  await page.click('#save-settings');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Objectives and KPIs');
  expect(s.errors).toEqual([]);
});
