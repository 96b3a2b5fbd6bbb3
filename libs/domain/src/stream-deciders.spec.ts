import {
  appointmentEnded,
  appointmentStarted,
  day,
  deciderSpecification,
  organisationEstablished,
  postCreated,
  unitDissolved,
  unitEstablished,
  unitMoved,
} from '@orgchange/testing';
import type { EstablishUnit } from './organisations/organisation.commands';
import type { StartAppointment } from './posts/post.commands';
import { streamDeciders } from './stream-deciders';

/** Freezes a state and everything it holds, so that an evolve which changes it throws (modules run in strict mode). */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}

/** Folds `events`, freezing every state before the next event and checking afterwards that none of them changed. */
function foldFrozen<S, E>(decider: { initialState: () => S; evolve: (s: S, e: E) => S }, events: readonly E[]): S {
  const states = [deepFreeze(decider.initialState())];
  const snapshots = [JSON.stringify(states[0])];
  for (const event of events) {
    const next = deepFreeze(decider.evolve(states[states.length - 1], event));
    states.push(next);
    snapshots.push(JSON.stringify(next));
  }
  expect(states.map((s) => JSON.stringify(s))).toEqual(snapshots);
  return states[states.length - 1];
}

const withId = <E extends object>(event: E, eventId: string) => ({ ...event, eventId });

describe('folding a stream never changes a state already made', () => {
  it('organisation: units established, moved, corrected and dissolved', () => {
    const state = foldFrozen(streamDeciders.organisation, [
      withId(organisationEstablished('trust', '2020-04-01'), 'e-1'),
      withId(unitEstablished('trust', 'surgery', '2020-04-01'), 'e-2'),
      withId(unitEstablished('trust', 'theatres', '2020-04-01', { parentUnitId: 'surgery', kind: 'directorate' }), 'e-3'),
      withId(unitEstablished('trust', 'medicine', '2020-04-01'), 'e-4'),
      withId(unitMoved('trust', 'theatres', '2021-01-01', 'surgery', 'medicine'), 'e-5'),
      { type: 'EventCorrected' as const, version: 1 as const, data: { targetEventId: 'e-5', targetType: 'UnitMoved', correctedData: { effectiveFrom: '2021-02-01' }, reason: 'wrong date' }, eventId: 'e-6' },
      withId(unitDissolved('trust', 'surgery', '2022-01-01'), 'e-7'),
    ]);
    expect(state.current.status === 'established' && Object.keys(state.current.units)).toEqual(['surgery', 'theatres', 'medicine']);
  });

  it('post: appointments started, ended and retracted', () => {
    const state = foldFrozen(streamDeciders.post, [
      withId(postCreated('cd', '2023-04-01'), 'e-1'),
      withId(appointmentStarted('cd', 'a-1', 'p-1', '2023-04-01'), 'e-2'),
      withId(appointmentEnded('cd', 'a-1', 'p-1', '2024-01-01'), 'e-3'),
      withId(appointmentStarted('cd', 'a-2', 'p-2', '2024-01-01'), 'e-4'),
      { type: 'EventRetracted' as const, version: 1 as const, data: { targetEventId: 'e-3', reason: 'entered twice' }, eventId: 'e-5' },
    ]);
    expect(state.current.status === 'created' && Object.values(state.current.holdings).map((h) => [h.appointmentId, h.until])).toEqual([
      ['a-1', undefined],
      ['a-2', undefined],
    ]);
  });
});

describe('given ids that are also names on Object.prototype', () => {
  const establishUnit = (unitId: string): EstablishUnit => ({
    type: 'EstablishUnit',
    data: { organisationId: 'trust', unitId, name: `Unit ${unitId}`, kind: 'division', effectiveFrom: day('2020-04-01') },
  });
  const startAppointment = (appointmentId: string): StartAppointment => ({
    type: 'StartAppointment',
    data: appointmentStarted('cd', appointmentId, 'p-1', '2023-04-01').data,
    context: { unitOpen: true, personKnown: true },
  });

  it('establishes a unit whose id is constructor', () =>
    deciderSpecification(streamDeciders.organisation)
      .given([organisationEstablished('trust', '2020-04-01')])
      .when(establishUnit('constructor'))
      .then([unitEstablished('trust', 'constructor', '2020-04-01')]));

  it('starts an appointment whose id is toString', () =>
    deciderSpecification(streamDeciders.post)
      .given([postCreated('cd', '2023-04-01')])
      .when(startAppointment('toString'))
      .then([appointmentStarted('cd', 'toString', 'p-1', '2023-04-01')]));
});
