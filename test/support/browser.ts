import { randomBytes } from 'node:crypto';
import { accessSync, constants, createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { chmod, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { Browser, BrowserContext, BrowserContextOptions, chromium, Locator, Page } from 'playwright-core';

// Pages in a real browser driven by playwright-core, which never downloads a browser of its own:
// Debian's Chromium where it is installed, otherwise the headless Chromium that the
// @sparticuz/chromium dev dependency ships inside its npm package (so `npm ci && npm test` needs
// no apt). Both run with the flags below.
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ARTIFACTS = join(__dirname, '../../test-artifacts');

/**
 * Unpacks the package's brotli-compressed binary (about 190 MB, two seconds) once per version
 * into the temporary folder. Not through the package's `executablePath()`: it writes straight to
 * /tmp/chromium and returns any file already there, so parallel test files could launch one that
 * another is still writing. Here each writer writes its own file and renames it into place.
 * Its fonts and SwiftShader libraries are not needed: the system's fonts are used, the GPU is off.
 */
async function packagedChromium(): Promise<string> {
  const main = require.resolve('@sparticuz/chromium');
  const root = join(dirname(main), '../..');
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const dir = join(tmpdir(), `tariff-sparticuz-chromium-${version}`);
  const binary = join(dir, 'chromium');
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  const partial = `${binary}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await pipeline(createReadStream(join(root, 'bin', 'chromium.br')), createBrotliDecompress(), createWriteStream(partial));
    await chmod(partial, 0o755);
    await rename(partial, binary);
  } finally {
    await rm(partial, { force: true });
  }
  return binary;
}

/** An executable file: a path hidden behind /dev/null (how a test hides the system's browser) is not one. */
function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The browser the tests drive: Debian's if installed, else the packaged one. */
export async function chromiumExecutable(): Promise<string> {
  return isExecutableFile(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : packagedChromium();
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumExecutable(), headless: true, args: CHROMIUM_ARGS });
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
