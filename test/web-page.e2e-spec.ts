import type { SqliteEventStore } from '@orgchange/event-store';
import { LeadershipReader } from '@orgchange/projections';
import { ImpactAnalyser, ImpactRecipientFinder, NotificationSagaRunner } from '@orgchange/workflow';
import type { Page } from 'playwright-core';
import { type BrowserSession, expectFreshWebBundle, listenOnLoopback, openBrowser } from '../apps/web/test/browser-session';
import { type ApiHarness, startApiWithDemo } from './support/api-harness';

jest.setTimeout(60_000);

// The API serves dist/web: it must be the bundle of the sources under test.
beforeAll(() => expectFreshWebBundle());

const dayNumber = (isoDate: string) => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
const unit = (page: Page, unitId: string) => page.locator(`#org-chart g.unit[data-unit-id="${unitId}"]`);
const holder = (page: Page, postId: string, personId: string) => page.locator(`#org-chart g.post[data-post-id="${postId}"] text.holder[data-person-id="${personId}"]`);

/** Moves the slider as a drag does: a new value, then the input event the page listens to. */
async function dragSliderTo(page: Page, isoDate: string): Promise<void> {
  await page.locator('#date-slider').evaluate((slider: { value: string; dispatchEvent: (event: Event) => boolean }, day) => {
    slider.value = String(day);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  }, dayNumber(isoDate));
  await chartDrawnAt(page, isoDate);
}

const chartDrawnAt = (page: Page, isoDate: string) => page.locator(`#org-chart[data-at="${isoDate}"] svg`).waitFor();

/**
 * Given the API on a loopback port with the demo history (Northvale: divisions merge on 2019-04-01; a cardiologist
 * acts up as clinical director from 2017-10-01, corrected later to 2017-09-01) and authentication off, as in the
 * local demo; when a person uses the page in headless Chromium; then each step redraws the SVG chart.
 */
