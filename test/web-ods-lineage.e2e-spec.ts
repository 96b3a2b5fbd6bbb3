import { join } from 'node:path';
import { type BrowserSession, expectFreshWebBundle, listenOnLoopback, openBrowser } from '../apps/web/test/browser-session';
import { type ApiHarness, REPO_ROOT, startApi, tempDatabase, type TempDatabase } from './support/api-harness';
import { runQuietly } from './support/cli-output';

jest.setTimeout(60_000);

// The API serves dist/web: it must be the bundle of the sources under test.
beforeAll(() => expectFreshWebBundle());

/**
 * Given the real NHS ODS extracts imported through the CLI (Pennine Acute, RW6, closed on 2021-09-30 and split
 * into RM3 and R0A); when the page opens RW6 by its code and asks for its lineage; then the graph shows the split.
 */
describe('web page in Chromium over the imported NHS ODS history', () => {
  let database: TempDatabase;
  let api: ApiHarness;
  let browser: BrowserSession;
  let base: string;
  const errors: string[] = [];

  beforeAll(async () => {
    database = tempDatabase();
    await runQuietly(['import', 'nhs-ods', '--dir', join(REPO_ROOT, '..', 'shared', 'data', 'nhs-ods'), '--db', database.file]);
    api = await startApi({ database, env: { AUTH_MODE: 'off', HOST: '127.0.0.1' } });
    base = await listenOnLoopback(api.app);
    browser = await openBrowser(errors);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    database?.remove();
  });

  it('opens a closed trust on its last open day and, from its box on the chart, draws its split into two successors', async () => {
    const { page } = browser;
    await page.goto(`${base}/#org=RW6`);
    await page.locator('#org-chart svg').waitFor();
    await expect(page.locator('#org-chart').getAttribute('data-at')).resolves.toBe('2021-09-30');
    await expect(page.locator('#lineage-id').inputValue()).resolves.toBe('RW6');

    await page.locator('#org-chart g.unit[data-organisation]').focus();
    await page.keyboard.press('Enter');
    await page.locator('#lineage-result svg').waitFor();

    await expect(page.locator('#lineage-result svg g.lineage-node').count()).resolves.toBe(3);
    const listed = await page.locator('#lineage-result ul').textContent();
    expect(listed).toMatch(/\(RW6\) → .*\(RM3\): split 2021-10-01/);
    expect(listed).toMatch(/\(RW6\) → .*\(R0A\): split 2021-10-01/);
    expect(errors).toEqual([]);
    await page.locator('#lineage-panel').scrollIntoViewIfNeeded();
    await browser.screenshot('12-ods-rw6-lineage');
  });

  it('draws the same lineage from the lineage form, by ODS code', async () => {
    const { page } = browser;
    await page.locator('#lineage-result').evaluate((result: { replaceChildren: () => void }) => result.replaceChildren());
    await page.getByLabel('Of', { exact: true }).selectOption('organisation');
    await page.getByLabel('Id or code', { exact: true }).fill('RM3');
    await page.getByRole('button', { name: 'Show lineage' }).click();
    await page.locator('#lineage-result svg').waitFor();

    await expect(page.locator('#lineage-result ul').textContent()).resolves.toMatch(/\(RW6\) → .*\(RM3\): split 2021-10-01/);
    expect(errors).toEqual([]);
  });
});
