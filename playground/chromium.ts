/**
 * The one headless Chromium setup of the browser tests (test/browser/support.ts), the playground's
 * tests and `npm run screenshots` (playground/testing.ts): Debian's chromium driven by
 * playwright-core, never a downloaded browser.
 */
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

export function chromePath(): string {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  for (const c of candidates) if (c && existsSync(c)) return c;
  throw new Error('No Chromium found for the browser tests: run `apt-get install -y chromium` (or set CHROME_PATH).');
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromePath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * A fresh context as a French user sees the page, at `width` × `height`. Actions and screenshots may
 * take long on a loaded machine (a full-page screenshot of 50,000 characters, resetting the sample
 * workbook): they wait up to 90 s, the test's own limit still applies.
 */
export async function newContext(
  browser: Browser,
  opts: { width: number; height: number; acceptDownloads?: boolean },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: opts.width, height: opts.height },
    deviceScaleFactor: 1,
    locale: 'fr-FR',
    acceptDownloads: opts.acceptDownloads ?? false,
  });
  context.setDefaultTimeout(90_000);
  return context;
}
