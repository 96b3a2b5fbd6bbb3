import { appointmentEnded, appointmentStarted, deciderSpecification, organisationEstablished, postCreated, unitEstablished, unitMoved } from '@orgchange/testing';
import { streamDeciders } from '../stream-deciders';
import type { CorrectEvent, RetractEvent } from './correction.commands';

const correct = (targetEventId: string, correctedData: Record<string, unknown>): CorrectEvent => ({
  type: 'CorrectEvent',
  data: { targetEventId, correctedData, reason: 'the form had the wrong date' },
});
const retract = (targetEventId: string): RetractEvent => ({ type: 'RetractEvent', data: { targetEventId, reason: 'recorded in error' } });

describe('given a post held by one substantive holder until 2024-01-01 and another from then', () => {
  const spec = deciderSpecification(streamDeciders.post);
  const history = [
    { ...postCreated('cd', '2020-01-01'), eventId: 'e-1' },
    { ...appointmentStarted('cd', 'a-1', 'p-1', '2020-01-01'), eventId: 'e-2' },
    { ...appointmentEnded('cd', 'a-1', 'p-1', '2024-01-01'), eventId: 'e-3' },
    { ...appointmentStarted('cd', 'a-2', 'p-2', '2024-01-01'), eventId: 'e-4' },
  ];

  it('refuses to backdate the second start into the first holding', () => {
    const result = streamDeciders.post.decide(correct('e-4', { effectiveFrom: '2023-06-01' }), history.reduce(streamDeciders.post.evolve, streamDeciders.post.initialState()));
    expect(result).toMatchObject({ code: 'CorrectionBreaksRule', details: { rule: 'PostAlreadyHasSubstantiveHolder' } });
  });

  it('refuses to retract the end of the first holding while the second one follows', () => spec.given(history).when(retract('e-3')).thenRejects('CorrectionBreaksRule'));

  it('refuses an end corrected to before its start', () => spec.given(history).when(correct('e-3', { effectiveFrom: '2019-01-01' })).thenRejects('CorrectionBreaksRule'));

  it('accepts a later start that keeps the holdings apart', () => spec.given(history).when(correct('e-4', { effectiveFrom: '2024-02-01' })).thenEventTypes(['EventCorrected']));
});

describe('given a directorate moved out of its division in 2021 and the division then moved under it in 2022', () => {
  const spec = deciderSpecification(streamDeciders.organisation);
  const history = [
    { ...organisationEstablished('trust', '2020-01-01'), eventId: 'e-1' },
    { ...unitEstablished('trust', 'division', '2020-01-01'), eventId: 'e-2' },
    { ...unitEstablished('trust', 'directorate', '2020-01-01', { parentUnitId: 'division', kind: 'directorate' }), eventId: 'e-3' },
    { ...unitMoved('trust', 'directorate', '2021-01-01', 'division', undefined), eventId: 'e-4' },
    { ...unitMoved('trust', 'division', '2022-01-01', undefined, 'directorate'), eventId: 'e-5' },
  ];

  it('refuses to retract the first move: the division would be under its own directorate', () => spec.given(history).when(retract('e-4')).thenRejects('CorrectionBreaksRule'));

  it('refuses to date the first move after the second', () => spec.given(history).when(correct('e-4', { effectiveFrom: '2023-01-01' })).thenRejects('CorrectionBreaksRule'));

  it('accepts a first move corrected to a date that keeps the tree sound', () =>
    spec.given(history).when(correct('e-4', { effectiveFrom: '2021-06-01' })).thenEventTypes(['EventCorrected']));
});
