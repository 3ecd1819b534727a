import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, BrowserContextOptions, chromium, Locator, Page } from 'playwright-core';

// Pages in a real browser: Debian's Chromium driven by playwright-core, which never downloads a
// browser of its own (.ci/run installs the package when it is missing).
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS = join(__dirname, '../../test-artifacts');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get install -y chromium); .ci/run does so when it is missing`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** English and UTC, so formatted money and dates are the same on every machine. */
export async function newBrowserContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1100, height: 900 }, ...options });
  context.setDefaultTimeout(10_000);
  return context;
}

/** Screenshots into test-artifacts/<folder>/<name>.png (not committed): a whole page, or one element of it. */
export function screenshotter(folder: string): (target: Page | Locator, name: string) => Promise<void> {
  const dir = join(ARTIFACTS, folder);
  mkdirSync(dir, { recursive: true });
  return async (target, name) => {
    const path = join(dir, `${name}.png`);
    if ('goto' in target) await target.screenshot({ path, fullPage: true });
    else await target.screenshot({ path });
  };
}

export function artifactPath(folder: string, file: string): string {
  return join(ARTIFACTS, folder, file);
}

/**
 * Opens a page and waits for `body[data-ready="true"]`. `problems` collects script errors and
 * console errors (a Content-Security-Policy violation is one), except the browser's own line for
 * a response that the test provokes on purpose (a refused key: status 401).
 */
export async function openPage(context: BrowserContext, url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/status of 401/.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, problems };
}
