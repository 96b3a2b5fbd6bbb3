import type { BoundaryEvent } from '../boundaries/boundary.events';
import { assertNever } from '../shared/assert-never';
import type { CalendarDate } from '../shared/calendar-date';
import { emptyIdRecord, withEntry } from '../shared/id-record';
import type { UnitEvent } from '../units/unit.events';
import type { OrganisationLifecycleEvent } from './organisation.events';
import {
  type EstablishedOrganisation,
  type MembershipPeriod,
  type OrganisationState,
  type UnitRecord,
  withChange,
} from './organisation.state';

/** Every event an organisation stream holds (corrections are handled around this, see `withCorrections`). */
export type OrganisationEvent = OrganisationLifecycleEvent | UnitEvent | BoundaryEvent;

export const initialOrganisationState = (): OrganisationState => ({ status: 'none' });

/** Folds one event into an organisation's state. Events that do not apply leave the state unchanged. */
export function evolveOrganisation(state: OrganisationState, event: OrganisationEvent): OrganisationState {
  if (event.type === 'OrganisationEstablished') {
    if (state.status !== 'none') return state;
    const d = event.data;
    return {
      status: 'established',
      organisationId: d.organisationId,
      kinds: [{ from: d.effectiveFrom, value: d.kind }],
      ...(d.externalCode ? { externalCode: d.externalCode } : {}),
      names: [{ from: d.effectiveFrom, value: d.name }],
      establishedOn: d.effectiveFrom,
      predecessorIds: [],
      successorIds: [],
      units: emptyIdRecord(),
      members: [],
      memberships: [],
    };
  }
  if (state.status !== 'established') return state;
  return evolveEstablished(state, event);
}

function evolveEstablished(state: EstablishedOrganisation, event: Exclude<OrganisationEvent, { type: 'OrganisationEstablished' }>): EstablishedOrganisation {
  const on = event.data.effectiveFrom;
  const self = state.organisationId;
  switch (event.type) {
    case 'OrganisationRenamed':
      return { ...state, names: withChange(state.names, on, event.data.name) };
    case 'OrganisationReclassified':
      return { ...state, kinds: withChange(state.kinds, on, event.data.kind) };
    case 'OrganisationClosed':
      return { ...state, closedOn: on };
    case 'OrganisationsMerged':
      return event.data.successorId === self
        ? { ...state, predecessorIds: [...state.predecessorIds, ...event.data.predecessorIds] }
        : { ...state, closedOn: on, successorIds: [event.data.successorId] };
    case 'OrganisationSplit':
      return event.data.predecessorId === self
        ? { ...state, closedOn: on, successorIds: event.data.successorIds }
        : { ...state, predecessorIds: [...state.predecessorIds, event.data.predecessorId] };
    case 'UnitEstablished': {
      const d = event.data;
      const unit: UnitRecord = {
        unitId: d.unitId,
        kind: d.kind,
        names: [{ from: on, value: d.name }],
        parents: [{ from: on, value: d.parentUnitId }],
        establishedOn: on,
        members: (d.memberOrganisationIds ?? []).map((organisationId) => ({ organisationId, from: on })),
      };
      return withUnit(state, unit);
    }
    case 'UnitRenamed':
      return updateUnit(state, event.data.unitId, (u) => ({ ...u, names: withChange(u.names, on, event.data.name) }));
    case 'UnitMoved':
      return updateUnit(state, event.data.unitId, (u) => ({ ...u, parents: withChange(u.parents, on, event.data.toParentUnitId) }));
    case 'UnitsMerged': {
      const { unitIds, successorUnitId } = event.data;
      return unitIds
        .filter((id) => id !== successorUnitId)
        .reduce((s, id) => updateUnit(s, id, (u) => closeUnit(u, on, 'merged', [successorUnitId])), state);
    }
    case 'UnitSplit':
      return updateUnit(state, event.data.unitId, (u) => closeUnit(u, on, 'split', event.data.successorUnitIds));
    case 'UnitDissolved':
      return updateUnit(state, event.data.unitId, (u) => closeUnit(u, on, 'dissolved'));
    case 'ServiceTransferred': {
      const d = event.data;
      if (d.fromOrganisationId === self) return updateUnit(state, d.unitId, (u) => closeUnit(u, on, 'transferred-out'));
      if (d.toOrganisationId !== self) return state;
      return withUnit(state, {
        unitId: d.unitId,
        kind: d.unitKind,
        names: [{ from: on, value: d.unitName }],
        parents: [{ from: on, value: d.toParentUnitId }],
        establishedOn: on,
        members: [],
        arrivedFromOrganisationId: d.fromOrganisationId,
        ...(d.employingOrganisationId !== self ? { employingOrganisationId: d.employingOrganisationId } : {}),
      });
    }
    case 'MembershipChanged': {
      const d = event.data;
      if (d.memberOrganisationId === self) {
        return { ...state, memberships: changeMembership(state.memberships, d.groupOrganisationId, d.change, on, d.partnershipUnitId) };
      }
      if (d.groupOrganisationId !== self) return state;
      if (d.partnershipUnitId === undefined) {
        return { ...state, members: changeMembership(state.members, d.memberOrganisationId, d.change, on) };
      }
      return updateUnit(state, d.partnershipUnitId, (u) => ({
        ...u,
        members: changeMembership(u.members, d.memberOrganisationId, d.change, on),
      }));
    }
    case 'BoundaryRedrawn':
    case 'EmploymentTransferred':
      // Recorded for projections and downstream services; the organisation's own rules do not depend on them.
      return state;
    default:
      return assertNever(event);
  }
}

function withUnit(state: EstablishedOrganisation, unit: UnitRecord): EstablishedOrganisation {
  if (state.units[unit.unitId]) return state;
  return { ...state, units: withEntry(state.units, unit.unitId, unit) };
}

function updateUnit(state: EstablishedOrganisation, unitId: string, change: (unit: UnitRecord) => UnitRecord): EstablishedOrganisation {
  const unit = state.units[unitId];
  return unit ? { ...state, units: withEntry(state.units, unitId, change(unit)) } : state;
}

function closeUnit(unit: UnitRecord, on: CalendarDate, closure: UnitRecord['closure'], successorUnitIds?: readonly string[]): UnitRecord {
  return { ...unit, closedOn: on, closure, ...(successorUnitIds ? { successorUnitIds } : {}) };
}

function changeMembership<P extends MembershipPeriod>(
  periods: readonly P[],
  organisationId: string,
  change: 'joined' | 'left',
  on: CalendarDate,
  partnershipUnitId?: string,
): P[] {
  if (change === 'joined') return [...periods, { organisationId, from: on, ...(partnershipUnitId ? { partnershipUnitId } : {}) } as P];
  return periods.map((p) => (p.organisationId === organisationId && p.until === undefined ? { ...p, until: on } : p));
}
