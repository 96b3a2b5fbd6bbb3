import { requireOpen } from '../organisations/organisation.decider';
import { type EstablishedOrganisation, isMemberOn, isUnitOpenOn, type OrganisationState, valueOn } from '../organisations/organisation.state';
import { openChildrenFrom } from '../units/unit-tree';
import { assertNever } from '../shared/assert-never';
import type { CalendarDate } from '../shared/calendar-date';
import { type DomainError, domainError, isDomainError } from '../shared/domain-error';
import { checkDistinct, checkRealDate } from '../shared/rules';
import type { OrganisationsMerged, OrganisationSplit } from '../organisations/organisation.events';
import { type CrossOrganisationCommand, organisationsInvolved } from './boundary.commands';
import type { BoundaryEvent } from './boundary.events';

/** Events per organisation id: each list is appended to that organisation's stream, all in one transaction. */
export type CrossOrganisationDecision = Readonly<Record<string, readonly (BoundaryEvent | OrganisationsMerged | OrganisationSplit)[]>>;

/**
 * Decides a command that changes several organisations, against all their current states
 * (`states` holds one entry per id of `organisationsInvolved(command)`; a missing stream is `{status: 'none'}`).
 * The same fact is recorded in every involved stream, so each organisation's history is complete on its own.
 */
export function decideAcrossOrganisations(
  command: CrossOrganisationCommand,
  states: Readonly<Record<string, OrganisationState>>,
): CrossOrganisationDecision | DomainError {
  const badDate = checkRealDate('effectiveFrom', command.data.effectiveFrom);
  if (badDate) return badDate;
  const on = command.data.effectiveFrom;
  const involved = organisationsInvolved(command);
  const open: Record<string, EstablishedOrganisation> = {};
  for (const id of involved) {
    const result = requireOpen(states[id] ?? { status: 'none' }, id, on);
    if (isDomainError(result)) return result;
    open[id] = result;
  }
  const event = decideEvent(command, open, on);
  if (isDomainError(event)) return event;
  return Object.fromEntries(involved.map((id) => [id, [event]]));
}

function decideEvent(
  command: CrossOrganisationCommand,
  orgs: Readonly<Record<string, EstablishedOrganisation>>,
  on: CalendarDate,
): BoundaryEvent | OrganisationsMerged | OrganisationSplit | DomainError {
  switch (command.type) {
    case 'MergeOrganisations': {
      const { predecessorIds, successorId } = command.data;
      if (predecessorIds.length === 0) return domainError('MergeNeedsPredecessors', 'name at least one organisation to merge');
      if (predecessorIds.includes(successorId)) return domainError('SuccessorIsPredecessor', 'the successor cannot also be merged away');
      return checkDistinct('predecessorIds', predecessorIds) ?? { type: 'OrganisationsMerged', version: 1, data: command.data };
    }
    case 'SplitOrganisation': {
      const { predecessorId, successorIds } = command.data;
      if (successorIds.length < 2) return domainError('SplitNeedsTwoSuccessors', 'a split needs at least two successor organisations');
      if (successorIds.includes(predecessorId)) return domainError('SuccessorIsPredecessor', 'an organisation cannot split into itself');
      return checkDistinct('successorIds', successorIds) ?? { type: 'OrganisationSplit', version: 1, data: command.data };
    }
    case 'TransferService': {
      const d = command.data;
      if (d.fromOrganisationId === d.toOrganisationId) return domainError('TransferWithinOrganisation', 'a transfer moves a service to another organisation; use a unit move within one');
      const from = orgs[d.fromOrganisationId];
      const unit = from.units[d.unitId];
      if (!isUnitOpenOn(unit, on)) return domainError('UnitNotOpen', `unit ${d.unitId} is not open in ${d.fromOrganisationId} on ${on}`, { unitId: d.unitId });
      // A transferred unit arrives alone; its sub-units (now or scheduled) are transferred (or re-homed) first, so each keeps one parent.
      const children = openChildrenFrom(from, d.unitId, on);
      if (children.length > 0) return domainError('UnitHasOpenChildren', `unit ${d.unitId} still has open units under it; transfer or move them first`, { children });
      const to = orgs[d.toOrganisationId];
      if (to.units[d.unitId]) return domainError('UnitAlreadyExists', `unit ${d.unitId} already exists in ${d.toOrganisationId}`);
      if (d.toParentUnitId !== undefined && !isUnitOpenOn(to.units[d.toParentUnitId], on)) {
        return domainError('ParentUnitNotOpen', `unit ${d.toParentUnitId} is not open in ${d.toOrganisationId} on ${on}`);
      }
      const employingOrganisationId = d.employingOrganisationId ?? d.toOrganisationId;
      if (employingOrganisationId !== d.fromOrganisationId && employingOrganisationId !== d.toOrganisationId) {
        return domainError('EmployerNotInvolved', 'the employer after a transfer is the losing or the gaining organisation; record other changes of employer as employment transfers');
      }
      return {
        type: 'ServiceTransferred',
        version: 1,
        data: { ...d, unitName: valueOn(unit.names, on) ?? d.unitId, unitKind: unit.kind, employingOrganisationId },
      };
    }
    case 'ChangeMembership': {
      const d = command.data;
      if (d.groupOrganisationId === d.memberOrganisationId) return domainError('MemberIsGroup', 'an organisation cannot be a member of itself');
      const group = orgs[d.groupOrganisationId];
      let periods = group.members;
      if (d.partnershipUnitId !== undefined) {
        const unit = group.units[d.partnershipUnitId];
        if (!isUnitOpenOn(unit, on)) return domainError('UnitNotOpen', `unit ${d.partnershipUnitId} is not open on ${on}`);
        periods = unit.members;
      }
      const member = isMemberOn(periods, d.memberOrganisationId, on);
      if (d.change === 'joined' && member) return domainError('AlreadyMember', `${d.memberOrganisationId} is already a member on ${on}`);
      if (d.change === 'left' && !member) return domainError('NotAMember', `${d.memberOrganisationId} is not a member on ${on}`);
      return { type: 'MembershipChanged', version: 1, data: d };
    }
    case 'RedrawBoundary': {
      const d = command.data;
      if (d.fromOrganisationId === d.toOrganisationId) return domainError('BoundaryWithinOrganisation', 'a boundary is redrawn between two organisations');
      const amounts = [d.population, d.budgetGbp, d.areaKm2].filter((n) => n !== undefined) as number[];
      if (amounts.some((n) => !Number.isFinite(n) || n < 0)) return domainError('NegativeAmount', 'moved amounts are positive: the direction is from → to');
      return { type: 'BoundaryRedrawn', version: 1, data: d };
    }
    case 'TransferEmployment': {
      const d = command.data;
      if (d.fromEmployerId === d.toEmployerId) return domainError('SameEmployer', 'the new employer must differ from the old one');
      if (d.personIds.length === 0) return domainError('NoPeople', 'name at least one person whose employment transfers');
      const duplicate = checkDistinct('personIds', d.personIds);
      if (duplicate) return duplicate;
      if (!isUnitOpenOn(orgs[d.hostOrganisationId].units[d.unitId], on)) {
        return domainError('UnitNotOpen', `unit ${d.unitId} is not open in ${d.hostOrganisationId} on ${on}`);
      }
      return { type: 'EmploymentTransferred', version: 1, data: d };
    }
    default:
      return assertNever(command);
  }
}
