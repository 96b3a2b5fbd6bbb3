import { getJson } from '../api-client';
import type { OrganisationLineage, UnitLineage } from '../api-types';
import { byId, el, fail, say } from '../status';
import { type LineageGraph, organisationLineageGraph, unitLineageGraph } from './lineage-graph';
import { renderLineage } from './render-lineage';

/** Predecessors and successors of an organisation (by id or ODS code) or of a unit, as a graph and a list. */
export class LineagePanel {
  constructor() {
    byId('lineage-form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.show(byId<HTMLSelectElement>('lineage-kind').value as 'organisation' | 'unit', byId<HTMLInputElement>('lineage-id').value.trim());
    });
  }

  async show(kind: 'organisation' | 'unit', id: string): Promise<void> {
    byId<HTMLSelectElement>('lineage-kind').value = kind;
    byId<HTMLInputElement>('lineage-id').value = id;
    const target = byId('lineage-result');
    try {
      const graph =
        kind === 'organisation'
          ? organisationLineageGraph(await getJson<OrganisationLineage>(`/organisations/${encodeURIComponent(id)}/lineage`))
          : unitLineageGraph(await getJson<UnitLineage>(`/units/${encodeURIComponent(id)}/lineage`));
      const name = graph.nodes.get(graph.focusId) ?? id;
      const title = `Lineage of ${name}: ${graph.edges.length} merger or split link${graph.edges.length === 1 ? '' : 's'}`;
      target.replaceChildren(el('h3', {}, title), ...(graph.edges.length === 0 ? [el('p', {}, 'No predecessors or successors recorded.')] : [renderLineage(graph, title), linkList(graph)]));
      say(title);
      target.scrollIntoView({ block: 'nearest' });
    } catch (error) {
      fail(error);
    }
  }
}

const linkList = (graph: LineageGraph) =>
  el('ul', { class: 'lineage-links' }, ...graph.edges.map((e) => el('li', {}, `${graph.nodes.get(e.from)} → ${graph.nodes.get(e.to)}: ${e.label}`)));
