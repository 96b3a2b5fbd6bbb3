import embed from 'vega-embed';
import { getJson } from '../api-client';
import { byId, el, fail, say } from '../status';

type MetricChart = { metric: string; series: number; points: number; spec: Record<string, unknown> };

/**
 * Analyst metrics over time: the API replays the log and answers with the Vega-Lite spec the CLI's `chart` verb
 * draws; vega-embed renders it here as SVG. `ast: true` evaluates Vega expressions with its interpreter, so a
 * content security policy without 'unsafe-eval' still allows the chart.
 */
export class MetricsPanel {
  listen(): void {
    byId('metric-form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.draw();
    });
  }

  private async draw(): Promise<void> {
    const value = (id: string) => byId<HTMLInputElement | HTMLSelectElement>(id).value;
    const target = byId('metric-chart');
    try {
      say('Replaying the log for the metric…');
      const chart = await getJson<MetricChart>(`/analysis/charts/${encodeURIComponent(value('metric-name').trim())}`, {
        from: value('metric-from'),
        to: value('metric-to'),
        every: value('metric-every'),
        by: value('metric-by'),
      });
      const host = el('div', { class: 'vega-host', role: 'img', 'aria-label': `${chart.metric}: ${chart.series} series, ${chart.points} points` });
      target.replaceChildren(host);
      await embed(host, chart.spec as never, { renderer: 'svg', actions: false, ast: true });
      say(`Drew ${chart.metric}: ${chart.series} series, ${chart.points} points.`);
    } catch (error) {
      fail(error);
    }
  }
}
