import type { HolderView, PostView, StructureView, UnitView } from '@orgchange/projections';

/** A person's name from the person directory, or null when it has none. */
export type NameOf = (personId: string) => string | null;

const SEAT_KINDS = new Set(['substantive', 'secondment', 'joint']);
const INDENT = '  ';

/**
 * A structure as indented text: the organisation, then each unit (name, id, kind) with its posts before its
 * child units, units in name order. Posts list their holders with the kind of holding; acting, covering and interim holders carry
 * a `[kind]` mark and whom they stand in for; unfilled seats show as `VACANT` or `n vacancies`. A person the
 * directory names shows as `Name <person id>`, anyone else by id alone.
 */
export function structureTree(view: StructureView, nameOf: NameOf = () => null): string[] {
  const o = view.organisation;
  const lines = [`${o.name} (${[o.organisationId, o.code].filter(Boolean).join(', ')}) on ${view.at}, as known at ${view.knownAt}`];
  for (const unit of byName(view.units)) lines.push(...unitLines(unit, 1, nameOf));
  if (view.partnerships.length > 0) {
    lines.push(`${INDENT}partnership units hosted by other organisations:`);
    for (const unit of byName(view.partnerships)) lines.push(...unitLines(unit, 2, nameOf));
  }
  const c = view.counts;
  lines.push(`${c.units} units, ${c.posts} posts, ${c.vacancies} vacancies, ${c.actingOrCovering} acting or covering, ${view.managementLayers} management layers`);
  return lines;
}

function unitLines(unit: UnitView, depth: number, nameOf: NameOf): string[] {
  const pad = INDENT.repeat(depth);
  const partners = unit.memberOrganisationIds.length > 0 ? ` with ${unit.memberOrganisationIds.join(', ')}` : '';
  return [
    `${pad}${unit.name} [${unit.unitId}, ${unit.kind}]${partners}`,
    ...unit.posts.map((post) => `${pad}${INDENT}- ${postLine(post, nameOf)}`),
    ...byName(unit.children).flatMap((child) => unitLines(child, depth + 1, nameOf)),
  ];
}

function postLine(post: PostView, nameOf: NameOf): string {
  const holders = post.holders.map((holder) => holderText(holder, nameOf));
  if (post.vacancies > 0) holders.push(post.holders.length === 0 ? 'VACANT' : `${post.vacancies} ${post.vacancies === 1 ? 'vacancy' : 'vacancies'}`);
  return `${post.title} (${post.postId}): ${holders.join('; ')}`;
}

function holderText(holder: HolderView, nameOf: NameOf): string {
  const who = (personId: string) => {
    const name = nameOf(personId);
    return name === null ? personId : `${name} <${personId}>`;
  };
  if (SEAT_KINDS.has(holder.kind)) return `${who(holder.personId)} (${holder.kind})`;
  return `${who(holder.personId)} [${holder.kind}]${holder.coveringForPersonId ? ` covering ${who(holder.coveringForPersonId)}` : ''}`;
}

const byName = (units: readonly UnitView[]): UnitView[] => [...units].sort((a, b) => a.name.localeCompare(b.name));
