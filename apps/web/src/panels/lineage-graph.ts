import type { OrganisationLineage, UnitLineage } from '../api-types';

/** A lineage as a small directed graph: predecessors point at their successors, each edge dated. */
export type LineageGraph = { focusId: string; nodes: Map<string, string>; edges: { from: string; to: string; label: string }[] };

export function organisationLineageGraph(view: OrganisationLineage): LineageGraph {
  const label = (e: { name: string; code: string | null }) => (e.code ? `${e.name} (${e.code})` : e.name);
  const nodes = new Map<string, string>([[view.organisation.organisationId, label(view.organisation)]]);
  // `linkedTo` names the near-side organisation by its code when it has one (as ODS does), else by its id.
  const idOf = new Map<string, string>();
  for (const o of [view.organisation, ...view.lineage]) {
    idOf.set(o.organisationId, o.organisationId);
    if (o.code) idOf.set(o.code, o.organisationId);
  }
  const edges: LineageGraph['edges'] = [];
  for (const entry of view.lineage) nodes.set(entry.organisationId, label(entry));
  for (const entry of view.lineage) {
    const near = idOf.get(entry.linkedTo) ?? entry.linkedTo;
    if (!nodes.has(near)) nodes.set(near, entry.linkedTo);
    const [from, to] = entry.relation === 'predecessor' ? [entry.organisationId, near] : [near, entry.organisationId];
    if (!edges.some((e) => e.from === from && e.to === to)) edges.push({ from, to, label: `${entry.change} ${entry.effectiveFrom}` });
  }
  return { focusId: view.organisation.organisationId, nodes, edges };
}

export function unitLineageGraph(view: UnitLineage): LineageGraph {
  const nodes = new Map<string, string>([[view.unitId, view.name]]);
  const edges: LineageGraph['edges'] = [];
  for (const link of [...view.predecessors, ...view.successors]) {
    if (!nodes.has(link.fromUnitId)) nodes.set(link.fromUnitId, link.fromName ?? link.fromUnitId);
    if (!nodes.has(link.toUnitId)) nodes.set(link.toUnitId, link.toName ?? link.toUnitId);
    if (!edges.some((e) => e.from === link.fromUnitId && e.to === link.toUnitId)) edges.push({ from: link.fromUnitId, to: link.toUnitId, label: `${link.relation} ${link.effectiveFrom}` });
  }
  return { focusId: view.unitId, nodes, edges };
}
