import { LEADERSHIP_FAMILIES } from '@orgchange/domain';
import type { PostView, UnitView } from './structure.types';

export type UnitRow = Readonly<{
  unit_id: string; name: string; kind: string; parent_unit_id: string | null; employing_organisation_id: string | null;
  members: string | null; host: string;
}>;

export type PostRow = Readonly<{
  post_id: string; unit_id: string; title: string; family: string; grade: string; max_holders: number;
  programmed_activities: number | null; group_id: string | null; group_role: string | null;
}>;

/**
 * Assembles units into a tree and works out the management shape. A unit's leaders are its executive,
 * leadership and management posts; each leads the leaders of the units directly below and the other posts
 * of its own unit (its span). Management layers count the units with leaders on the deepest line of the tree.
 * A unit whose parent is not in the list (a partnership unit seen from a member) is a root.
 */
export function buildUnitTree(units: readonly UnitRow[], posts: readonly PostView[]): { roots: UnitView[]; managementLayers: number } {
  const ids = new Set(units.map((u) => u.unit_id));
  const childrenOf = new Map<string | null, UnitRow[]>();
  for (const unit of units) {
    const parent = unit.parent_unit_id !== null && ids.has(unit.parent_unit_id) ? unit.parent_unit_id : null;
    pushTo(childrenOf, parent, unit);
  }
  const postsOf = new Map<string, PostView[]>();
  const leadersOf = new Map<string, number>();
  for (const post of posts) {
    pushTo(postsOf, post.unitId, post);
    if (LEADERSHIP_FAMILIES.has(post.family)) leadersOf.set(post.unitId, (leadersOf.get(post.unitId) ?? 0) + 1);
  }
  const leaderCount = (unitId: string) => leadersOf.get(unitId) ?? 0;

  let managementLayers = 0;
  const build = (unit: UnitRow, layers: number, seen: Set<string>): UnitView => {
    const own = postsOf.get(unit.unit_id) ?? [];
    const depth = layers + (leaderCount(unit.unit_id) > 0 ? 1 : 0);
    managementLayers = Math.max(managementLayers, depth);
    // The tree rules forbid cycles; the guard keeps a damaged record from hanging a query.
    const children = (childrenOf.get(unit.unit_id) ?? []).filter((c) => !seen.has(c.unit_id)).map((c) => build(c, depth, new Set([...seen, c.unit_id])));
    const reports = children.reduce((n, c) => n + leaderCount(c.unitId), 0) + own.filter((p) => !LEADERSHIP_FAMILIES.has(p.family)).length;
    return {
      unitId: unit.unit_id,
      name: unit.name,
      kind: unit.kind,
      parentUnitId: unit.parent_unit_id,
      hostOrganisationId: unit.host,
      memberOrganisationIds: unit.members ? (JSON.parse(unit.members) as string[]) : [],
      employingOrganisationId: unit.employing_organisation_id,
      posts: own.map((p) => ({ ...p, span: LEADERSHIP_FAMILIES.has(p.family) ? reports : null })),
      children,
    };
  };
  const roots = (childrenOf.get(null) ?? []).map((u) => build(u, 0, new Set([u.unit_id])));
  return { roots, managementLayers };
}

/** Appends to the list under `key` (a structure answer groups about a thousand posts this way). */
function pushTo<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}
