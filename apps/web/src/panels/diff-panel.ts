import { getJson } from '../api-client';
import type { StructureDiff } from '../api-types';
import { NO_HIGHLIGHTS } from '../chart/chart-model';
import { byId, el, fail, say } from '../status';
import type { ChartPanel } from './chart-panel';
import { diffHighlights, diffSections } from './diff-highlights';

/** The diff between two dates (both read as known at the chart's known-at instant), listed and marked on the chart. */
export class DiffPanel {
  private organisationId: string | null = null;

  constructor(private readonly chart: ChartPanel) {
    byId('diff-form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.run();
    });
    byId('diff-clear').addEventListener('click', () => {
      byId('diff-result').replaceChildren();
      void this.chart.highlight(NO_HIGHLIGHTS, this.chart.date);
    });
  }

  open(organisationId: string, from: string, to: string): void {
    this.organisationId = organisationId;
    byId<HTMLInputElement>('diff-from').value = from;
    byId<HTMLInputElement>('diff-to').value = to;
    byId('diff-result').replaceChildren();
  }

  private async run(): Promise<void> {
    if (!this.organisationId) return say('Open an organisation first.');
    const from = byId<HTMLInputElement>('diff-from').value;
    const to = byId<HTMLInputElement>('diff-to').value;
    const knownAt = this.chart.knownAtValue;
    try {
      const diff = await getJson<StructureDiff>(`/organisations/${encodeURIComponent(this.organisationId)}/diff`, { from, to, fromKnownAt: knownAt, toKnownAt: knownAt });
      const sections = diffSections(diff);
      const result = byId('diff-result');
      result.replaceChildren(
        el('h3', {}, `From ${diff.from.at} to ${diff.to.at}`),
        ...(sections.length === 0 ? [el('p', {}, 'No change in the structure.')] : sections.map((s) => el('div', { class: 'diff-section' }, el('h4', {}, `${s.heading} (${s.lines.length})`), el('ul', {}, ...s.lines.map((l) => el('li', {}, l)))))),
      );
      await this.chart.highlight(diffHighlights(diff), to);
      say(`Diff from ${from} to ${to}: changes are marked on the chart at ${to}.`);
    } catch (error) {
      fail(error);
    }
  }
}
