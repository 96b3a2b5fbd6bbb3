import type { CalendarDate } from '../shared/calendar-date';
import { type DomainError, domainError } from '../shared/domain-error';
import { type EstablishedOrganisation, isUnitOpenOn, type OrganisationState, valueOn } from '../organisations/organisation.state';

/** Units whose parent on `date` is `unitId` and which are open on that date. */
export function openChildrenOn(state: EstablishedOrganisation, unitId: string, date: CalendarDate): string[] {
  return Object.values(state.units)
    .filter((unit) => isUnitOpenOn(unit, date) && valueOn(unit.parents, date) === unitId)
    .map((unit) => unit.unitId);
}

/** Units open under `unitId` on `from` or on any later date at which the tree changes (a child established or moved in later). */
export function openChildrenFrom(state: EstablishedOrganisation, unitId: string, from: CalendarDate): string[] {
  return [...new Set(parentChangeDatesFrom(state, from).flatMap((date) => openChildrenOn(state, unitId, date)))];
}

/** True when walking up the tree from `unitId` on `date` meets a unit twice. */
export function isInCycleOn(state: EstablishedOrganisation, unitId: string, date: CalendarDate): boolean {
  const seen = new Set<string>();
  let current: string | undefined = unitId;
  while (current !== undefined) {
    if (seen.has(current)) return true;
    seen.add(current);
    const unit: (typeof state.units)[string] | undefined = state.units[current];
    current = unit ? valueOn(unit.parents, date) : undefined;
  }
  return false;
}

/** Every date on or after `from` at which some unit's parent changes: the dates a tree check must cover. */
export function parentChangeDatesFrom(state: EstablishedOrganisation, from: CalendarDate): CalendarDate[] {
  const dates = new Set<CalendarDate>([from]);
  for (const unit of Object.values(state.units)) {
    for (const change of unit.parents) if (change.from >= from) dates.add(change.from);
  }
  return [...dates].sort();
}

/** No unit sits under itself on any date the tree changes: used to check a corrected record. */
export function checkTreeAcyclic(state: OrganisationState): DomainError | undefined {
  if (state.status !== 'established') return undefined;
  const units = Object.keys(state.units);
  for (const date of parentChangeDatesFrom(state, state.establishedOn)) {
    const cyclic = units.find((unitId) => isInCycleOn(state, unitId, date));
    if (cyclic) return domainError('UnitTreeCycle', `unit ${cyclic} would be under itself on ${date}`, { unitId: cyclic, date });
  }
  return undefined;
}
