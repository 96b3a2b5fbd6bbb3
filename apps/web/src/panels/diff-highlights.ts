import type { StructureDiff } from '../api-types';
import type { ChartHighlights } from '../chart/chart-model';

/** What a diff marks on the chart drawn at its later date: units added, moved or renamed; posts and holders new or changed. */
export function diffHighlights(diff: StructureDiff): ChartHighlights {
  const units = new Map<string, string>();
  for (const u of diff.units.added) units.set(u.unitId, 'added');
  for (const u of diff.units.moved) units.set(u.unitId, 'moved');
  for (const u of diff.units.renamed) units.set(u.unitId, units.has(u.unitId) ? `${units.get(u.unitId)}, renamed` : 'renamed');
  const posts = new Map<string, string>();
  for (const p of diff.posts.created) posts.set(p.postId, 'created');
  for (const p of diff.posts.retitled) posts.set(p.postId, 'retitled');
  for (const p of diff.posts.regraded) posts.set(p.postId, posts.has(p.postId) ? `${posts.get(p.postId)}, regraded` : 'regraded');
  const holders = new Map<string, string>();
  for (const h of diff.holders.appointed) holders.set(`${h.postId}|${h.personId}`, 'appointed');
  for (const h of diff.holders.kindChanged) holders.set(`${h.postId}|${h.personId}`, `${h.fromKind} → ${h.toKind}`);
  return { units, posts, holders };
}

/** The diff as lines of text, section by section; the removed and left parts are only listed (the chart cannot show them). */
export function diffSections(diff: StructureDiff): { heading: string; lines: string[] }[] {
  // Parents are named when the diff names them (added, removed, moved or renamed units), else shown by id.
  const names = new Map<string, string>([...diff.units.added, ...diff.units.removed, ...diff.units.moved].map((u) => [u.unitId, u.name]));
  for (const u of diff.units.renamed) names.set(u.unitId, u.toName);
  const parent = (id: string | null) => (id === null ? '(top level)' : (names.get(id) ?? id));
  return [
    { heading: 'Units added', lines: diff.units.added.map((u) => `${u.name} (${u.kind})`) },
    { heading: 'Units removed', lines: diff.units.removed.map((u) => `${u.name} (${u.kind})`) },
    { heading: 'Units renamed', lines: diff.units.renamed.map((u) => `${u.fromName} → ${u.toName}`) },
    { heading: 'Units moved', lines: diff.units.moved.map((u) => `${u.name}: ${parent(u.fromParentUnitId)} → ${parent(u.toParentUnitId)}`) },
    { heading: 'Posts created', lines: diff.posts.created.map((p) => p.title) },
    { heading: 'Posts abolished', lines: diff.posts.abolished.map((p) => p.title) },
    { heading: 'Posts retitled', lines: diff.posts.retitled.map((p) => `${p.fromTitle} → ${p.toTitle}`) },
    { heading: 'Posts regraded', lines: diff.posts.regraded.map((p) => `${p.title}: ${p.fromGrade} → ${p.toGrade}`) },
    { heading: 'Holders appointed', lines: diff.holders.appointed.map((h) => `${h.personId} to ${h.title} (${h.kind})`) },
    { heading: 'Holders left', lines: diff.holders.left.map((h) => `${h.personId} from ${h.title} (${h.kind})`) },
    { heading: 'Holders changed how they hold a post', lines: diff.holders.kindChanged.map((h) => `${h.personId} in ${h.title}: ${h.fromKind} → ${h.toKind}`) },
  ].filter((s) => s.lines.length > 0);
}
