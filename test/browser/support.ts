/* Shared by the browser tests: one harness (in-process, port 0) and one headless Chromium per file. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newContext } from '../../playground/chromium';
import { runServerCall, startHarness, type Harness, type HarnessOptions } from '../../playground/server';

export const ARTIFACTS = join(process.cwd(), 'artifacts', 'sidebar');

export interface BrowserEnv {
  harness: Harness;
  browser: Browser;
  /** A fresh page on /sidebar at 300 px wide; records dialogs and page errors. */
  open(opts?: { width?: number }): Promise<Session>;
  close(): Promise<void>;
}

export interface Session {
  page: Page;
  context: BrowserContext;
  dialogs: string[];
  errors: string[];
  /** Requests that left the harness's origin, or hit a path the sidebar should never load. */
  strayRequests: string[];
  shot(name: string): Promise<void>;
}

export async function startBrowserEnv(options: HarnessOptions = {}): Promise<BrowserEnv> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const harness = await startHarness({ port: 0, ...options });
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    harness,
    browser,
    async open(opts = {}) {
      const context = await newContext(browser, { width: opts.width ?? 300, height: 900 });
      contexts.push(context);
      const page = await context.newPage();
      const dialogs: string[] = [];
      const errors: string[] = [];
      const strayRequests: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(`${d.type()}: ${d.message()}`);
        void d.dismiss();
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => {
        const u = new URL(r.url());
        const base = new URL(harness.url);
        if (u.origin !== base.origin || !['/sidebar', '/rpc'].includes(u.pathname)) strayRequests.push(r.url());
      });
      await page.goto(`${harness.url}sidebar`);
      return {
        page,
        context,
        dialogs,
        errors,
        strayRequests,
        shot: async (name: string) => {
          await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
        },
      };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await harness.close();
    },
  };
}

/** Calls a test-control endpoint of the harness. */
export async function control(harness: Harness, path: string): Promise<unknown> {
  const res = await fetch(new URL(path, harness.url));
  return res.json();
}

/** The page has no horizontal scroll at its width. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Waits for the wizard to show `step`. */
export async function atStep(page: Page, step: number): Promise<void> {
  await page.waitForSelector(`.wizard[data-step="${step}"]`);
}

/** Clicks Next and waits for the following step (or Home after the last one). */
export async function next(page: Page, expectStep: number | 'home'): Promise<void> {
  await page.click('#wizard-next');
  if (expectStep === 'home') await page.waitForSelector('[data-testid=home]');
  else await atStep(page, expectStep);
}

/**
 * Selects a range "in the sheet", clicks the matching "use the selection" button and waits for the
 * field to show that range (not merely something: the field may hold text typed before).
 */
export async function useSelection(
  harness: Harness,
  page: Page,
  a1: string,
  target: string,
  fieldId: string,
): Promise<void> {
  await control(harness, `/test/select?a1=${encodeURIComponent(a1)}`);
  const read = runServerCall(harness.emu, 'readSelection', []);
  const expected = read.ok ? (read.value as { a1: string | null }).a1 : null;
  if (!expected) throw new Error(`useSelection: ${a1} is not selected (${JSON.stringify(read)})`);
  await page.click(`[data-use-selection="${target}"]`);
  await page.waitForFunction(
    ([id, value]) => (document.getElementById(id) as HTMLInputElement | null)?.value === value,
    [fieldId, expected],
  );
}
