import { withChange } from '../organisations/organisation.state';
import type { PostEvent } from './post.events';
import type { PostState } from './post.state';
import { emptyIdRecord, withEntry } from '../shared/id-record';

export const initialPostState = (): PostState => ({ status: 'none' });

/** Folds one event into a post's state. Events that do not apply leave the state unchanged. */
export function evolvePost(state: PostState, event: PostEvent): PostState {
  if (event.type === 'PostCreated') {
    if (state.status !== 'none') return state;
    const d = event.data;
    return {
      status: 'created',
      postId: d.postId,
      organisationId: d.organisationId,
      unitId: d.unitId,
      family: d.family,
      maxHolders: d.maxHolders,
      ...(d.programmedActivities !== undefined ? { programmedActivities: d.programmedActivities } : {}),
      ...(d.groupId ? { groupId: d.groupId } : {}),
      ...(d.groupRole ? { groupRole: d.groupRole } : {}),
      titles: [{ from: d.effectiveFrom, value: d.title }],
      grades: [{ from: d.effectiveFrom, value: d.grade }],
      createdOn: d.effectiveFrom,
      holdings: emptyIdRecord(),
    };
  }
  if (state.status !== 'created') return state;
  const on = event.data.effectiveFrom;
  switch (event.type) {
    case 'PostRetitled':
      return { ...state, titles: withChange(state.titles, on, event.data.title) };
    case 'PostRegraded':
      return { ...state, grades: withChange(state.grades, on, event.data.grade) };
    case 'PostAbolished':
      return { ...state, abolishedOn: on };
    case 'AppointmentStarted': {
      const d = event.data;
      if (state.holdings[d.appointmentId]) return state;
      const holding = {
        appointmentId: d.appointmentId,
        personId: d.personId,
        kind: d.kind,
        from: on,
        ...(d.coveringForPersonId ? { coveringForPersonId: d.coveringForPersonId } : {}),
        ...(d.fraction !== undefined ? { fraction: d.fraction } : {}),
        ...(d.programmedActivities !== undefined ? { programmedActivities: d.programmedActivities } : {}),
        ...(d.employingOrganisationId ? { employingOrganisationId: d.employingOrganisationId } : {}),
      };
      return { ...state, holdings: withEntry(state.holdings, d.appointmentId, holding) };
    }
    case 'AppointmentEnded': {
      const holding = state.holdings[event.data.appointmentId];
      if (!holding) return state;
      return { ...state, holdings: withEntry(state.holdings, holding.appointmentId, { ...holding, until: on }) };
    }
  }
}
