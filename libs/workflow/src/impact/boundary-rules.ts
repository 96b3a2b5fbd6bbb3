import { assertNever, type CrossOrganisationCommand } from '@orgchange/domain';
import type { ChangeScope } from './change-scope';
import { changedUnitImpact, receivingUnitImpact } from './unit-rules';

/**
 * A boundary change affects every organisation it involves, each through its board: the one that loses and the
 * one that gains (a service, an area, staff or its existence), and an employer other than the host. A unit
 * that moves with it affects its members and managers as any changed unit does.
 */
export function boundaryImpact(command: CrossOrganisationCommand, scope: ChangeScope): void {
  switch (command.type) {
    case 'MergeOrganisations': {
      const { predecessorIds, successorId } = command.data;
      for (const id of predecessorIds) if (id !== successorId) scope.tellOrganisation(id, 'losing-organisation');
      return scope.tellOrganisation(successorId, 'gaining-organisation');
    }
    case 'SplitOrganisation':
      scope.tellOrganisation(command.data.predecessorId, 'losing-organisation');
      for (const id of command.data.successorIds) scope.tellOrganisation(id, 'gaining-organisation');
      return;
    case 'RedrawBoundary':
      scope.tellOrganisation(command.data.fromOrganisationId, 'losing-organisation');
      return scope.tellOrganisation(command.data.toOrganisationId, 'gaining-organisation');
    case 'TransferService': {
      const { unitId, fromOrganisationId, toOrganisationId, toParentUnitId, employingOrganisationId } = command.data;
      scope.tellOrganisation(fromOrganisationId, 'losing-organisation');
      scope.tellOrganisation(toOrganisationId, 'gaining-organisation');
      if (employingOrganisationId !== undefined && employingOrganisationId !== toOrganisationId) scope.tellOrganisation(employingOrganisationId, 'employing-organisation');
      unitOf(scope, fromOrganisationId, unitId);
      const gaining = scope.structure(toOrganisationId);
      if (gaining) receivingUnitImpact(scope, gaining, toParentUnitId);
      return;
    }
    case 'ChangeMembership': {
      const { groupOrganisationId, memberOrganisationId, partnershipUnitId } = command.data;
      scope.tellOrganisation(groupOrganisationId, 'group-organisation');
      scope.tellOrganisation(memberOrganisationId, 'member-organisation');
      if (partnershipUnitId !== undefined) unitOf(scope, groupOrganisationId, partnershipUnitId);
      return;
    }
    case 'TransferEmployment': {
      const { hostOrganisationId, unitId, fromEmployerId, toEmployerId } = command.data;
      scope.tellOrganisation(fromEmployerId, 'losing-organisation');
      scope.tellOrganisation(toEmployerId, 'gaining-organisation');
      if (hostOrganisationId !== fromEmployerId && hostOrganisationId !== toEmployerId) scope.tellOrganisation(hostOrganisationId, 'host-organisation');
      return unitOf(scope, hostOrganisationId, unitId);
    }
    default:
      return assertNever(command);
  }
}

function unitOf(scope: ChangeScope, organisationId: string, unitId: string): void {
  const structure = scope.structure(organisationId);
  if (structure === null) scope.unresolved(unitId, 'UnitNotFound');
  else if (structure) changedUnitImpact(scope, structure, unitId);
}
