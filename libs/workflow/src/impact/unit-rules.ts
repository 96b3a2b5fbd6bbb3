import type { UnitView } from '@orgchange/projections';
import type { ChangeScope } from './change-scope';
import type { StructureIndex } from './structure-index';

/**
 * A changed unit affects its members (the holders of its own posts) and its managers (the leadership posts of
 * the unit and of its parent). A partnership unit also affects its member organisations, and a unit whose
 * people another organisation employs affects that employer: both must agree to what happens to their staff.
 */
export function changedUnitImpact(scope: ChangeScope, structure: StructureIndex, unitId: string): UnitView | undefined {
  const unit = structure.unit(unitId);
  if (!unit) {
    scope.unresolved(unitId, 'UnitNotFound');
    return undefined;
  }
  scope.tellUnit(unit, 'unit-member');
  scope.tellHeldPosts(structure, structure.leadersOf(unit), 'unit-manager');
  const parent = structure.parentOf(unit);
  if (parent) scope.tellHeldPosts(structure, structure.leadersOf(parent), 'unit-manager');
  for (const partner of unit.memberOrganisationIds) if (partner !== unit.hostOrganisationId) scope.tellOrganisation(partner, 'partner-organisation');
  for (const employer of employersOf(unit)) scope.tellOrganisation(employer, 'employing-organisation');
  return unit;
}

/** The leaders of a unit that gains a unit, a post or a successor: they will manage what arrives. */
export function receivingUnitImpact(scope: ChangeScope, structure: StructureIndex, unitId: string | undefined): void {
  const unit = unitId === undefined ? undefined : structure.unit(unitId);
  if (unit) scope.tellHeldPosts(structure, structure.leadersOf(unit), 'unit-manager');
}

/** Organisations other than the host that employ the unit or the people in it. */
function employersOf(unit: UnitView): Set<string> {
  const employers = new Set<string>();
  if (unit.employingOrganisationId !== null) employers.add(unit.employingOrganisationId);
  for (const post of unit.posts) for (const holder of post.holders) employers.add(holder.employingOrganisationId);
  employers.delete(unit.hostOrganisationId);
  return employers;
}
