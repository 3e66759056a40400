/**
 * Hostile text typed in every text field: nothing executes, no dialog fires, nothing loads, and
 * the text is stored and shown exactly as typed. Fields that expect a reference or a number say
 * so next to the field. 5,000 characters with no space to wrap at are stored and shown as typed too,
 * without horizontal scroll.
 */
import type { Page } from 'playwright-core';
import {
  atStep,
  control,
  horizontalOverflow,
  next,
  startBrowserEnv,
  useSelection,
  type BrowserEnv,
  type Session,
} from './support';

jest.setTimeout(180_000);

const HOSTILE: Record<string, string> = {
  html: '<img src=x onerror=alert(1)>',
  script: '</script><svg onload=alert(2)>',
  formula: '=HYPERLINK("http://x")',
  emoji: '📈 Ventes 🚀 👩🏽‍💼 €',
  rtl: 'مؤشر المبيعات الشهرية',
  long: 'A'.repeat(2500) + 'ب'.repeat(2500), // 5,000 characters, no space to wrap at
};

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => {
  await env?.close();
});

async function rows(sheetName: string): Promise<{ values: Record<string, unknown>[]; formulas: string[][] }> {
  const sheet = (await control(env.harness, `/test/sheet?name=${encodeURIComponent(sheetName)}`)) as {
    values: unknown[][];
    formulas: string[][];
  };
  const [header, ...body] = sheet.values;
  return {
    values: body.map((r) => Object.fromEntries((header as string[]).map((k, i) => [k, r[i]]))),
    formulas: sheet.formulas.slice(1),
  };
}

/** Nothing the payloads carry may have run or loaded. */
async function expectInert(s: Session): Promise<void> {
  const { page } = s;
  expect(s.dialogs).toEqual([]);
  expect(s.errors).toEqual([]);
  expect(s.strayRequests).toEqual([]);
  // No element came out of the text: no image, no stray SVG, no handler attribute, no script beyond the page's own.
  expect(
    await page.evaluate(() => document.querySelectorAll('img, svg:not(.sparkline), [onerror], [onload]').length),
  ).toBe(0);
  expect(await page.evaluate(() => document.querySelectorAll('#app script').length)).toBe(0);
  expect(await page.evaluate(() => document.scripts.length)).toBe(2); // the google.script.run shim and the bundle
}

async function blurWith(page: Page, id: string, text: string): Promise<void> {
  await page.fill(`#${id}`, text);
  await page.evaluate((x) => (document.getElementById(x) as HTMLElement).blur(), id);
}

test.each(Object.entries(HOSTILE))(
  '%s text in every field is inert, stored and shown as typed',
  async (label, text) => {
    const s = await env.open();
    const { page } = s;
    await page.waitForSelector('[data-testid=home]');
    await page.click('#new-kpi');
    await atStep(page, 1);
    const create = page.locator('input[data-objective-choice="__new__"]');
    if (!(await create.isChecked())) await create.check();
    await page.fill('#f-objective-title', text);
    await page.fill('#f-objective-description', text);
    await page.fill('#f-objective-horizon', '2025-12-31');
    await page.fill('#f-objective-owner', text);
    await next(page, 2);

    // Keystroke by keystroke in the name (live SMART checks run on each), pasted elsewhere.
    if (text.length > 100) await page.fill('#f-name', text);
    else await page.locator('#f-name').pressSequentially(text);
    await page.fill('#f-definition', `${text} ${text}`);
    await page.selectOption('#f-unit', 'other');
    await page.fill('#f-unitLabel', text);
    await page.selectOption('#f-direction', 'higher');
    await page.selectOption('#f-indicator', 'leading');
    await page.selectOption('#f-level', 'operational');
    await page.fill('#f-owner', text);
    expect(await page.textContent('.smart-live')).toBeTruthy();
    await next(page, 3);

    // A reference field refuses the text, next to the field, quoting it harmlessly.
    await blurWith(page, 'f-source-values', text);
    await page.click('#wizard-next');
    await page.waitForSelector('#f-source-values[aria-invalid=true]');
    expect(await page.textContent('#f-source-values-error')).toContain(text.length > 38 ? text.slice(0, 30) : text);
    await s.shot(`30-hostile-${label}-source-refused`);
    await useSelection(env.harness, page, "'Ventes'!E2:E25", 'values', 'f-source-values');
    await page.waitForSelector('[data-testid=preview-counts]');
    await next(page, 4);

    // So do the number fields.
    await page.fill('#f-target', text);
    await page.click('#wizard-next');
    await page.waitForSelector('#f-target[aria-invalid=true]');
    expect(await page.textContent('#f-target-error')).toMatch(/n'est pas un nombre/);
    await page.fill('#f-target', '12000');
    await page.fill('#f-deadline', '2025-12-31');
    await page.selectOption('#f-frequency', 'monthly');
    await next(page, 5);
    await s.shot(`31-hostile-${label}-review`);
    await next(page, 'home');
    await page.waitForSelector('.kpi');

    // Shown as typed…
    const objective = page.locator('.objective', { has: page.locator('.objective-title', { hasText: text }) }).last();
    expect(await objective.locator('.objective-title').textContent()).toBe(text);
    expect(await objective.locator('.description').textContent()).toBe(text);
    expect(await objective.locator('.kpi-name').textContent()).toBe(text);
    expect(await objective.locator('.kpi-value').textContent()).toMatch(
      new RegExp(`\\s${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    );
    expect(await horizontalOverflow(page)).toBe(0);
    await s.shot(`32-hostile-${label}-home`);

    // …and stored as typed, as text (a leading "=" is not a formula).
    const objectives = await rows('Boussole · Objectifs');
    const o = objectives.values.find((r) => r.title === text);
    expect(o).toMatchObject({ title: text, description: text, owner: text });
    const kpis = await rows('Boussole · KPI');
    const i = kpis.values.findIndex((r) => r.name === text);
    expect(kpis.values[i]).toMatchObject({
      name: text,
      definition: `${text} ${text}`,
      unitLabel: text,
      owner: text,
      objectiveId: o!.id,
    });
    expect(kpis.formulas[i].filter((f) => f !== '')).toEqual([]);

    // The wizard shows it back as typed when editing.
    await objective.locator('[data-action=edit-kpi]').click();
    await atStep(page, 2);
    expect(await page.inputValue('#f-name')).toBe(text);
    expect(await page.inputValue('#f-unitLabel')).toBe(text);
    await page.click('.stepper button[aria-label^="1."]');
    await atStep(page, 1);
    expect(await page.locator('.choice-label', { hasText: text }).count()).toBeGreaterThan(0);
    await page.click('#wizard-cancel');
    await expectInert(s);
  },
);
