import { type BrowserSession, expectFreshWebBundle, listenOnLoopback, openBrowser } from '../apps/web/test/browser-session';
import { type ApiHarness, startApiWithDemo, tokenFor } from './support/api-harness';

jest.setTimeout(60_000);

// The API serves dist/web: it must be the bundle of the sources under test.
beforeAll(() => expectFreshWebBundle());

/**
 * Given the API with bearer-token authentication (AUTH_MODE=jwt, the default outside `npm start`); when the page
 * opens without a token, then it says why nothing shows; when an analyst's token is pasted into the token box,
 * then every read carries it and the chart draws.
 */
describe('web page in Chromium, with authentication (AUTH_MODE=jwt)', () => {
  let api: ApiHarness;
  let browser: BrowserSession;
  let base: string;
  const errors: string[] = [];

  beforeAll(async () => {
    api = await startApiWithDemo();
    base = await listenOnLoopback(api.app);
    browser = await openBrowser(errors);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('serves the page itself without a token, and names the missing token when the API refuses the reads', async () => {
    const { page } = browser;
    await page.goto(`${base}/`);
    await page.locator('#status.error').waitFor();

    await expect(page.locator('#status').textContent()).resolves.toMatch(/^401 .*paste a token under "Access token"/);
    await expect(page.locator('#org-chart svg').count()).resolves.toBe(0);
    expect(errors.splice(0).every((e) => e.startsWith('401 GET'))).toBe(true);
    await browser.screenshot('10-token-missing');
  });

  it('sends the pasted token as a bearer token on every read and draws the chart', async () => {
    const { page } = browser;
    const token = tokenFor('analyst');
    const authorisations = new Set<string | undefined>();
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/organisations/')) authorisations.add(request.headers().authorization);
    });

    // The refused read has opened the token box already.
    await expect(page.locator('#token-box').getAttribute('open')).resolves.toBe('');
    await page.getByLabel('Bearer token').fill(token);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#org-chart svg g.unit[data-unit-id="div-medicine-surgery"]').waitFor();

    expect([...authorisations]).toEqual([`Bearer ${token}`]);
    expect(errors).toEqual([]);
    await browser.screenshot('11-token-pasted');
  });
});
