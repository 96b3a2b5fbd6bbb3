import { type ApiHarness, startApiWithDemo, tokenFor } from './support/api-harness';
import { expectFieldError } from './support/fixtures';

type Point = { period: string; value: number; series: string };
type MetricChart = { metric: string; every: string; series: number; points: number; spec: { $schema: string; mark: { type: string }; data: { values: Point[] } } };

const valuesOf = (chart: MetricChart, series: string) => Object.fromEntries(chart.spec.data.values.filter((p) => p.series === series).map((p) => [p.period.slice(0, 4), p.value]));

/**
 * Given the demo history (Northvale: 23 units from 2015, Medicine and Surgery merge into one division on
 * 2019-04-01, Integrated Care and the transferred Community Nursing Service join on 2020-10-01, a neighbourhood
 * team in 2021); when the web page asks for a metric chart; then the API replays the log and answers with the
 * CLI's Vega-Lite line chart spec.
 */
describe('GET /analysis/charts/:metric (the web page’s metric charts)', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApiWithDemo();
  });
  afterAll(async () => {
    await api.close();
  });

  it('draws open units per year and organisation as the CLI’s line chart', async () => {
    const res = await api.as(tokenFor('analyst')).get('/analysis/charts/open-units').query({ from: '2015-01-01', to: '2022-12-31', every: 'year', by: 'organisation' }).expect(200);
    const chart = res.body as MetricChart;

    expect(chart).toMatchObject({ metric: 'open-units', every: 'year', spec: { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', mark: { type: 'line' } } });
    expect(valuesOf(chart, 'northvale-ft')).toEqual({ '2015': 23, '2016': 23, '2017': 23, '2018': 23, '2019': 22, '2020': 24, '2021': 25, '2022': 25 });
    expect(chart.points).toBe(chart.spec.data.values.length);
  });

  it('draws one row of a metric by its row name: the 2019 unit merger', async () => {
    const res = await api.http.get('/analysis/charts/restructures.unit-merge').query({ from: '2018-01-01', to: '2020-12-31', every: 'year', by: 'organisation' }).expect(200);

    expect(res.body.metric).toBe('restructures.unit-merge');
    expect(valuesOf(res.body, 'northvale-ft')).toEqual({ '2018': 0, '2019': 1, '2020': 0 });
  });

  it('reads the log as known at an instant: just before the merger was recorded, Northvale keeps 23 units', async () => {
    const merger = (await api.allEvents()).find((e) => e.type === 'UnitEstablished' && (e.data as { unitId: string }).unitId === 'div-medicine-surgery')!;
    const knownAt = new Date(Date.parse(merger.recordedAt) - 1).toISOString();

    const res = await api.http.get('/analysis/charts/open-units').query({ from: '2018-01-01', to: '2021-12-31', every: 'year', by: 'organisation', knownAt }).expect(200);

    expect(valuesOf(res.body, 'northvale-ft')).toEqual({ '2018': 23, '2019': 23, '2020': 23, '2021': 23 });
  });

  it.each([
    ['metric', '/analysis/charts/no-such-metric', { from: '2015-01-01', to: '2016-01-01' }],
    ['to', '/analysis/charts/open-units', { from: '2016-01-01', to: '2015-01-01' }],
    ['from', '/analysis/charts/open-units', { from: '2015-02-30', to: '2016-01-01' }],
    ['every', '/analysis/charts/open-units', { from: '2015-01-01', to: '2016-01-01', every: 'week' }],
    ['every', '/analysis/charts/open-units', { from: '1900-01-01', to: '2020-01-01', every: 'month' }],
    ['by', '/analysis/charts/open-units', { from: '2015-01-01', to: '2016-01-01', by: 'colour' }],
    ['knownAt', '/analysis/charts/open-units', { from: '2015-01-01', to: '2016-01-01', knownAt: '2020-01-01' }],
  ])('answers 400 naming %s', async (field, path, query) => {
    expectFieldError(await api.http.get(path).query(query), field);
  });

  it('is a read like the others: any role with a token, none without', async () => {
    const query = { from: '2015-01-01', to: '2016-01-01' };
    await api.as(tokenFor('service')).get('/analysis/charts/open-units').query(query).expect(200);
    await api.anonymous.get('/analysis/charts/open-units').query(query).expect(401);
  });
});
