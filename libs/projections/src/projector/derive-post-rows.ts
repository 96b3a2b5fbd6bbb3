import { type CreatedPost, type Holding, type PostState, valueOn } from '@orgchange/domain';
import { type FactRow, factRow } from '../read-model/fact-row';
import { segments } from './derive-organisation-rows';
import type { Grouping } from './row-groups';

/**
 * Row groups of a post stream: one per holding (a holding is shared between states until an event changes it),
 * and the post's own rows, one per stretch with the same title and grade.
 */
export function postGrouping(state: PostState): Grouping | undefined {
  if (state.status !== 'created') return undefined;
  return { state, partsField: 'holdings', own: () => postRows(state), parts: state.holdings, rowsOfPart: (holding) => [holdingRow(state, holding as Holding)] };
}

function postRows(state: CreatedPost): FactRow[] {
  return segments(state.createdOn, state.abolishedOn, [state.titles, state.grades]).map((s) =>
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

const holdingRow = (state: CreatedPost, holding: Holding): FactRow =>
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
  });
