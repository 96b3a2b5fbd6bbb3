import type { DiffSide, StructureDiffView } from '@orgchange/projections';

const side = (s: DiffSide): string => `${s.at} as known at ${s.knownAt}${s.open ? '' : ' (not open)'}`;
const parent = (id: string | null): string => id ?? '(top level)';

/**
 * A structure diff as one line per change, `+` added, `-` removed, `~` changed, so it reads like a patch and
 * greps by kind (`grep '^- unit'`).
 */
export function diffLines(view: StructureDiffView): string[] {
  const { units, posts, holders } = view;
  const lines = [
    ...units.added.map((u) => `+ unit ${u.unitId} "${u.name}" (${u.kind}) under ${parent(u.parentUnitId)}`),
    ...units.removed.map((u) => `- unit ${u.unitId} "${u.name}" (${u.kind})`),
    ...units.renamed.map((u) => `~ unit ${u.unitId} renamed "${u.fromName}" → "${u.toName}"`),
    ...units.moved.map((u) => `~ unit ${u.unitId} moved ${parent(u.fromParentUnitId)} → ${parent(u.toParentUnitId)}`),
    ...posts.created.map((p) => `+ post ${p.postId} "${p.title}" in ${p.unitId}`),
    ...posts.abolished.map((p) => `- post ${p.postId} "${p.title}" in ${p.unitId}`),
    ...posts.retitled.map((p) => `~ post ${p.postId} retitled "${p.fromTitle}" → "${p.toTitle}"`),
    ...posts.regraded.map((p) => `~ post ${p.postId} regraded ${p.fromGrade} → ${p.toGrade}`),
    ...holders.appointed.map((h) => `+ holder ${h.personId} appointed to ${h.postId} (${h.kind})`),
    ...holders.left.map((h) => `- holder ${h.personId} left ${h.postId} (${h.kind})`),
    ...holders.kindChanged.map((h) => `~ holder ${h.personId} in ${h.postId} ${h.fromKind} → ${h.toKind}`),
  ];
  return [`${view.organisationId}: ${side(view.from)} → ${side(view.to)}`, ...(lines.length > 0 ? lines : ['no changes'])];
}
