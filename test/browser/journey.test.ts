/**
 * The full journey in headless Chromium, against the real server code on the emulator: create an
 * objective, a KPI from a template, fill its source from the sheet selection, watch a SMART
 * finding turn from failure to pass, save; the KPI is on Home and in the storage sheet.
 */
import { control, horizontalOverflow, startBrowserEnv, type BrowserEnv, type Session } from './support';

jest.setTimeout(120_000);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => {
  await env?.close();
});

/** The storage table the add-on owns, found by its header (its name is the add-on's business). */
async function storedRows(sheetName: string): Promise<Record<string, unknown>[]> {
  const sheet = (await control(env.harness, `/test/sheet?name=${encodeURIComponent(sheetName)}`)) as {
    values: unknown[][];
  };
  const [header, ...rows] = sheet.values;
  return rows.map((r) => Object.fromEntries((header as string[]).map((k, i) => [k, r[i]])));
}

async function chip(s: Session, criterion: string): Promise<string | null> {
  return s.page.getAttribute(`[data-testid=smart-live] [data-criterion=${criterion}]`, 'data-level');
}

test('create an objective and a KPI from a template with the selected range, fix a SMART failure, save', async () => {
  const s = await env.open();
  const { page } = s;

  // Home, empty.
  await page.waitForSelector('[data-testid=home]');
  await page.waitForSelector('[data-testid=empty]');
  expect(await page.textContent('h1')).toBe('Objectifs et KPI');
  expect(await horizontalOverflow(page)).toBe(0);
  await s.shot('01-home-empty');

  // Step 1: no objective yet, so the wizard opens on "create".
  await page.click('#new-kpi');
  await page.waitForSelector('.wizard[data-step="1"]');
  expect(await page.isChecked('input[data-objective-choice="__new__"]')).toBe(true);
  // Next with an empty form: the messages sit next to the fields.
  await page.click('#wizard-next');
  await page.waitForSelector('#f-objective-title[aria-invalid=true]');
  expect(await page.textContent('#f-objective-title-error')).toMatch(/Titre\s:\sobligatoire/);
  expect(await page.textContent('#f-objective-horizon-error')).toMatch(/Échéance/);
  await s.shot('02-step1-objective-errors');
  await page.fill('#f-objective-title', "Rentabiliser l'acquisition en 2025");
  await page.fill('#f-objective-description', 'Chaque euro de marketing doit ramener des clients rentables.');
  await page.fill('#f-objective-horizon', '2025-12-31');
  await page.fill('#f-objective-owner', 'Claire Durand');
  await s.shot('03-step1-objective');
  await page.click('#wizard-next');

  // Step 2: a template fills the KPI.
  await page.waitForSelector('.wizard[data-step="2"]');
  await page.selectOption('#f-template', 'marketing_cac');
  await page.waitForFunction(() =>
    (document.getElementById('f-name') as HTMLInputElement).value.startsWith("Coût d'acquisition"),
  );
  expect(await page.inputValue('#f-unit')).toBe('€');
  expect(await page.inputValue('#f-direction')).toBe('lower');
  await page.fill('#f-owner', 'Claire Durand');
  expect(await chip(s, 'specific')).toBe('pass');
  expect(await horizontalOverflow(page)).toBe(0);
  await s.shot('04-step2-kpi-template');
  await page.click('#wizard-next');

  // Step 3: "use the selected range" fills the source and previews what was read.
  await page.waitForSelector('.wizard[data-step="3"]');
  expect(await chip(s, 'measurable')).toBe('failure');
  await control(env.harness, `/test/select?a1=${encodeURIComponent("'Ventes'!F2:F25")}`);
  await page.click('[data-use-selection=values]');
  await page.waitForFunction(
    () => (document.getElementById('f-source-values') as HTMLInputElement).value === 'Ventes!F2:F25',
  );
  await page.waitForSelector('[data-testid=preview-counts]');
  expect(await page.textContent('[data-testid=preview-counts]')).toMatch(
    /^24 cellules\s:\s24 nombres, 0 vide, 0 texte\.$/,
  );
  await control(env.harness, `/test/select?a1=${encodeURIComponent("'Ventes'!A2:A25")}`);
  await page.click('[data-use-selection=dates]');
  await page.waitForFunction(
    () => (document.getElementById('f-source-dates') as HTMLInputElement).value === 'Ventes!A2:A25',
  );
  // The template's formula ranges, from the selection too.
  await control(env.harness, `/test/select?a1=${encodeURIComponent("'Ventes'!D2:D25")}`);
  await page.click('[data-use-selection="input.spend"]');
  await page.waitForFunction(
    () => (document.getElementById('f-input-spend') as HTMLInputElement).value === 'Ventes!D2:D25',
  );
  await control(env.harness, `/test/select?a1=${encodeURIComponent("'Ventes'!C2:C25")}`);
  await page.click('[data-use-selection="input.new_customers"]');
  await page.waitForFunction(
    () => (document.getElementById('f-input-new-customers') as HTMLInputElement).value === 'Ventes!C2:C25',
  );
  await page.waitForSelector('[data-testid=preview] .sparkline');
  expect(await horizontalOverflow(page)).toBe(0);
  await s.shot('05-step3-data');
  await page.click('#wizard-next');

  // Step 4: the target is missing → Measurable fails; typing it turns the finding to pass, live.
  await page.waitForSelector('.wizard[data-step="4"]');
  expect(await chip(s, 'measurable')).toBe('failure');
  expect(await page.getAttribute('.smart-message', 'data-code')).toBe('target_missing');
  expect(await chip(s, 'timebound')).toBe('failure');
  expect(await page.textContent('[data-testid=baseline-suggestion]')).toMatch(/Suggérée d.après les données\s:\s\d/);
  const panelBox = await page.locator('[data-testid=smart-live]').boundingBox();
  await s.shot('06-step4-target-missing');
  await page.fill('#f-target', '150');
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid=smart-live] [data-criterion=measurable]')?.getAttribute('data-level') ===
      'pass',
  );
  await page.fill('#f-deadline', '2025-12-31');
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid=smart-live] [data-criterion=timebound]')?.getAttribute('data-level') ===
      'pass',
  );
  await page.click('#use-baseline');
  expect(await page.inputValue('#f-baseline')).toMatch(/^\d+$/);
  // The findings were announced, and updating them did not move the panel.
  expect(await page.textContent('[data-testid=announcer]')).toMatch(/Score SMART \d+\/100\. .*Mesurable\s:\svalidé\./);
  expect(await page.locator('[data-testid=smart-live]').boundingBox()).toEqual(panelBox);
  await s.shot('07-step4-target-fixed');

  // Back and next keep what was typed.
  await page.click('#wizard-back');
  await page.waitForSelector('.wizard[data-step="3"]');
  expect(await page.inputValue('#f-source-values')).toBe('Ventes!F2:F25');
  await page.click('#wizard-next');
  await page.waitForSelector('.wizard[data-step="4"]');
  expect(await page.inputValue('#f-target')).toBe('150');
  expect(await page.inputValue('#f-deadline')).toBe('2025-12-31');
  await page.click('#wizard-next');

  // Step 5: every finding with its explanation and fix.
  await page.waitForSelector('.wizard[data-step="5"]');
  const criteria = await page.$$eval('[data-testid=smart-review] .criterion', (els) =>
    els.map((e) => e.getAttribute('data-criterion')),
  );
  expect(criteria).toEqual(['specific', 'measurable', 'achievable', 'relevant', 'timebound']);
  expect(await page.getAttribute('[data-testid=smart-review] [data-criterion=measurable]', 'data-level')).toBe('pass');
  expect(await page.$$eval('[data-testid=smart-review] .finding', (els) => els.length)).toBeGreaterThan(4);
  expect(await horizontalOverflow(page)).toBe(0);
  await s.shot('08-step5-review');
  await page.click('#wizard-next');

  // Home lists the KPI with its latest value, status and SMART score.
  await page.waitForSelector('[data-testid=home] .kpi');
  expect(await page.textContent('[data-testid=toast]')).toMatch(/enregistré/);
  const kpi = page.locator('.kpi').first();
  expect(await kpi.locator('.kpi-name').textContent()).toBe("Coût d'acquisition client (CAC)");
  expect(await kpi.locator('.kpi-value').textContent()).toMatch(/\d.*€/);
  expect(await kpi.locator('[data-status]').getAttribute('data-status')).toMatch(/on_track|at_risk|off_track|no_data/);
  expect(await kpi.locator('.badge.smart').textContent()).toMatch(/^SMART \d+\/100$/);
  expect(await page.textContent('.objective-title')).toBe("Rentabiliser l'acquisition en 2025");
  expect(await horizontalOverflow(page)).toBe(0);
  await s.shot('09-home-with-kpi');

  // …and in the storage sheet on the emulator.
  const kpis = await storedRows('Boussole · KPI');
  expect(kpis).toHaveLength(1);
  expect(kpis[0]).toMatchObject({
    name: "Coût d'acquisition client (CAC)",
    unit: '€',
    direction: 'lower',
    sourceKind: 'range',
    sourceValues: 'Ventes!F2:F25',
    sourceDates: 'Ventes!A2:A25',
    target: 150,
    deadline: '2025-12-31',
    frequency: 'monthly',
    owner: 'Claire Durand',
    templateId: 'marketing_cac',
    formula: '=CAC(Ventes!D2:D25, Ventes!C2:C25)',
  });
  const objectives = await storedRows('Boussole · Objectifs');
  expect(objectives).toEqual([
    expect.objectContaining({
      title: "Rentabiliser l'acquisition en 2025",
      horizon: '2025-12-31',
      owner: 'Claire Durand',
    }),
  ]);
  expect(kpis[0].objectiveId).toBe(objectives[0].id);

  expect(s.dialogs).toEqual([]);
  expect(s.errors).toEqual([]);
  expect(s.strayRequests).toEqual([]);
});

