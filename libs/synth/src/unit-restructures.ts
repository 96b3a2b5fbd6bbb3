import { clinicalPost, leadershipOf, specialtyLeadership } from './organisation-plan';
import { appointHolder, endAllHoldings, planVacancy } from './post-lifecycle';
import { dateOf } from './sim-days';
import { activePosts, type OrganisationContext, openUnits, type PostSim, type UnitSim } from './sim-model';
import { NEW_SERVICE_NAMES, RENAMES } from './synthetic-names';

/** Two divisions merge into a new one; their leadership posts go, and the new triumvirate is filled from their holders. */
export function onMergeDivisions(context: OrganisationContext, day: number): void {
  const divisions = openUnits(context, 'division');
  if (divisions.length < 2) return;
  const a = context.random.pick(divisions);
  const b = context.random.pick(divisions.filter((d) => d !== a));
  const reason = `${a.name} and ${b.name} divisions merged`;
  const former = closeLeadership(context, [a, b], day, reason);
  const successor = newUnit(context, `${a.name} and ${b.name}`, 'division');
  context.log.organisation(
    context.organisationId,
    { type: 'MergeUnits', data: { organisationId: context.organisationId, unitIds: [a.unitId, b.unitId], newSuccessor: { unitId: successor.unitId, name: successor.name, kind: 'division' }, effectiveFrom: dateOf(day), reason } },
    context.ids,
  );
  a.open = false;
  b.open = false;
  for (const unit of context.units) if (unit.open && (unit.parent === a || unit.parent === b)) unit.parent = successor;
  reappoint(context, successor, former, day);
}

/** The division with most directorates splits in two; its holders are re-appointed to the first successor. */
export function onSplitDivision(context: OrganisationContext, day: number): void {
  const directorates = openUnits(context, 'directorate');
  const childrenOf = (d: UnitSim) => directorates.filter((u) => u.parent === d);
  const division = openUnits(context, 'division')
    .filter((d) => childrenOf(d).length >= 2)
    .sort((x, y) => childrenOf(y).length - childrenOf(x).length)[0];
  if (!division) return;
  const reason = `${division.name} division split into planned and unplanned care`;
  const former = closeLeadership(context, [division], day, reason);
  const successors = [newUnit(context, `${division.name} (Planned Care)`, 'division'), newUnit(context, `${division.name} (Unplanned Care)`, 'division')];
  const children = childrenOf(division);
  const childAllocation = Object.fromEntries(children.map((c, i) => [c.unitId, successors[i % 2].unitId]));
  context.log.organisation(
    context.organisationId,
    {
      type: 'SplitUnit',
      data: { organisationId: context.organisationId, unitId: division.unitId, successors: successors.map((s) => ({ unitId: s.unitId, name: s.name, kind: 'division' as const })), childAllocation, effectiveFrom: dateOf(day), reason },
    },
    context.ids,
  );
  division.open = false;
  children.forEach((c, i) => (c.parent = successors[i % 2]));
  reappoint(context, successors[0], former, day);
  reappoint(context, successors[1], new Map(), day);
}

/** A specialty closes: its posts are abolished and their holders wait for redeployment. */
export function onDissolveSpecialty(context: OrganisationContext, day: number): void {
  const specialties = openUnits(context, 'specialty');
  if (specialties.length < 2) return;
  const unit = context.random.pick(specialties);
  const reason = `${unit.name} service decommissioned`;
  for (const holders of closeLeadership(context, [unit], day, reason).values()) context.redeployable.push(...holders);
  context.log.organisation(context.organisationId, { type: 'DissolveUnit', data: { organisationId: context.organisationId, unitId: unit.unitId, effectiveFrom: dateOf(day), reason } }, context.ids);
  unit.open = false;
}

