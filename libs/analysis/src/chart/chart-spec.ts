import type { AnalysisRow } from '../analysis-rows';

/** A Vega-Lite spec, kept as plain JSON here so building it needs no ESM import (rendering does). */
export type ChartSpec = Readonly<Record<string, unknown>>;

export type ChartPoint = Readonly<{ period: string; value: number; series: string }>;

/**
 * The points of a time-series chart: one per period and series, at the period's first day. A series is a
 * group, a metric, or both when there are several of each; suppressed and undefined values are left out, so
 * the line shows a gap rather than a made-up zero.
 */
export function chartPoints(rows: readonly AnalysisRow[]): ChartPoint[] {
  const groups = new Set(rows.map((r) => r.group));
  const metrics = new Set(rows.map((r) => r.metric));
  const seriesOf = (r: AnalysisRow) => (metrics.size > 1 && groups.size > 1 ? `${r.group} ${r.metric}` : metrics.size > 1 ? r.metric : r.group);
  return rows.filter((r) => r.value !== null).map((r) => ({ period: r.periodStart, value: r.value!, series: seriesOf(r) }));
}

/** A line chart of the points over time, one coloured line per series. */
export function lineChartSpec(title: string, points: readonly ChartPoint[]): ChartSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 640,
    height: 320,
    background: 'white',
    data: { values: points },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'period', type: 'temporal', title: 'period start' },
      y: { field: 'value', type: 'quantitative', title },
      color: { field: 'series', type: 'nominal', title: null },
    },
  };
}
