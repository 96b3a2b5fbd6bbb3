import { GroupTally } from '../grouping';
import { NONE } from '../model/post-table';
import type { Snapshot } from '../snapshot';
import { type MetricValue, type PeriodContext, ratio } from './metric-value';

/** Organisations open on the period's last day. */
export function openOrganisations({ names, end }: PeriodContext): MetricValue[] {
  const tally = new GroupTally(() => ({ n: 0 }));
  end.open.forEach((open, o) => open && (tally.of(end.group[o]).n += 1));
  return tally.named(names).map(([group, t]) => ({ group, metric: 'open-organisations', value: t.n }));
}

/** Units open on the period's last day, grouped by the organisation that hosts them then. */
export function openUnits({ names, end }: PeriodContext): MetricValue[] {
  const tally = new GroupTally(() => ({ n: 0 }));
  end.host.forEach((host) => host !== NONE && (tally.of(end.group[host]).n += 1));
  return tally.named(names).map(([group, t]) => ({ group, metric: 'open-units', value: t.n }));
}

/**
 * Layers: the depth of an organisation's unit tree on the period's last day (a unit directly under the
 * organisation is layer 1; an organisation without units has 0), averaged over the open organisations of a group.
 */
export function layers({ names, end }: PeriodContext): MetricValue[] {
  const deepest = deepestUnits(end);
  const tally = new GroupTally(() => ({ organisations: 0, depth: 0 }));
  end.open.forEach((open, o) => {
    if (!open) return;
    const t = tally.of(end.group[o]);
    t.organisations += 1;
    t.depth += deepest[o];
  });
  return tally.named(names).map(([group, t]) => ({ group, metric: 'layers', value: ratio(t.depth, t.organisations) }));
}

/**
 * Span: the mean number of units directly under a unit that has any, on the period's last day, pooled over
 * the group (child units ÷ parent units).
 */
export function span({ names, end }: PeriodContext): MetricValue[] {
  const children = new Int32Array(end.host.length);
  end.host.forEach((host, u) => {
    const parent = end.parent[u];
    if (host !== NONE && parent !== NONE && end.host[parent] !== NONE) children[parent] += 1;
  });
  const tally = new GroupTally(() => ({ parents: 0, children: 0 }));
  children.forEach((count, u) => {
    if (count === 0) return;
    const t = tally.of(end.group[end.host[u]]);
    t.parents += 1;
    t.children += count;
  });
  return tally.named(names).map(([group, t]) => ({ group, metric: 'span', value: ratio(t.children, t.parents) }));
}

/** The depth of the deepest open unit of each organisation (by number) on the snapshot's day; 0 without units. */
function deepestUnits(snapshot: Snapshot): Int32Array {
  const depths = new Int32Array(snapshot.host.length);
  const depthOf = (unit: number, guard: number): number => {
    if (depths[unit] !== 0) return depths[unit];
    const parent = snapshot.parent[unit];
    // The tree rules forbid cycles; the guard keeps a damaged record from hanging the replay.
    const depth = parent !== NONE && snapshot.host[parent] !== NONE && guard < 1000 ? depthOf(parent, guard + 1) + 1 : 1;
    depths[unit] = depth;
    return depth;
  };
  const deepest = new Int32Array(snapshot.kind.length);
  snapshot.host.forEach((host, u) => host !== NONE && (deepest[host] = Math.max(deepest[host], depthOf(u, 0))));
  return deepest;
}
