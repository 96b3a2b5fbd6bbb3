// The catalogue is plain data in the analysis lib: the page lists exactly the metrics the API and CLI know.
import { METRIC_CATALOGUE } from '../../../../libs/analysis/src/metrics/metric-catalogue';
import { getJson } from '../api-client';
import { byId, el, fail, say } from '../status';

type MetricChart = { metric: string; series: number; points: number; spec: Record<string, unknown> };

const definitionOf = (name: string) => METRIC_CATALOGUE.find((m) => m.name === name || m.rows.includes(name))?.definition ?? '';

/**
 * Analyst metrics over time: the API replays the log and answers with the Vega-Lite spec the CLI's `chart` verb
 * draws; vega-embed renders it here as SVG. `ast: true` evaluates Vega expressions with its interpreter, so the
 * API's content security policy (no 'unsafe-eval') still allows the chart.
 */
export class MetricsPanel {
  listen(): void {
    const select = byId<HTMLSelectElement>('metric-name');
    select.replaceChildren(
      ...METRIC_CATALOGUE.map((m) =>
        m.rows.length > 1 ? el('optgroup', { label: m.name }, el('option', { value: m.name }, `${m.name} (every row)`), ...m.rows.map((r) => el('option', { value: r }, r))) : el('option', { value: m.name }, m.name),
      ),
    );
    select.value = 'open-units';
    const describe = () => (byId('metric-definition').textContent = definitionOf(select.value));
    select.addEventListener('change', describe);
    describe();
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
      const chart = await getJson<MetricChart>(`/analysis/charts/${encodeURIComponent(value('metric-name'))}`, {
        from: value('metric-from'),
        to: value('metric-to'),
        every: value('metric-every'),
        by: value('metric-by'),
      });
      // vega-embed sets its own attributes on the element it draws into, so the caption lives beside it.
      const host = el('div', { class: 'vega-host' });
      target.replaceChildren(el('figure', {}, host, el('figcaption', {}, `${chart.metric}: ${chart.series} series, ${chart.points} points`)));
      // vega is most of the page's code: loaded only when a chart is first drawn.
      const { default: embed } = await import('vega-embed').catch(() => {
        throw new Error('The page was updated on the server since it was opened: reload it to draw charts.');
      });
      await embed(host, chart.spec as never, { renderer: 'svg', actions: false, ast: true });
      target.dataset.metric = chart.metric;
      say(`Drew ${chart.metric}: ${chart.series} series, ${chart.points} points.`);
    } catch (error) {
      fail(error);
    }
  }
}
