import type { PostView, StructureView, UnitView } from '../structure/structure.types';
import type { DiffHolderRef, StructureDiffView } from './diff.types';

type Sides = Pick<StructureDiffView, 'units' | 'posts' | 'holders'>;

/**
 * Compares two answers of the structure query. Units and posts are matched by id, holders by post and person,
 * so a re-appointment under a new appointment id is not a change; partnership units hosted by another
 * organisation are left to that organisation's diff. Undefined stands for "not open": everything is added or removed.
 */
export function diffStructures(before: StructureView | undefined, after: StructureView | undefined): Sides {
  const [unitsA, unitsB] = [unitsOf(before), unitsOf(after)];
  const [postsA, postsB] = [postsOf(unitsA), postsOf(unitsB)];
  const [holdersA, holdersB] = [holdersOf(postsA), holdersOf(postsB)];
  const both = <T>(a: Map<string, T>, b: Map<string, T>) => [...b.entries()].filter(([id]) => a.has(id)).map(([id, later]) => [a.get(id)!, later] as const);
  const only = <T>(a: Map<string, T>, b: Map<string, T>) => [...a.entries()].filter(([id]) => !b.has(id)).map(([, value]) => value);
  const unitRef = (u: UnitView) => ({ unitId: u.unitId, name: u.name, kind: u.kind, parentUnitId: u.parentUnitId });
  const postRef = (p: PostView) => ({ postId: p.postId, unitId: p.unitId, title: p.title });
  return {
    units: {
      added: only(unitsB, unitsA).map(unitRef),
      removed: only(unitsA, unitsB).map(unitRef),
      renamed: both(unitsA, unitsB).filter(([a, b]) => a.name !== b.name).map(([a, b]) => ({ unitId: b.unitId, fromName: a.name, toName: b.name })),
      moved: both(unitsA, unitsB)
        .filter(([a, b]) => a.parentUnitId !== b.parentUnitId)
        .map(([a, b]) => ({ unitId: b.unitId, name: b.name, fromParentUnitId: a.parentUnitId, toParentUnitId: b.parentUnitId })),
    },
    posts: {
      created: only(postsB, postsA).map(postRef),
      abolished: only(postsA, postsB).map(postRef),
      retitled: both(postsA, postsB).filter(([a, b]) => a.title !== b.title).map(([a, b]) => ({ postId: b.postId, fromTitle: a.title, toTitle: b.title })),
      regraded: both(postsA, postsB).filter(([a, b]) => a.grade !== b.grade).map(([a, b]) => ({ postId: b.postId, title: b.title, fromGrade: a.grade, toGrade: b.grade })),
    },
    holders: {
      appointed: only(holdersB, holdersA),
      left: only(holdersA, holdersB),
      kindChanged: both(holdersA, holdersB)
        .filter(([a, b]) => a.kind !== b.kind)
        .map(([a, b]) => ({ postId: b.postId, title: b.title, personId: b.personId, fromKind: a.kind, toKind: b.kind })),
    },
  };
}

function unitsOf(view: StructureView | undefined): Map<string, UnitView> {
  const units = new Map<string, UnitView>();
  const visit = (unit: UnitView) => {
    units.set(unit.unitId, unit);
    unit.children.forEach(visit);
  };
  view?.units.forEach(visit);
  return units;
}

const postsOf = (units: Map<string, UnitView>): Map<string, PostView> => new Map([...units.values()].flatMap((u) => u.posts.map((p) => [p.postId, p] as const)));

function holdersOf(posts: Map<string, PostView>): Map<string, DiffHolderRef> {
  const holders = new Map<string, DiffHolderRef>();
  for (const post of posts.values()) {
    for (const h of post.holders) {
      const key = `${post.postId}|${h.personId}`;
      if (!holders.has(key)) holders.set(key, { postId: post.postId, title: post.title, personId: h.personId, kind: h.kind });
    }
  }
  return holders;
}
