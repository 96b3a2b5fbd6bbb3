import { LEADERSHIP_FAMILIES } from '@orgchange/domain';
import type { UnitRecordRow } from './structure-rows';
import type { PostView, UnitView } from './structure.types';

const NONE: readonly never[] = [];

/**
 * Assembles units into a tree and works out the management shape. A unit's leaders are its executive,
 * leadership and management posts; each leads the leaders of the units directly below and the other posts
 * of its own unit (its span). Management layers count the units with leaders on the deepest line of the tree.
 * A unit whose parent is not in the list (a partnership unit seen from a member) is a root; a unit is hosted
 * by the organisation whose row it is. `posts` must be new objects of this answer: each gets its span in place.
 */
export function buildUnitTree(units: readonly UnitRecordRow[], posts: readonly PostView[], membersOf: (unit: UnitRecordRow) => string[]): { roots: UnitView[]; managementLayers: number } {
  const ids = new Set<string>();
  for (const unit of units) ids.add(unit.unit_id);
  const childrenOf = new Map<string | null, UnitRecordRow[]>();
  for (const unit of units) pushTo(childrenOf, unit.parent_unit_id !== null && ids.has(unit.parent_unit_id) ? unit.parent_unit_id : null, unit);
  // One lookup per post: a unit's posts and how many of them lead. The family set is read once (an imported binding is a getter call in compiled code).
  const leadership = LEADERSHIP_FAMILIES;
  const postsOf = new Map<string, { posts: PostView[]; leaders: number }>();
  for (const post of posts) {
    const entry = postsOf.get(post.unitId);
    const leads = leadership.has(post.family) ? 1 : 0;
    if (entry) {
      entry.posts.push(post);
      entry.leaders += leads;
    } else postsOf.set(post.unitId, { posts: [post], leaders: leads });
  }
  const leaderCount = (unitId: string) => postsOf.get(unitId)?.leaders ?? 0;
  // A unit listed twice (two rows holding at once, which the projector never writes) shows its posts twice:
  // then each copy gets posts of its own, so that setting a span in one cannot change the other.
  const ownPosts = ids.size === units.length ? (list: PostView[]) => list : (list: PostView[]) => list.map((p) => ({ ...p }));

  let managementLayers = 0;
  // The units from the root to the one being built: the tree rules forbid cycles, and this guard keeps a damaged record from hanging a query.
  const path = new Set<string>();
  const build = (unit: UnitRecordRow, layers: number): UnitView => {
    const own = postsOf.get(unit.unit_id);
    const depth = layers + (own && own.leaders > 0 ? 1 : 0);
    managementLayers = Math.max(managementLayers, depth);
    const children: UnitView[] = [];
    let reports = 0;
    for (const child of childrenOf.get(unit.unit_id) ?? NONE) {
      if (path.has(child.unit_id)) continue;
      path.add(child.unit_id);
      children.push(build(child, depth));
      path.delete(child.unit_id);
      reports += leaderCount(child.unit_id);
    }
    const shown = own ? ownPosts(own.posts) : [];
    if (own) reports += shown.length - own.leaders;
    for (const post of shown) (post as { span: number | null }).span = leadership.has(post.family) ? reports : null;
    return {
      unitId: unit.unit_id,
      name: unit.name,
      kind: unit.kind,
      parentUnitId: unit.parent_unit_id,
      hostOrganisationId: unit.organisation_id,
      memberOrganisationIds: membersOf(unit),
      employingOrganisationId: unit.employing_organisation_id,
      posts: shown,
      children,
    };
  };
  const roots: UnitView[] = [];
  for (const root of childrenOf.get(null) ?? NONE) {
    path.add(root.unit_id);
    roots.push(build(root, 0));
    path.delete(root.unit_id);
  }
  return { roots, managementLayers };
}

/** Appends to the list under `key` (a structure answer groups about a thousand posts this way). */
function pushTo<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}