describe('web page in Chromium, local demo mode (AUTH_MODE=off)', () => {
  let api: ApiHarness;
  let browser: BrowserSession;
  let base: string;
  const errors: string[] = [];

  beforeAll(async () => {
    api = await startApiWithDemo({ env: { AUTH_MODE: 'off' } });
    base = await listenOnLoopback(api.app);
    browser = await openBrowser(errors);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });
  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });

  it('opens the demo trust at / as an SVG chart with a date slider whose aria text is the date', async () => {
    const { page } = browser;
    await page.goto(`${base}/`);
    const today = new Date().toISOString().slice(0, 10);
    await chartDrawnAt(page, today);

    await expect(page.locator('#org-input').inputValue()).resolves.toBe('Northvale Hospitals NHS Foundation Trust (ZZ1)');
    await expect(page.locator('input[type="range"]#date-slider').getAttribute('aria-valuetext')).resolves.toBe(today);
    await expect(page.locator('#change-ticks option').count()).resolves.toBeGreaterThan(5);
    await expect(unit(page, 'div-medicine-surgery').count()).resolves.toBe(1);
    // Partnership unit with each holder's employer, and a triumvirate drawn as one group.
    await expect(page.locator('#org-chart g.unit.partnership[data-unit-id="int-east"]').count()).resolves.toBe(1);
    await expect(holder(page, 'int-social-worker', 'p-social-worker').textContent()).resolves.toContain('employed by Northvale City Council');
    await expect(page.locator('#org-chart g.post-group[data-group-id="triumvirate-medsurg"] g.post').count()).resolves.toBe(3);
    await browser.screenshot('01-demo-trust-today');
  });

  it('redraws across the divisional merger as the slider moves one day with the keyboard', async () => {
    const { page } = browser;
    await dragSliderTo(page, '2019-03-31');
    await expect(unit(page, 'div-medicine').count()).resolves.toBe(1);
    await expect(unit(page, 'div-surgery').count()).resolves.toBe(1);
    await expect(unit(page, 'div-medicine-surgery').count()).resolves.toBe(0);
    await browser.screenshot('02-slider-day-before-merger');

    await page.locator('#date-slider').focus();
    await page.keyboard.press('ArrowRight');
    await chartDrawnAt(page, '2019-04-01');

    await expect(page.locator('#date-slider').getAttribute('aria-valuetext')).resolves.toBe('2019-04-01');
    await expect(unit(page, 'div-medicine-surgery').count()).resolves.toBe(1);
    await expect(unit(page, 'div-medicine').count()).resolves.toBe(0);
    await expect(unit(page, 'div-surgery').count()).resolves.toBe(0);
    await browser.screenshot('03-slider-merger-day');
  });

  it('shows the acting clinical director appear on 2017-09-15 once the backdated correction is known', async () => {
    const { page } = browser;
    await dragSliderTo(page, '2017-09-15');
    await expect(holder(page, 'cd-med', 'p-cons-cardio').getAttribute('data-mark')).resolves.toBe('acting');

    const beforeCorrection = await page.locator('#known-at option').evaluateAll(
      (options: { value: string; textContent: string | null }[]) => options.find((o) => o.textContent!.startsWith('just before the correction of AppointmentStarted of cd-med on 2017-10-01'))?.value,
    );
    expect(beforeCorrection).toMatch(/^\d{4}-\d\d-\d\dT/);
    await page.locator('#known-at').selectOption(beforeCorrection!);
    await page.locator(`#org-chart[data-known-at="${beforeCorrection}"] svg`).waitFor();

    await expect(holder(page, 'cd-med', 'p-cons-cardio').count()).resolves.toBe(0);
    await expect(holder(page, 'cd-med', 'p-cd-med').count()).resolves.toBe(1);
    await browser.screenshot('04-known-at-before-correction');

    await page.locator('#known-at').selectOption('');
    await page.locator(`#org-chart:not([data-known-at="${beforeCorrection}"]) svg`).waitFor();

    await expect(holder(page, 'cd-med', 'p-cons-cardio').getAttribute('data-mark')).resolves.toBe('acting');
    await expect(holder(page, 'cd-med', 'p-cons-cardio').textContent()).resolves.toContain('acting for p-cd-med');
    await browser.screenshot('05-known-at-after-correction');
  });

  it('marks a post recorded without a holder as vacant', async () => {
    const { page } = browser;
    const post = { postId: 'web-head-midwifery', organisationId: 'northvale-ft', unitId: 'spec-midwifery', title: 'Head of Midwifery', family: 'nursing-leadership', grade: 'AfC 8c', maxHolders: 1, effectiveFrom: '2020-01-01' };
    await api.http.post('/posts').send(post).expect(201);

    await dragSliderTo(page, '2020-06-01');

    const vacant = page.locator('#org-chart g.post.vacant[data-post-id="web-head-midwifery"]');
    await expect(vacant.locator('text.vacancy').textContent()).resolves.toBe('vacant');
    await expect(page.locator('#chart-summary').textContent()).resolves.toContain('1 vacant');
    await vacant.scrollIntoViewIfNeeded();
    await browser.screenshot('05b-vacant-post');
  });

  it('lists a diff across the merger and marks the added division on the chart', async () => {
    const { page } = browser;
    await page.locator('#diff-from').fill('2019-03-31');
    await page.locator('#diff-to').fill('2019-04-01');
    await page.getByRole('button', { name: 'Show diff' }).click();
    await page.locator('#org-chart g.unit[data-unit-id="div-medicine-surgery"][data-highlight="added"]').waitFor();

    const listed = await page.locator('#diff-result').textContent();
    expect(listed).toContain('Units added (1)');
    expect(listed).toContain('Division of Medicine and Surgery (division)');
    expect(listed).toContain('Units removed (2)');
    expect(listed).toContain('Units moved (4)');
    await expect(page.locator('#org-chart g.unit[data-unit-id="dir-trauma"]').getAttribute('data-highlight')).resolves.toBe('moved');
    await expect(page.locator('#org-chart g.post[data-post-id="cd-medsurg"]').getAttribute('data-highlight')).resolves.toBe('created');
    await unit(page, 'div-medicine-surgery').scrollIntoViewIfNeeded();
    await browser.screenshot('06-diff-marked-on-chart');
    await page.locator('#diff-panel').scrollIntoViewIfNeeded();
    await browser.screenshot('06-diff-listed');
  });

  it('draws a unit’s lineage when the unit is chosen on the chart with the keyboard', async () => {
    const { page } = browser;
    await unit(page, 'div-medicine-surgery').focus();
    await page.keyboard.press('Enter');
    await page.locator('#lineage-result svg g.lineage-node[data-node-id="div-medicine"]').waitFor();

    await expect(page.locator('#lineage-result svg g.lineage-node').count()).resolves.toBe(3);
    await expect(page.locator('#lineage-result').textContent()).resolves.toContain('Division of Surgery → Division of Medicine and Surgery: merged 2019-04-01');
    await browser.screenshot('07-unit-lineage');
  });

  it('draws an analyst metric over time from the CLI’s Vega-Lite spec, as SVG', async () => {
    const { page } = browser;
    await page.getByLabel('Metric', { exact: true }).selectOption('open-units');
    await page.locator('#metric-from').fill('2015-01-01');
    await page.locator('#metric-to').fill('2022-12-31');
    await page.getByLabel('Every').selectOption('year');
    await page.getByLabel('By', { exact: true }).selectOption('organisation');
    await page.getByRole('button', { name: 'Draw' }).click();
    await page.locator('#metric-chart[data-metric="open-units"] svg').waitFor();

    await expect(page.locator('#metric-definition').textContent()).resolves.toContain('units open on the last day of the period');
    await expect(page.locator('#metric-chart figcaption').textContent()).resolves.toMatch(/^open-units: [1-9]\d* series, [1-9]\d* points$/);
    await expect(page.locator('#metric-chart svg .mark-line path').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('#metric-chart svg').textContent()).resolves.toContain('northvale-ft');
    await page.locator('#charts-panel').scrollIntoViewIfNeeded();
    await browser.screenshot('09-metric-chart');
  });

  it('opens a programme drafted through the API: state, timers, timeline, affected teams and notifications', async () => {
    const { page } = browser;
    const rename = { changeId: 'c1', command: { type: 'RenameUnit', data: { organisationId: 'northvale-ft', unitId: 'dir-paediatrics', name: 'Children and Young People', effectiveFrom: '2031-04-01' } } };
    await api.http.post('/programmes').send({ programmeId: 'web-prog', title: 'Children’s services review', organisationIds: ['northvale-ft'], changes: [rename] }).expect(201);
    await api.http.post('/programmes/web-prog/proposal').expect(201);
    await api.http.post('/programmes/web-prog/consultation').send({ days: 30 }).expect(201);
    // The worker's notification saga, run once in-process on the API's store (no channel: deliveries stay pending).
    await new NotificationSagaRunner(api.store as SqliteEventStore, new ImpactRecipientFinder(new ImpactAnalyser(api.app.get(LeadershipReader)))).catchUp();

    await page.getByRole('button', { name: 'Refresh list' }).click();
    await page.getByRole('button', { name: 'Open Children’s services review' }).click();
    const heading = page.locator('#programme-detail h3');
    await heading.waitFor();

    await expect(heading.textContent()).resolves.toBe('Children’s services review: consultation-open');
    const detail = await page.locator('#programme-detail').textContent();
    expect(detail).toContain('consultation-closing-soon on');
    expect(detail).toContain('ProgrammeDrafted');
    expect(detail).toContain('ConsultationOpened');
    await expect(page.locator('#programme-detail table').first().locator('tbody tr').count()).resolves.toBeGreaterThan(1);
    await expect(page.locator('#programme-detail table').first().textContent()).resolves.toContain('dir-paediatrics');
    const notifications = page.locator('#programme-detail table').nth(1);
    await expect(notifications.textContent()).resolves.toContain('consultation-opened');
    await expect(notifications.locator('tbody tr').count()).resolves.toBeGreaterThan(1);
    await expect(notifications.locator('tbody tr').first().textContent()).resolves.toContain('pending');
    await page.locator('#programmes-panel').scrollIntoViewIfNeeded();
    await browser.screenshot('08-programme');
  });
});
