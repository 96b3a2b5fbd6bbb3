import { assertNever, type OrganisationCommand } from '@orgchange/domain';
import type { ChangeScope } from './change-scope';
import { changedUnitImpact, receivingUnitImpact } from './unit-rules';

/**
 * Commands on one organisation's stream. A change to the organisation itself affects its board; a change to a
 * unit affects that unit's members and managers, and the leaders of wherever it goes.
 */
export function organisationImpact(command: OrganisationCommand, scope: ChangeScope): void {
  switch (command.type) {
    case 'EstablishOrganisation':
      return scope.tellOrganisation(command.data.organisationId, 'organisation-established');
    case 'RenameOrganisation':
      return scope.tellOrganisation(command.data.organisationId, 'organisation-renamed');
    case 'ReclassifyOrganisation':
      return scope.tellOrganisation(command.data.organisationId, 'organisation-reclassified');
    case 'CloseOrganisation':
      return scope.tellOrganisation(command.data.organisationId, 'organisation-closed');
    default:
      return unitCommandImpact(command, scope, command.data.organisationId);
  }
}

type UnitCommand = Exclude<OrganisationCommand, { type: 'EstablishOrganisation' | 'RenameOrganisation' | 'ReclassifyOrganisation' | 'CloseOrganisation' }>;

function unitCommandImpact(command: UnitCommand, scope: ChangeScope, organisationId: string): void {
  const structure = scope.structure(organisationId);
  if (structure === undefined) return;
  if (structure === null) return scope.unresolved(organisationId, 'UnitNotFound');
  switch (command.type) {
    case 'EstablishUnit': {
      // The new unit has no members yet; its parent's leaders gain it, and a partnership names its partners.
      receivingUnitImpact(scope, structure, command.data.parentUnitId);
      for (const partner of command.data.memberOrganisationIds ?? []) if (partner !== organisationId) scope.tellOrganisation(partner, 'partner-organisation');
      return;
    }
    case 'RenameUnit':
    case 'DissolveUnit':
      changedUnitImpact(scope, structure, command.data.unitId);
      return;
    case 'MoveUnit':
      if (changedUnitImpact(scope, structure, command.data.unitId)) receivingUnitImpact(scope, structure, command.data.toParentUnitId);
      return;
    case 'MergeUnits': {
      const { unitIds, successorUnitId, newSuccessor } = command.data;
      for (const unitId of new Set([...unitIds, ...(successorUnitId ? [successorUnitId] : [])])) changedUnitImpact(scope, structure, unitId);
      receivingUnitImpact(scope, structure, newSuccessor?.parentUnitId);
      return;
    }
    case 'SplitUnit':
      if (changedUnitImpact(scope, structure, command.data.unitId)) {
        for (const successor of command.data.successors) receivingUnitImpact(scope, structure, successor.parentUnitId);
      }
      return;
    default:
      return assertNever(command);
  }
}
