import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

const REPO_ROOT = join(__dirname, '..', '..', '..');

/** Debian's Chromium (`apt-get install -y chromium`); playwright never downloads a browser here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless flags for a machine without a GPU, a sandbox or a network beyond loopback. Playwright gives every
 * launch a fresh temporary profile itself (it refuses a --user-data-dir argument), so no state carries over.
 */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Where the browser tests save their screenshots (git ignores test-artefacts/). */
export const ARTEFACTS = join(REPO_ROOT, 'test-artefacts', 'web');

/**
 * Bundles the page as `npm run build` does, so the API under test serves the page of the sources being tested
 * rather than whatever an older build left in dist/web.
 */
export function buildWebBundle(): void {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', `const { build } = await import('vite'); await build({ configFile: ${JSON.stringify(join(REPO_ROOT, 'apps', 'web', 'vite.config.mjs'))}, logLevel: 'error' });`], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`vite build failed (${run.status ?? run.signal}): ${run.stderr}`);
}

export type BrowserSession = Readonly<{ browser: Browser; page: Page; screenshot: (name: string) => Promise<void>; close: () => Promise<void> }>;

/** Launches headless Chromium with one page; script errors and failed requests are pushed onto `errors`. */
export async function openBrowser(errors: string[]): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  mkdirSync(ARTEFACTS, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return {
    browser,
    page,
    screenshot: async (name) => {
      await page.screenshot({ path: join(ARTEFACTS, `${name}.png`), fullPage: false });
    },
    close: () => browser.close(),
  };
}
