import type { EstablishUnit, MergeUnits, MoveUnit, NewUnit, OrganisationCommand, SplitUnit } from '../organisations/organisation.commands';
import { type EstablishedOrganisation, isUnitOpenOn, valueOn } from '../organisations/organisation.state';
import { evolveOrganisation } from '../organisations/organisation.evolve';
import { assertNever } from '../shared/assert-never';
import type { CalendarDate } from '../shared/calendar-date';
import { type DomainError, domainError } from '../shared/domain-error';
import { checkDistinct } from '../shared/rules';
import { isInCycleOn, openChildrenFrom, openChildrenOn, parentChangeDatesFrom } from './unit-tree';
import type { UnitEstablished, UnitEvent, UnitMoved } from './unit.events';

export type UnitCommand = Exclude<OrganisationCommand, { type: 'EstablishOrganisation' | 'RenameOrganisation' | 'ReclassifyOrganisation' | 'CloseOrganisation' }>;
type Result = readonly UnitEvent[] | DomainError;

/** Decides a unit-tree command against an organisation that is open on the command's effective date. */
export function decideUnitCommand(command: UnitCommand, org: EstablishedOrganisation): Result {
  const on = command.data.effectiveFrom;
  const reason = command.data.reason ? { reason: command.data.reason } : {};
  switch (command.type) {
    case 'EstablishUnit':
      return establish(command.data, org);
    case 'RenameUnit': {
      const missing = requireOpenUnit(org, command.data.unitId, on);
      return missing ?? [{ type: 'UnitRenamed', version: 1, data: command.data }];
    }
    case 'MoveUnit':
      return move(command.data, org);
    case 'MergeUnits':
      return merge(command.data, org);
    case 'SplitUnit':
      return split(command.data, org);
    case 'DissolveUnit': {
      const missing = requireOpenUnit(org, command.data.unitId, on);
      if (missing) return missing;
      // Rule: a unit has exactly one parent at any date, so children (now or scheduled) must be moved before their parent goes.
      const children = openChildrenFrom(org, command.data.unitId, on);
      if (children.length > 0) return domainError('UnitHasOpenChildren', `unit ${command.data.unitId} has open units under it on or after ${on}`, { children });
      return [{ type: 'UnitDissolved', version: 1, data: { organisationId: org.organisationId, unitId: command.data.unitId, effectiveFrom: on, ...reason } }];
    }
    default:
      return assertNever(command);
  }
}

function establish(d: EstablishUnit['data'], org: EstablishedOrganisation): Result {
  if (org.units[d.unitId]) return domainError('UnitAlreadyExists', `unit ${d.unitId} already exists`, { unitId: d.unitId });
  if (d.parentUnitId !== undefined) {
    const parentMissing = requireOpenUnit(org, d.parentUnitId, d.effectiveFrom, 'ParentUnitNotOpen');
    if (parentMissing) return parentMissing;
  }
  const members = d.memberOrganisationIds ?? [];
  const duplicate = checkDistinct('memberOrganisationIds', members);
  if (duplicate) return duplicate;
  if (members.includes(org.organisationId)) {
    return domainError('PartnershipMemberIsHost', 'a partnership unit lists other organisations; its host is a member already');
  }
  const event: UnitEstablished = { type: 'UnitEstablished', version: 1, data: d };
  // Units recorded under a retracted unit still name it as parent: re-establishing its id under one of them would close a cycle.
  const namedAsParent = Object.values(org.units).some((u) => u.parents.some((p) => p.value === d.unitId));
  return (namedAsParent ? checkTree(org, [event]) : undefined) ?? [event];
}

function move(d: MoveUnit['data'], org: EstablishedOrganisation): Result {
  const on = d.effectiveFrom;
  const missing = requireOpenUnit(org, d.unitId, on);
  if (missing) return missing;
  const unit = org.units[d.unitId];
  const fromParentUnitId = valueOn(unit.parents, on);
  if (fromParentUnitId === d.toParentUnitId) {
    return domainError('UnitAlreadyUnderParent', `unit ${d.unitId} is already under ${d.toParentUnitId ?? 'the organisation'} on ${on}`);
  }
  // Rule: a unit has exactly one parent at any date, so two moves cannot take effect on the same day.
  if (unit.parents.some((p) => p.from === on)) {
    return domainError('UnitParentConflict', `unit ${d.unitId} already changes parent on ${on}; correct that event instead`);
  }
  if (d.toParentUnitId !== undefined) {
    const parentMissing = requireOpenUnit(org, d.toParentUnitId, on, 'ParentUnitNotOpen');
    if (parentMissing) return parentMissing;
  }
  const event: UnitMoved = {
    type: 'UnitMoved',
    version: 1,
    data: { organisationId: org.organisationId, unitId: d.unitId, effectiveFrom: on, ...(fromParentUnitId ? { fromParentUnitId } : {}), ...(d.toParentUnitId ? { toParentUnitId: d.toParentUnitId } : {}), ...(d.reason ? { reason: d.reason } : {}) },
  };
  return checkTree(org, [event]) ?? [event];
}

