import { type CalendarDate, type EstablishedOrganisation, type OrganisationState, type Timeline, type UnitRecord, valueOn } from '@orgchange/domain';
import { type FactRow, factRow } from '../read-model/fact-row';
import type { Grouping } from './row-groups';

/** Valid-time segments of `[from, until)` cut at every change date of the given timelines. */
export function segments(from: CalendarDate, until: CalendarDate | undefined, timelines: readonly Timeline<unknown>[]): { from: CalendarDate; until?: CalendarDate }[] {
  const cuts = new Set<CalendarDate>([from]);
  for (const timeline of timelines) for (const change of timeline) if (change.from > from && (until === undefined || change.from < until)) cuts.add(change.from);
  const starts = [...cuts].sort();
  return starts.map((start, i) => ({ from: start, ...(i + 1 < starts.length ? { until: starts[i + 1] } : until !== undefined ? { until } : {}) }));
}

/** The organisation's own rows: one per stretch with the same name and kind, over its life. */
export function organisationRows(org: EstablishedOrganisation): FactRow[] {
  return segments(org.establishedOn, org.closedOn, [org.names, org.kinds]).map((s) =>
    factRow('rm_organisations', {
      organisation_id: org.organisationId,
      name: valueOn(org.names, s.from) ?? org.names[0].value,
      kind: valueOn(org.kinds, s.from) ?? org.kinds[0].value,
      code: org.externalCode,
      valid_from: s.from,
      valid_to: s.until,
    }),
  );
}

/** A unit's rows: one per stretch with the same name and parent; plus its partnership members and successors. */
export function unitRows(org: EstablishedOrganisation, unit: UnitRecord): FactRow[] {
  const rows = segments(unit.establishedOn, unit.closedOn, [unit.names, unit.parents]).map((s) =>
    factRow('rm_units', {
      organisation_id: org.organisationId,
      unit_id: unit.unitId,
      name: valueOn(unit.names, s.from) ?? unit.names[0].value,
      kind: unit.kind,
      parent_unit_id: valueOn(unit.parents, s.from),
      employing_organisation_id: unit.employingOrganisationId,
      arrived_from_organisation_id: unit.arrivedFromOrganisationId,
      valid_from: s.from,
      valid_to: s.until,
    }),
  );
  for (const member of unit.members) {
    const until = earliest(member.until, unit.closedOn);
    if (until !== undefined && until <= member.from) continue;
    rows.push(
      factRow('rm_unit_members', {
        organisation_id: org.organisationId,
        unit_id: unit.unitId,
        member_organisation_id: member.organisationId,
        valid_from: member.from,
        valid_to: until,
      }),
    );
  }
  if ((unit.closure === 'merged' || unit.closure === 'split') && unit.closedOn) {
    for (const successor of unit.successorUnitIds ?? []) {
      rows.push(factRow('rm_lineage', { subject: 'unit', from_id: unit.unitId, to_id: successor, relation: unit.closure, effective_from: unit.closedOn }));
    }
  }
  return rows;
}

/**
 * Row groups of an organisation stream: one per unit (a unit's record is shared between states until an event
 * changes that unit), and one for the organisation itself (names, kinds, group members, successors).
 */
export function organisationGrouping(state: OrganisationState): Grouping | undefined {
  if (state.status !== 'established') return undefined;
  const own = () => [...organisationRows(state), ...memberRows(state), ...successorRows(state)];
  return { state, partsField: 'units', own, parts: state.units, rowsOfPart: (unit) => unitRows(state, unit as UnitRecord) };
}

const memberRows = (state: EstablishedOrganisation): FactRow[] =>
  state.members.map((member) =>
    factRow('rm_organisation_members', { group_organisation_id: state.organisationId, member_organisation_id: member.organisationId, valid_from: member.from, valid_to: member.until }),
  );

const successorRows = (state: EstablishedOrganisation): FactRow[] =>
  state.closedOn === undefined
    ? []
    : state.successorIds.map((successor) =>
        factRow('rm_lineage', { subject: 'organisation', from_id: state.organisationId, to_id: successor, relation: state.successorIds.length > 1 ? 'split' : 'merged', effective_from: state.closedOn }),
      );

const earliest = (a?: CalendarDate, b?: CalendarDate): CalendarDate | undefined => (a === undefined ? b : b === undefined ? a : a < b ? a : b);