/** A new service is set up under a directorate, with a clinical lead, a manager and four clinical posts to recruit. */
export function onNewService(context: OrganisationContext, day: number): void {
  const parent = context.random.pick(openUnits(context, 'directorate'));
  if (!parent) return;
  const used = new Set(context.units.map((u) => u.name));
  const name = NEW_SERVICE_NAMES.find((n) => !used.has(n)) ?? `${context.random.pick(NEW_SERVICE_NAMES)} ${context.units.length}`;
  const unit = newUnit(context, name, 'specialty', parent);
  context.log.organisation(
    context.organisationId,
    { type: 'EstablishUnit', data: { organisationId: context.organisationId, unitId: unit.unitId, name, kind: 'service', parentUnitId: parent.unitId, effectiveFrom: dateOf(day) } },
    context.ids,
  );
  const templates = [...specialtyLeadership(name), ...[0, 1, 2, 3].map((n) => clinicalPost(context.random, n, name))];
  for (const template of templates) {
    const post = context.createPost(unit, template, day);
    post.seats.forEach((_, seat) => planVacancy(context, post, seat, day));
  }
}

/** A directorate moves to another division. */
export function onMoveUnit(context: OrganisationContext, day: number): void {
  const divisions = openUnits(context, 'division');
  const unit = context.random.pick(openUnits(context, 'directorate'));
  const target = unit && context.random.pick(divisions.filter((d) => d !== unit.parent));
  if (!unit || !target) return;
  // Rule: one parent change per unit per day (a merge may have moved it today).
  if (context.log.organisationState(context.organisationId).units[unit.unitId].parents.some((p) => p.from === dateOf(day))) return;
  context.log.organisation(
    context.organisationId,
    { type: 'MoveUnit', data: { organisationId: context.organisationId, unitId: unit.unitId, toParentUnitId: target.unitId, effectiveFrom: dateOf(day), reason: `realigned with ${target.name}` } },
    context.ids,
  );
  unit.parent = target;
}

/** A unit is renamed; now and then the date is keyed in wrongly (later) and corrected, backdated, weeks after. */
export function onRenameUnit(context: OrganisationContext, day: number, wrongDate: boolean): void {
  const unit = context.random.pick(context.units.filter((u) => u.open && (u.level === 'directorate' || u.level === 'specialty')));
  if (!unit) return;
  const typo = wrongDate && context.restructureDays.every((d) => d < day || d > day + 60) ? context.random.between(14, 45) : 0;
  unit.name = context.random.pick(RENAMES)(unit.name);
  const [event] = context.log.organisation(
    context.organisationId,
    { type: 'RenameUnit', data: { organisationId: context.organisationId, unitId: unit.unitId, name: unit.name, effectiveFrom: dateOf(day + typo) } },
    context.ids,
  );
  if (typo > 0) context.schedule(day + typo + context.random.between(7, 60), { type: 'correctOrganisation', eventId: event.eventId, effectiveFrom: day });
}

/** Ends every holding of the units' posts and abolishes the posts; returns the former holders by group role. */
function closeLeadership(context: OrganisationContext, units: readonly UnitSim[], day: number, reason: string): Map<string, string[]> {
  const former = new Map<string, string[]>();
  for (const post of units.flatMap(activePosts)) {
    const holders = endAllHoldings(context, post, day, reason);
    abolish(context, post, day, reason);
    const role = post.template.groupRole ?? post.template.title;
    former.set(role, [...(former.get(role) ?? []), ...holders]);
  }
  return former;
}

export function abolish(context: OrganisationContext, post: PostSim, day: number, reason: string): void {
  context.log.post(post.postId, { type: 'AbolishPost', data: { postId: post.postId, effectiveFrom: dateOf(day), reason } }, context.ids);
  post.abolished = true;
}

/** Creates a division's triumvirate; each post goes to a former holder of the same role if there is one. */
function reappoint(context: OrganisationContext, unit: UnitSim, former: Map<string, string[]>, day: number): void {
  const groupId = context.ids.next();
  for (const template of leadershipOf('division', unit.name)) {
    const post = context.createPost(unit, template, day, groupId);
    const personId = former.get(template.groupRole!)?.shift();
    if (personId) appointHolder(context, post, 0, day, personId);
    else planVacancy(context, post, 0, day);
  }
  for (const people of former.values()) context.redeployable.push(...people);
}

function newUnit(context: OrganisationContext, name: string, level: UnitSim['level'], parent?: UnitSim): UnitSim {
  const unit: UnitSim = { unitId: context.ids.next(), name, kind: level === 'division' ? 'division' : 'service', level, open: true, posts: [], ...(parent ? { parent } : {}) };
  context.units.push(unit);
  return unit;
}
