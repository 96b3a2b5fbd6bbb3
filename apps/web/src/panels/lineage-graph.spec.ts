import type { OrganisationLineage } from '../api-types';
import { organisationLineageGraph, unitLineageGraph } from './lineage-graph';

const org = (organisationId: string, code: string) => ({ organisationId, code, name: `Trust ${code}`, kind: 'nhs-trust', openedOn: '2000-04-01', closedOn: null });

describe('lineage graphs', () => {
  it('points a split organisation at each successor, and a predecessor at the organisation it became', () => {
    const view: OrganisationLineage = {
      organisation: org('rw6', 'RW6'),
      lineage: [
        { ...org('rm3', 'RM3'), relation: 'successor', generation: 1, change: 'split', effectiveFrom: '2017-04-01', linkedTo: 'rw6' },
        { ...org('rbt', 'RBT'), relation: 'successor', generation: 1, change: 'split', effectiveFrom: '2017-04-01', linkedTo: 'rw6' },
        { ...org('old', 'OLD'), relation: 'predecessor', generation: 1, change: 'merger', effectiveFrom: '2002-04-01', linkedTo: 'rw6' },
      ],
    };

    const graph = organisationLineageGraph(view);

    expect(graph.edges).toEqual([
      { from: 'rw6', to: 'rm3', label: 'split 2017-04-01' },
      { from: 'rw6', to: 'rbt', label: 'split 2017-04-01' },
      { from: 'old', to: 'rw6', label: 'merger 2002-04-01' },
    ]);
    expect(graph.nodes.get('rw6')).toBe('Trust RW6 (RW6)');
  });

  it('finds the near side of a link by its code, as the ODS import records it', () => {
    const view: OrganisationLineage = {
      organisation: org('ods-RW6', 'RW6'),
      lineage: [
        { ...org('ods-R0A', 'R0A'), relation: 'successor', generation: 1, change: 'split', effectiveFrom: '2021-10-01', linkedTo: 'RW6' },
        { ...org('ods-X', 'X'), relation: 'successor', generation: 2, change: 'merger', effectiveFrom: '2030-04-01', linkedTo: 'R0A' },
      ],
    };

    const graph = organisationLineageGraph(view);

    expect([...graph.nodes.keys()]).toEqual(['ods-RW6', 'ods-R0A', 'ods-X']);
    expect(graph.edges.map((e) => `${e.from}->${e.to}`)).toEqual(['ods-RW6->ods-R0A', 'ods-R0A->ods-X']);
  });

  it('draws each merged unit once, linked to the unit that carried it on', () => {
    const link = (fromUnitId: string) => ({ fromUnitId, fromName: fromUnitId.toUpperCase(), toUnitId: 'ab', toName: 'AB', relation: 'merged', effectiveFrom: '2019-04-01', depth: 1 });
    const graph = unitLineageGraph({ unitId: 'ab', name: 'AB', predecessors: [link('a'), link('b'), link('a')], successors: [], renames: [], transfers: [] });

    expect([...graph.nodes.keys()]).toEqual(['ab', 'a', 'b']);
    expect(graph.edges.map((e) => `${e.from}->${e.to}`)).toEqual(['a->ab', 'b->ab']);
  });
});
