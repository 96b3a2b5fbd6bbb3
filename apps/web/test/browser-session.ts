import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
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

/** The page's sources: a bundle older than any of them would test stale code. */
const WEB_SOURCES = [join(REPO_ROOT, 'apps', 'web', 'index.html'), join(REPO_ROOT, 'apps', 'web', 'vite.config.mjs'), join(REPO_ROOT, 'apps', 'web', 'src'), join(REPO_ROOT, 'libs', 'analysis', 'src', 'metrics')];

const newestIn = (path: string): number =>
  statSync(path).isDirectory() ? Math.max(0, ...readdirSync(path).map((name) => newestIn(join(path, name)))) : statSync(path).mtimeMs;

/**
 * Fails unless dist/web holds a bundle built after the last change to the page's sources. `npm test` builds it
 * first; the tests do not build it themselves, so they never rewrite files under another API serving it here.
 */
export function expectFreshWebBundle(): void {
  const index = join(REPO_ROOT, 'dist', 'web', 'index.html');
  if (!existsSync(index)) throw new Error('dist/web/index.html is missing: run npm run build (npm test does) before the browser tests');
  const stale = WEB_SOURCES.filter((source) => newestIn(source) > statSync(index).mtimeMs);
  if (stale.length > 0) throw new Error(`dist/web is older than ${stale.join(', ')}: run npm run build before the browser tests`);
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

/** Starts the API under test listening on a free loopback port; returns its base URL. */
export async function listenOnLoopback(app: INestApplication): Promise<string> {
  const server = (await app.listen(0, '127.0.0.1')) as Server;
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
