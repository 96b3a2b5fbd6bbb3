import { groupOf, GroupTally } from '../grouping';
import type { Snapshot } from '../snapshot';
import { type MetricValue, type PeriodContext, ratio } from './metric-value';

/** Organisations open on the period's last day. */
export function openOrganisations({ by, end }: PeriodContext): MetricValue[] {
  const tally = new GroupTally(() => ({ n: 0 }));
  for (const [id, o] of end.organisations) if (o.open) tally.of(groupOf(by, id, end)).n += 1;
  return [...tally.byGroup].map(([group, t]) => ({ group, metric: 'open-organisations', value: t.n }));
}

/** Units open on the period's last day, grouped by the organisation that hosts them then. */
export function openUnits({ by, end }: PeriodContext): MetricValue[] {
  const tally = new GroupTally(() => ({ n: 0 }));
  for (const unit of end.units.values()) tally.of(groupOf(by, unit.organisationId, end)).n += 1;
  return [...tally.byGroup].map(([group, t]) => ({ group, metric: 'open-units', value: t.n }));
}

/**
 * Layers: the depth of an organisation's unit tree on the period's last day (a unit directly under the
 * organisation is layer 1; an organisation without units has 0), averaged over the open organisations of a group.
 */
export function layers({ by, end }: PeriodContext): MetricValue[] {
  const deepest = deepestUnits(end);
  const tally = new GroupTally(() => ({ organisations: 0, depth: 0 }));
  for (const [id, o] of end.organisations) {
    if (!o.open) continue;
    const t = tally.of(groupOf(by, id, end));
    t.organisations += 1;
    t.depth += deepest.get(id) ?? 0;
  }
  return [...tally.byGroup].map(([group, t]) => ({ group, metric: 'layers', value: ratio(t.depth, t.organisations) }));
}

/**
 * Span: the mean number of units directly under a unit that has any, on the period's last day, pooled over
 * the group (child units ÷ parent units).
 */
export function span({ by, end }: PeriodContext): MetricValue[] {
  const children = new Map<string, number>();
  for (const unit of end.units.values()) if (unit.parentUnitId !== null && end.units.has(unit.parentUnitId)) children.set(unit.parentUnitId, (children.get(unit.parentUnitId) ?? 0) + 1);
  const tally = new GroupTally(() => ({ parents: 0, children: 0 }));
  for (const [id, count] of children) {
    const t = tally.of(groupOf(by, end.units.get(id)!.organisationId, end));
    t.parents += 1;
    t.children += count;
  }
  return [...tally.byGroup].map(([group, t]) => ({ group, metric: 'span', value: ratio(t.children, t.parents) }));
}

function deepestUnits(snapshot: Snapshot): Map<string, number> {
  const depths = new Map<string, number>();
  const depthOf = (unitId: string, guard: number): number => {
    const known = depths.get(unitId);
    if (known !== undefined) return known;
    const unit = snapshot.units.get(unitId)!;
    const parent = unit.parentUnitId;
    // The tree rules forbid cycles; the guard keeps a damaged record from hanging the replay.
    const depth = parent !== null && snapshot.units.has(parent) && guard < 1000 ? depthOf(parent, guard + 1) + 1 : 1;
    depths.set(unitId, depth);
    return depth;
  };
  const deepest = new Map<string, number>();
  for (const [id, unit] of snapshot.units) deepest.set(unit.organisationId, Math.max(deepest.get(unit.organisationId) ?? 0, depthOf(id, 0)));
  return deepest;
}
