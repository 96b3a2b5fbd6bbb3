import type { AnalysisRow } from '../analysis-rows';
import { chartPoints, lineChartSpec } from './chart-spec';

const row = (periodStart: string, group: string, metric: string, value: number | null, suppressed = false): AnalysisRow => ({ periodStart, periodEnd: periodStart, group, metric, value, suppressed });

describe('chart points', () => {
  it('given one metric for several groups, makes one series per group and leaves suppressed values out', () =>
    expect(chartPoints([row('2020-01-01', 'ccg', 'open-organisations', 3), row('2020-01-01', 'nhs-trust', 'open-organisations', 5), row('2020-04-01', 'ccg', 'open-organisations', null, true)])).toEqual([
      { period: '2020-01-01', value: 3, series: 'ccg' },
      { period: '2020-01-01', value: 5, series: 'nhs-trust' },
    ]));

  it('given several metrics of one group, makes one series per metric', () =>
    expect(chartPoints([row('2020-01-01', 'all', 'restructures.unit-merge', 1), row('2020-01-01', 'all', 'restructures.unit-split', 0)]).map((p) => p.series)).toEqual(['restructures.unit-merge', 'restructures.unit-split']));

  it('draws a temporal line coloured by series', () =>
    expect(lineChartSpec('layers', [])).toMatchObject({ mark: { type: 'line' }, encoding: { x: { field: 'period', type: 'temporal' }, color: { field: 'series' } } }));
});
