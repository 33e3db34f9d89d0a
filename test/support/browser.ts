/**
 * A real browser for the console tests: Debian's chromium driven by playwright-core (one browser
 * per test file; Playwright's own downloaded browsers are not used). The console must have been
 * built (`npm run build:web`, which `npm test` runs first).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { webBuildDir } from '../../src/console/web-build';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`no chromium at ${chromiumPath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  if (!existsSync(path.join(webBuildDir, 'index.html'))) throw new Error('the console is not built: run `npm run build:web`');
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface ConsolePage {
  context: BrowserContext;
  page: Page;
  /** Messages the page logged as errors, and requests that failed or left the hub. */
  problems: string[];
}

/** A fresh browser context (its own sessionStorage) on the hub's console. */
export async function openConsole(browser: Browser, hubUrl: string, screen = '/console/'): Promise<ConsolePage> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, baseURL: hubUrl, locale: 'en-US', timezoneId: 'UTC' });
  // Below the test timeout, so a missing element fails with its locator rather than a bare timeout.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  const origin = new URL(hubUrl).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith(origin.replace('http', 'ws')) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`request to another host: ${url}`);
  });
  await page.goto(screen);
  return { context, page, problems };
}

export async function signIn(page: Page, apiKey: string): Promise<void> {
  await page.getByLabel('API key').fill(apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Where the console tests put their screenshots: `HUB_SCREENSHOTS_DIR` (`npm run screenshots`
 * writes the README's, docs/screenshots/), else a folder of the test run, so an ordinary
 * `npm test` takes them too without touching the committed ones.
 */
export function screenshotDir(fallback: string): string {
  return process.env.HUB_SCREENSHOTS_DIR ? path.resolve(process.env.HUB_SCREENSHOTS_DIR) : path.join(fallback, 'screenshots');
}

/** Fails when any text of the page or any value typed into it contains one of the secrets. */
export async function expectNoSecretInPage(page: Page, secrets: string[]): Promise<void> {
  const html = await page.content();
  const values = await page.evaluate(() => [...document.querySelectorAll('input, textarea, select')].map((element) => (element as HTMLInputElement).value));
  const storage = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
  for (const secret of secrets) {
    if (html.includes(secret)) throw new Error(`a secret is in the page's DOM: ${secret.slice(0, 6)}…`);
    if (values.some((value) => value.includes(secret))) throw new Error(`a secret is in an input of the page: ${secret.slice(0, 6)}…`);
    if (storage.includes(secret)) throw new Error(`a secret is in the page's storage: ${secret.slice(0, 6)}…`);
  }
}