test('the host page shows the sidebar in a 300 px iframe bridged to the emulator', async () => {
  const s = await env.open({ width: 1100 });
  await s.page.goto(env.harness.url);
  const frame = s.page.frameLocator('#sidebar');
  await frame.locator('[data-testid=home]').waitFor();
  const box = await s.page.locator('#sidebar').boundingBox();
  expect(box?.width).toBe(300);
  expect(await frame.locator('.kpi-name').first().textContent()).toBe("Coût d'acquisition client (CAC)");
  await s.page.screenshot({ path: 'artifacts/sidebar/00-harness-host-page.png' });
});

test('loading states: the first load, and a source being read', async () => {
  // The server's answers are held while the test looks at what is shown meanwhile.
  await control(env.harness, '/test/hold?on=1');
  try {
    const s = await env.open();
    const { page } = s;
    await page.waitForSelector('[data-testid=loading]');
    expect(await page.textContent('[data-testid=loading]')).toBe('Chargement…');
    await s.shot('40-loading');
    await control(env.harness, '/test/hold?on=0');
    await page.waitForSelector('[data-testid=home]');
    await page.click('[data-action=edit-kpi]');
    await page.waitForSelector('.wizard[data-step="2"]');
    await page.click('.stepper button[aria-label^="3."]');
    await page.waitForSelector('.wizard[data-step="3"]');
    // The KPI's own source (F2:F25) is read on opening it: its figures first.
    await page.waitForSelector('[data-testid=preview-counts]');
    expect(await page.getAttribute('[data-testid=preview]', 'data-source')).toMatch(/Ventes'?!F2:F25/);
    await control(env.harness, '/test/hold?on=1');
    await page.fill('#f-source-values', "'Ventes'!B2:B25");
    await page.waitForSelector('[data-testid=preview] .spinner');
    await s.shot('41-reading-source');
    await control(env.harness, '/test/hold?on=0');
    // The new source's figures, not the old ones (both ranges hold 24 cells; the KPI is a CAC
    // formula computed from its inputs, so its figures per period may be the same: the preview
    // says which source they are of).
    await page.waitForFunction(() => {
      const preview = document.querySelector('[data-testid=preview]');
      const shown = [...document.querySelectorAll('[data-testid=preview] .preview-values li')]
        .map((li) => li.textContent)
        .join('|');
      return (
        /24 cellules/.test(document.querySelector('[data-testid=preview-counts]')?.textContent ?? '') &&
        /Ventes'?!B2:B25/.test(preview?.getAttribute('data-source') ?? '') &&
        shown !== ''
      );
    });

    // A source being read, then replaced by one that cannot be read: the preview says so at once
    // (no spinner left for the read nobody waits for), and stays so when that read answers.
    await control(env.harness, '/test/hold?on=1');
    await page.fill('#f-source-values', "'Ventes'!C2:C25");
    await page.waitForSelector('[data-testid=preview] .spinner');
    await page.fill('#f-source-values', 'pas une plage');
    const previewEmpty = () =>
      /Saisissez une plage/.test(document.querySelector('[data-testid=preview]')?.textContent ?? '') &&
      !document.querySelector('[data-testid=preview] .spinner');
    await page.waitForFunction(previewEmpty, undefined, { timeout: 5_000 });
    const answered = page.waitForResponse((r) => r.url().endsWith('/rpc'));
    await control(env.harness, '/test/hold?on=0');
    await answered;
    expect(await page.evaluate(previewEmpty)).toBe(true);
  } finally {
    await control(env.harness, '/test/hold?on=0');
  }
});
