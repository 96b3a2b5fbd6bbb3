import { appointmentStarted, day, deciderSpecification, organisationEstablished, postCreated, unitDissolved, unitEstablished } from '@orgchange/testing';
import type { StartAppointment } from '../posts/post.commands';
import { streamDeciders } from '../stream-deciders';
import type { CorrectEvent, RetractEvent } from './correction.commands';
import type { EventCorrected, EventRetracted } from './correction.events';

const spec = deciderSpecification(streamDeciders.post);

const start = (appointmentId: string, personId: string, on: string, endsOn?: string): StartAppointment => ({
  type: 'StartAppointment',
  data: { ...appointmentStarted('cd', appointmentId, personId, on).data, ...(endsOn ? { endsOn: day(endsOn) } : {}) },
  context: { unitOpen: true, personKnown: true },
});
const retract = (targetEventId: string, reason = 'recorded against the wrong post'): RetractEvent => ({ type: 'RetractEvent', data: { targetEventId, reason } });
const correct = (targetEventId: string, correctedData: Record<string, unknown>, reason = 'start date was wrong on the form'): CorrectEvent => ({
  type: 'CorrectEvent',
  data: { targetEventId, correctedData, reason },
});
const retracted = (targetEventId: string): EventRetracted => ({ type: 'EventRetracted', version: 1, data: { targetEventId, reason: 'recorded against the wrong post' } });

const created = { ...postCreated('cd', '2023-04-01'), eventId: 'e-1' };
const appointed = { ...appointmentStarted('cd', 'a-1', 'p-1', '2024-03-01'), eventId: 'e-2' };
const backdated = { effectiveFrom: '2024-01-01' };
const history = [created, appointed];

describe('given a single-holder post with a substantive holder from 2024-03-01', () => {
  it('rejects a second substantive holder', () => spec.given(history).when(start('a-2', 'p-2', '2024-06-01')).thenRejects('PostAlreadyHasSubstantiveHolder'));

  it('retracts the appointment', () => spec.given(history).when(retract('e-2')).then([retracted('e-2')]));

  it('corrects the appointment start to an earlier date', () => {
    const state = spec.given(history).when(correct('e-2', backdated)).thenState([
      { type: 'EventCorrected', version: 1, data: { targetEventId: 'e-2', targetType: 'AppointmentStarted', correctedData: backdated, reason: 'start date was wrong on the form' } },
    ]);
    expect(state.current.status === 'created' && state.current.holdings['a-1'].from).toBe('2024-01-01');
  });

  it('accepts a fixed term before the recorded start', () =>
    spec.given(history).when(start('a-2', 'p-2', '2024-01-15', '2024-02-01')).thenEventTypes(['AppointmentStarted', 'AppointmentEnded']));

  it('rejects a correction of an event the stream does not have', () => spec.given(history).when(retract('e-9')).thenRejects('CorrectionTargetNotFound'));

  it('rejects a correction that changes the person', () => spec.given(history).when(correct('e-2', { personId: 'p-2' })).thenRejects('CorrectionChangesIdentity'));

  it('rejects a correction that changes the appointment id', () => spec.given(history).when(correct('e-2', { appointmentId: 'a-2' })).thenRejects('CorrectionChangesIdentity'));

  it('accepts a correction that repeats an identifier unchanged', () =>
    spec.given(history).when(correct('e-2', { ...appointed.data, kind: 'secondment' })).thenEventTypes(['EventCorrected']));

  it('rejects a correction that adds a field the event does not have', () =>
    spec.given(history).when(correct('e-2', { endsOn: '2025-01-01' })).thenRejects('CorrectionAddsUnknownField'));

  it('rejects a correction that changes the type of a field', () => spec.given(history).when(correct('e-2', { effectiveFrom: 20240101 })).thenRejects('CorrectionChangesFieldType'));

  it('rejects a correction without a reason', () => spec.given(history).when(correct('e-2', backdated, '  ')).thenRejects('CorrectionNeedsReason'));

  it('rejects a retraction without a reason', () => spec.given(history).when(retract('e-2', '')).thenRejects('CorrectionNeedsReason'));

  it('rejects a corrected start that is not a real date', () => spec.given(history).when(correct('e-2', { effectiveFrom: '2023-02-30' })).thenRejects('InvalidCalendarDate'));
});

describe('given the appointment retracted', () => {
  const withRetraction = [...history, { ...retracted('e-2'), eventId: 'e-3' }];

  it('leaves the post vacant, so a new substantive holder is accepted', () =>
    spec.given(withRetraction).when(start('a-2', 'p-2', '2024-06-01')).then([appointmentStarted('cd', 'a-2', 'p-2', '2024-06-01')]));

  it('rejects retracting it again', () => spec.given(withRetraction).when(retract('e-2')).thenRejects('CorrectionTargetRetracted'));

  it('rejects correcting it', () => spec.given(withRetraction).when(correct('e-2', backdated)).thenRejects('CorrectionTargetRetracted'));

  it('rejects correcting the retraction itself, which is not a correctable record', () => spec.given(withRetraction).when(retract('e-3')).thenRejects('CorrectionTargetNotFound'));
});

describe('given the appointment start corrected to 2024-01-01', () => {
  const corrected: EventCorrected = {
    type: 'EventCorrected',
    version: 1,
    data: { targetEventId: 'e-2', targetType: 'AppointmentStarted', correctedData: backdated, reason: 'start date was wrong on the form' },
  };
  const withCorrection = [...history, { ...corrected, eventId: 'e-3' }];

  it('rejects a fixed term that overlaps the corrected start', () =>
    spec.given(withCorrection).when(start('a-2', 'p-2', '2024-01-15', '2024-02-01')).thenRejects('PostAlreadyHasSubstantiveHolder'));

  it('accepts a fixed term that ends on the corrected start', () =>
    spec.given(withCorrection).when(start('a-2', 'p-2', '2023-10-01', '2024-01-01')).thenEventTypes(['AppointmentStarted', 'AppointmentEnded']));

  it('keeps the fields the correction did not name', () => {
    const state = spec.given(withCorrection).when(correct('e-2', { effectiveFrom: '2024-02-01' })).thenState([
      { type: 'EventCorrected', version: 1, data: { targetEventId: 'e-2', targetType: 'AppointmentStarted', correctedData: { effectiveFrom: '2024-02-01' }, reason: 'start date was wrong on the form' } },
    ]);
    expect(state.current.status === 'created' && state.current.holdings['a-1']).toEqual({ appointmentId: 'a-1', personId: 'p-1', kind: 'substantive', from: '2024-02-01' });
  });
});

describe('given a unit whose dissolution was recorded in error', () => {
  const organisation = deciderSpecification(streamDeciders.organisation);
  const unitHistory = [
    { ...organisationEstablished('trust', '2020-04-01'), eventId: 'o-1' },
    { ...unitEstablished('trust', 'surgery', '2020-04-01'), eventId: 'o-2' },
    { ...unitDissolved('trust', 'surgery', '2024-04-01'), eventId: 'o-3' },
    { ...retracted('o-3'), eventId: 'o-4' },
  ];

  it('treats the unit as open again once the dissolution is retracted', () =>
    organisation
      .given(unitHistory)
      .when({ type: 'RenameUnit', data: { organisationId: 'trust', unitId: 'surgery', name: 'Surgery', effectiveFrom: day('2024-06-01') } })
      .thenEventTypes(['UnitRenamed']));
});
