import { type CalendarDate, type EstablishedOrganisation, type OrganisationState, type Timeline, type UnitRecord, valueOn } from '@orgchange/domain';
import { type FactRow, factRow } from '../read-model/fact-row';

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

/** Rows of the whole organisation stream, keyed for comparison with the previous state's. */
export function organisationStreamRows(state: OrganisationState): Map<string, FactRow> {
  const rows = new Map<string, FactRow>();
  if (state.status !== 'established') return rows;
  const add = (row: FactRow) => rows.set(row.key, row);
  organisationRows(state).forEach(add);
  for (const unit of Object.values(state.units)) unitRows(state, unit).forEach(add);
  for (const member of state.members) {
    add(factRow('rm_organisation_members', { group_organisation_id: state.organisationId, member_organisation_id: member.organisationId, valid_from: member.from, valid_to: member.until }));
  }
  if (state.closedOn) {
    for (const successor of state.successorIds) {
      add(factRow('rm_lineage', { subject: 'organisation', from_id: state.organisationId, to_id: successor, relation: state.successorIds.length > 1 ? 'split' : 'merged', effective_from: state.closedOn }));
    }
  }
  return rows;
}

const earliest = (a?: CalendarDate, b?: CalendarDate): CalendarDate | undefined => (a === undefined ? b : b === undefined ? a : a < b ? a : b);
