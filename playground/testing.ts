/**
 * Shared by the playground's browser tests and `npm run screenshots`: a playground in-process on a
 * free port, one headless Chromium, and helpers that act as a person on the page.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium, newContext } from './chromium';
import { startPlayground, type Playground, type PlaygroundOptions } from './playground';

export interface PlaygroundEnv {
  pg: Playground;
  browser: Browser;
  /** A page on the playground, ready (grid drawn); records page errors. */
  open(opts?: { width?: number; height?: number }): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

export async function startPlaygroundEnv(options: PlaygroundOptions = {}): Promise<PlaygroundEnv> {
  const pg = await startPlayground({ port: 0, dataDir: null, quiet: true, ...options });
  const browser = await launchChromium();
  return {
    pg,
    browser,
    async open(opts = {}) {
      const context = await newContext(browser, {
        width: opts.width ?? 1600,
        height: opts.height ?? 950,
        acceptDownloads: true,
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('dialog', (d) => void d.accept());
      await page.goto(pg.url);
      await page.waitForSelector('body[data-ready=true]', { timeout: 30_000 });
      return { page, errors };
    },
    async close() {
      await browser.close();
      await pg.close();
    },
  };
}

/**
 * Clicks a sheet's tab and waits until the page has drawn it (and told the server) after the click:
 * data-opened counts the sheets drawn, so clicking the tab of the sheet already shown waits too.
 */
export async function openTab(page: Page, sheet: string): Promise<void> {
  const before = Number((await page.getAttribute('body', 'data-opened')) ?? 0);
  await page.click(`#tabs button[data-sheet="${sheet}"]`);
  await page.waitForFunction(
    ([s, n]) => document.body.dataset.sheet === s && Number(document.body.dataset.opened ?? 0) > n,
    [sheet, before] as const,
  );
}

/**
 * Does `act` (a click, a key, a file chosen) that starts one of the page's actions, and waits until
 * it has finished: data-done counts the finished actions, so a "not busy" from before the action
 * started never passes for its end.
 */
export async function pageAction(page: Page, act: () => Promise<unknown>): Promise<void> {
  const before = Number((await page.getAttribute('body', 'data-done')) ?? 0);
  await act();
  await page.waitForFunction(
    (n) => Number(document.body.dataset.done ?? 0) > n && !document.body.classList.contains('busy'),
    before,
  );
}

/** The notice's text, once a notice newer than `after` (its data-seq, see noticeSeq) is shown. */
export async function noticeAfter(page: Page, after: number): Promise<string> {
  await page.waitForFunction(
    (n) => Number(document.querySelector<HTMLElement>('[data-testid=notice]')?.dataset.seq ?? 0) > n,
    after,
  );
  return (await page.textContent('[data-testid=notice]')) ?? '';
}

/** The data-seq of the notice shown now (0: none yet). */
export async function noticeSeq(page: Page): Promise<number> {
  return Number((await page.getAttribute('[data-testid=notice]', 'data-seq')) ?? 0);
}

/** The sidebar's frame, once its Home is shown. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('#sidebar');
  const frame = (await handle.contentFrame())!;
  await frame.waitForSelector('[data-testid=home]', { timeout: 20_000 });
  return frame;
}

/** Selects a range on the grid with a click and a shift-click, as a person would. */
export async function selectOnGrid(page: Page, from: string, to: string): Promise<void> {
  const cell = (a1: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    let c = 0;
    for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
    return `#grid tr[data-r="${m[2]}"] td[data-c="${c}"]`;
  };
  await page.click(cell(from));
  await page.click(cell(to), { modifiers: ['Shift'] });
}

export interface Shots {
  playground: string;
  sidebar: string;
  dashboards: string[];
  sheets: string[];
}

/**
 * The screenshots the README shows (`docs/`) and the tests keep (`artifacts/playground/`): the
 * whole page on the first dashboard, the sidebar, each dashboard, and (`allSheets`) each sheet.
 */
export async function takeScreenshots(
  env: PlaygroundEnv,
  dir: string,
  opts: { allSheets?: boolean; prefix?: string } = {},
): Promise<Shots> {
  mkdirSync(dir, { recursive: true });
  // Wide enough for a whole dashboard (its visible columns) next to the 300 px panel.
  const { page } = await env.open({ width: 1920, height: 1080 });
  const p = opts.prefix ?? '';
  const names = await page.$$eval('#tabs button', (bs) =>
    bs.map((b) => ({ name: (b as HTMLElement).dataset.sheet!, kind: (b as HTMLElement).dataset.kind! })),
  );
  const dashboards = names.filter((n) => n.kind === 'dashboard').map((n) => n.name);
  const shots: Shots = {
    playground: join(dir, `${p}playground.png`),
    sidebar: join(dir, `${p}sidebar.png`),
    dashboards: [],
    sheets: [],
  };
  if (dashboards[0]) await openTab(page, dashboards[0]);
  const frame = await sidebarFrame(page);
  await frame.waitForSelector('.kpi');
  await page.waitForTimeout(300);
  await page.screenshot({ path: shots.playground });
  await page.locator('.panel').screenshot({ path: shots.sidebar });
  for (const [i, name] of dashboards.entries()) {
    await openTab(page, name);
    // docs/ keeps one dashboard (dashboard.png); the tests keep them all.
    if (!opts.allSheets && i > 0) break;
    const file = join(dir, opts.allSheets ? `${p}dashboard-${i + 1}.png` : 'dashboard.png');
    await page.locator('.book').screenshot({ path: file });
    shots.dashboards.push(file);
  }
  if (opts.allSheets) {
    for (const { name, kind } of names) {
      if (kind === 'dashboard') continue;
      await openTab(page, name);
      const file = join(dir, `${p}sheet-${name.replace(/[^\p{L}\p{N}]+/gu, '-')}.png`);
      await page.locator('.book').screenshot({ path: file });
      shots.sheets.push(file);
    }
  }
  await page.context().close();
  return shots;
}
