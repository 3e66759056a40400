/**
 * The wizard's data step on real-shaped rows, in headless Chromium against the server code on the
 * emulator: an invoice list (several invoices a month, unsorted, dd/mm/yyyy text and real dates, a
 * credit note at the bottom; test/support/real-data.ts, values by hand). The step asks for the
 * aggregation with the template's or unit's default, previews one value per month with the month
 * in progress marked, names the judged period; the SMART review and the target step use the same
 * judged value; another aggregation reads the rows again.
 */
import { fromWallClock } from '../../emulator/dates';
import { serverApi } from '../../src/addon/api';
import { type FixtureCell, INVOICES } from '../support/real-data';
import { startBrowserEnv, horizontalOverflow, type BrowserEnv } from './support';

jest.setTimeout(180_000);

const ZONE = 'Europe/Paris';
/** A fixture cell as the sheet holds it: date cells at local midnight; text typed with an apostrophe stays text. */
function cell(c: FixtureCell): unknown {
  if (c !== null && typeof c === 'object') {
    const [y, m, d] = c.date.split('-').map(Number) as [number, number, number];
    return fromWallClock(ZONE, y, m, d);
  }
  return typeof c === 'string' ? `'${c}` : c;
}

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv({
    // Tuesday 10 March 2026, 10:00 in Paris: March is in progress.
    now: '2026-03-10T09:00:00Z',
    workbook: { Factures: [INVOICES.header, ...INVOICES.rows.map((r) => r.map(cell))] },
  });
});
afterAll(async () => {
  await env?.close();
});

const NB = '[\\s\\u00a0\\u202f]';
const items = (page: import('playwright-core').Page) =>
  page.$$eval('[data-testid=preview] .preview-values li', (li) =>
    li.map((x) => ({
      text: (x.textContent ?? '').replace(/[\u00a0\u202f]/g, ' '),
      running: x.classList.contains('running'),
    })),
  );

test('invoices: the aggregation with its default, one value per month, the month in progress marked, the judged month everywhere', async () => {
  const s = await env.open();
  const { page } = s;
  await page.waitForSelector('[data-testid=home]');
  await page.click('#new-kpi');
  await page.waitForSelector('.wizard[data-step="1"]');
  await page.fill('#f-objective-title', 'Encaisser plus vite en 2026');
  await page.fill('#f-objective-description', 'Réduire les délais de paiement des clients.');
  await page.fill('#f-objective-horizon', '2026-12-31');
  await page.click('#wizard-next');
  await page.waitForSelector('.wizard[data-step="2"]');
  // An amount: the template says nothing about aggregation, the unit (€) says sum.
  await page.selectOption('#f-template', 'finance_revenue');
  await page.waitForFunction(() => (document.getElementById('f-unit') as HTMLSelectElement).value === '€');
  await page.click('#wizard-next');
  await page.waitForSelector('.wizard[data-step="3"]');
  expect(await page.inputValue('#f-aggregation')).toBe('sum');
  await page.fill('#f-source-values', "'Factures'!B2:B21");
  await page.fill('#f-source-dates', "'Factures'!A2:A21");
  await page.waitForSelector('[data-testid=preview] .preview-values li.running');

  // By hand (real-data.ts): Oct 1200 + 800 + 1000 = 3000, Nov 3200, Dec 4000, Jan 4200,
  // Feb 1100 + 600 + 900 − 300 (credit note) = 2300, March so far 400; the April invoice is not data yet.
  expect((await items(page)).map((x) => [x.text.replace(/(\d) (\d)/g, '$1$2'), x.running])).toEqual([
    ['oct. 2025 : 3000 €', false],
    ['nov. 2025 : 3200 €', false],
    ['déc. 2025 : 4000 €', false],
    ['janv. 2026 : 4200 €', false],
    ['févr. 2026 : 2300 €', false],
    ['mars 2026 : 400 € (en cours)', true],
  ]);
  const judged = (await page.textContent('[data-testid=preview] .preview-latest'))?.replace(/[\u00a0\u202f]/g, ' ');
  expect(judged).toBe('Période jugée (févr. 2026) : 2 300 €');
  expect(await horizontalOverflow(page)).toBe(0);
  await s.shot('data-step-per-period');

  // Another aggregation reads the rows again: the average invoice of February is 2300 / 4 = 575 €.
  await page.selectOption('#f-aggregation', 'average');
  await page.waitForFunction(() =>
    /575/.test(document.querySelector('[data-testid=preview] .preview-latest')?.textContent ?? ''),
  );
  expect((await items(page)).at(-1)).toEqual({ text: 'mars 2026 : 400 € (en cours)', running: true });
  await page.selectOption('#f-aggregation', 'sum');
  await page.waitForFunction(() =>
    /2\s300/.test(document.querySelector('[data-testid=preview] .preview-latest')?.textContent ?? ''),
  );

  // The target step suggests the judged month's value as baseline, not March's 400 so far.
  await page.click('#wizard-next');
  await page.waitForSelector('.wizard[data-step="4"]');
  expect(await page.textContent('[data-testid=baseline-suggestion]')).toMatch(new RegExp(`2${NB}300`));
  expect(s.errors).toEqual([]);
});

test('Home says when a KPI’s latest value is a period still in progress', async () => {
  // The invoices' payment delay (real-data.ts): March so far is 10 days, shown as in progress.
  const saved = serverApi.saveKpi({
    name: 'Délai de paiement',
    definition: 'Jours entre la facture et son paiement, moyenne des factures du mois.',
    unit: 'days',
    direction: 'lower',
    objectiveId: '',
    indicator: 'lagging',
    source: { kind: 'range', values: "'Factures'!C2:C21", dates: "'Factures'!A2:A21" },
    aggregation: 'average',
    baseline: null,
    target: 30,
    deadline: '2026-06-30',
    frequency: 'monthly',
    benchmark: null,
    owner: '',
    level: 'operational',
  });
  expect(saved.ok).toBe(true);
  const s = await env.open();
  const item = s.page.locator('li.kpi', { hasText: 'Délai de paiement' });
  await item.waitFor();
  expect((await item.locator('.kpi-facts').textContent())?.replace(/[\u00a0\u202f]/g, ' ')).toMatch(
    /^10 j(ours)?\s*\(en cours\)/,
  );
  await s.shot('home-in-progress');
});
