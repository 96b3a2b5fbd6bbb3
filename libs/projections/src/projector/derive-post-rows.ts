import { type PostState, valueOn } from '@orgchange/domain';
import { type FactRow, factRow } from '../read-model/fact-row';
import { segments } from './derive-organisation-rows';

/** A post's rows (one per stretch with the same title and grade) and one row per holding. */
export function postStreamRows(state: PostState): Map<string, FactRow> {
  const rows = new Map<string, FactRow>();
  if (state.status !== 'created') return rows;
  const add = (row: FactRow) => rows.set(row.key, row);
  for (const s of segments(state.createdOn, state.abolishedOn, [state.titles, state.grades])) {
    add(
      factRow('rm_posts', {
        post_id: state.postId,
        organisation_id: state.organisationId,
        unit_id: state.unitId,
        title: valueOn(state.titles, s.from) ?? state.titles[0].value,
        family: state.family,
        grade: valueOn(state.grades, s.from) ?? state.grades[0].value,
        max_holders: state.maxHolders,
        programmed_activities: state.programmedActivities,
        group_id: state.groupId,
        group_role: state.groupRole,
        valid_from: s.from,
        valid_to: s.until,
      }),
    );
  }
  for (const holding of Object.values(state.holdings)) {
    add(
      factRow('rm_holdings', {
        appointment_id: holding.appointmentId,
        post_id: state.postId,
        organisation_id: state.organisationId,
        person_id: holding.personId,
        kind: holding.kind,
        covering_for_person_id: holding.coveringForPersonId,
        employing_organisation_id: holding.employingOrganisationId,
        fraction: holding.fraction,
        programmed_activities: holding.programmedActivities,
        valid_from: holding.from,
        valid_to: holding.until,
      }),
    );
  }
  return rows;
}