function merge(d: MergeUnits['data'], org: EstablishedOrganisation): Result {
  const on = d.effectiveFrom;
  if (d.unitIds.length < 2) return domainError('MergeNeedsTwoUnits', 'a merge needs at least two units');
  const duplicate = checkDistinct('unitIds', d.unitIds);
  if (duplicate) return duplicate;
  // Rule: only open units merge.
  for (const unitId of d.unitIds) {
    const missing = requireOpenUnit(org, unitId, on);
    if (missing) return missing;
  }
  if ((d.successorUnitId === undefined) === (d.newSuccessor === undefined)) {
    return domainError('MergeNeedsOneSuccessor', 'give exactly one of successorUnitId (an open unit) or newSuccessor (a unit to create)');
  }
  const created = d.newSuccessor ? newUnitEvent(org, d.newSuccessor, on) : undefined;
  if (created && !Array.isArray(created)) return created as DomainError;
  const successorUnitId = d.successorUnitId ?? d.newSuccessor!.unitId;
  if (!created) {
    const missing = requireOpenUnit(org, successorUnitId, on, 'SuccessorUnitNotOpen');
    if (missing) return missing;
  }
  const closing = d.unitIds.filter((id) => id !== successorUnitId);
  const moves = closing.flatMap((id) => openChildrenOn(org, id, on).map((child) => moveEvent(org, child, id, successorUnitId, on)));
  const events: UnitEvent[] = [
    ...((created as UnitEvent[] | undefined) ?? []),
    ...moves,
    { type: 'UnitsMerged', version: 1, data: { organisationId: org.organisationId, unitIds: d.unitIds, successorUnitId, effectiveFrom: on, ...(d.reason ? { reason: d.reason } : {}) } },
  ];
  return checkTree(org, events) ?? events;
}

function split(d: SplitUnit['data'], org: EstablishedOrganisation): Result {
  const on = d.effectiveFrom;
  const missing = requireOpenUnit(org, d.unitId, on);
  if (missing) return missing;
  if (d.successors.length < 2) return domainError('SplitNeedsTwoSuccessors', 'a split needs at least two successor units');
  const duplicate = checkDistinct('successors', d.successors.map((s) => s.unitId));
  if (duplicate) return duplicate;
  const parentUnitId = valueOn(org.units[d.unitId].parents, on);
  const created: UnitEvent[] = [];
  for (const successor of d.successors) {
    const event = newUnitEvent(org, { ...successor, parentUnitId: successor.parentUnitId ?? parentUnitId }, on);
    if (!Array.isArray(event)) return event as DomainError;
    created.push(...event);
  }
  const successorIds = d.successors.map((s) => s.unitId);
  const allocation = d.childAllocation ?? {};
  const children = openChildrenOn(org, d.unitId, on);
  const unallocated = children.filter((child) => !successorIds.includes(allocation[child]));
  if (unallocated.length > 0) {
    return domainError('SplitLeavesChildrenUnallocated', 'every open child of a split unit must be allocated to one of its successors', { unallocated });
  }
  const moves = children.map((child) => moveEvent(org, child, d.unitId, allocation[child], on));
  const events: UnitEvent[] = [
    ...created,
    ...moves,
    { type: 'UnitSplit', version: 1, data: { organisationId: org.organisationId, unitId: d.unitId, successorUnitIds: successorIds, effectiveFrom: on, ...(d.reason ? { reason: d.reason } : {}) } },
  ];
  return checkTree(org, events) ?? events;
}

function newUnitEvent(org: EstablishedOrganisation, unit: NewUnit, on: CalendarDate): UnitEstablished[] | DomainError {
  const result = establish({ organisationId: org.organisationId, effectiveFrom: on, ...unit }, org);
  return Array.isArray(result) ? (result as UnitEstablished[]) : (result as DomainError);
}

const moveEvent = (org: EstablishedOrganisation, unitId: string, from: string, to: string, on: CalendarDate): UnitMoved => ({
  type: 'UnitMoved',
  version: 1,
  data: { organisationId: org.organisationId, unitId, fromParentUnitId: from, toParentUnitId: to, effectiveFrom: on },
});

/** Rule: no cycle in the unit tree, on the effective date or on any later date at which the tree changes. */
function checkTree(org: EstablishedOrganisation, events: readonly UnitEvent[]): DomainError | undefined {
  const after = events.reduce((s, e) => evolveOrganisation(s, e), org as ReturnType<typeof evolveOrganisation>);
  if (after.status !== 'established') return undefined;
  const on = events[0].data.effectiveFrom;
  const moved = events.filter((e): e is UnitMoved | UnitEstablished => e.type === 'UnitMoved' || e.type === 'UnitEstablished').map((e) => e.data.unitId);
  for (const date of parentChangeDatesFrom(after, on)) {
    const cyclic = moved.find((unitId) => isInCycleOn(after, unitId, date));
    if (cyclic) return domainError('UnitTreeCycle', `placing unit ${cyclic} there would put it under itself on ${date}`, { unitId: cyclic, date });
  }
  return undefined;
}

/** Rule: merges, splits, moves, renames and dissolutions apply only to a unit that is open on their date. */
function requireOpenUnit(org: EstablishedOrganisation, unitId: string, on: CalendarDate, code = 'UnitNotOpen'): DomainError | undefined {
  const unit = org.units[unitId];
  if (!unit) return domainError(code === 'UnitNotOpen' ? 'UnitNotFound' : code, `unit ${unitId} does not exist in organisation ${org.organisationId}`, { unitId });
  if (!isUnitOpenOn(unit, on)) return domainError(code, `unit ${unitId} is not open on ${on}`, { unitId, effectiveFrom: on });
  return undefined;
}
