import { appointmentEnded, appointmentStarted, day, deciderSpecification, postCreated } from '@orgchange/testing';
import type { AppointmentEndReason, AppointmentKind } from '../shared/vocabulary';
import type { EndAppointment, PostContext, StartAppointment } from './post.commands';
import { postDecider } from './post.decider';
import type { AppointmentEnded } from './post.events';

const spec = deciderSpecification(postDecider);
const known: PostContext = { unitOpen: true, personKnown: true };

const start = (appointmentId: string, personId: string, on: string, more: Partial<StartAppointment['data']> = {}, context = known): StartAppointment => ({
  type: 'StartAppointment',
  data: { ...appointmentStarted('cd', appointmentId, personId, on).data, ...more },
  context,
});
const end = (appointmentId: string, on: string): EndAppointment => ({
  type: 'EndAppointment',
  data: { postId: 'cd', appointmentId, endReason: 'resigned', effectiveFrom: day(on) },
});
const termEnded = (appointmentId: string, personId: string, on: string, endReason: AppointmentEndReason = 'term-ended'): AppointmentEnded => ({
  type: 'AppointmentEnded',
  version: 1,
  data: { postId: 'cd', appointmentId, personId, endReason, effectiveFrom: day(on) },
});
const started = (appointmentId: string, personId: string, on: string, kind: AppointmentKind = 'substantive') => appointmentStarted('cd', appointmentId, personId, on, kind);

const post = postCreated('cd', '2023-04-01');

describe('given a vacant single-holder post', () => {
  it('starts a substantive appointment, open-ended', () => spec.given([post]).when(start('a-1', 'p-1', '2023-06-01')).then([started('a-1', 'p-1', '2023-06-01')]));

  it('starts an appointment on the day the post is created', () =>
    spec.given([post]).when(start('a-1', 'p-1', '2023-04-01')).then([started('a-1', 'p-1', '2023-04-01')]));

  it('records a fixed-term appointment as started and ended', () =>
    spec.given([post]).when(start('a-1', 'p-1', '2023-06-01', { endsOn: day('2024-06-01') })).then([started('a-1', 'p-1', '2023-06-01'), termEnded('a-1', 'p-1', '2024-06-01')]));

  it('records the given end reason of a fixed-term appointment', () =>
    spec.given([post]).when(start('a-1', 'p-1', '2023-06-01', { endsOn: day('2024-06-01'), endReason: 'retired' })).then([started('a-1', 'p-1', '2023-06-01'), termEnded('a-1', 'p-1', '2024-06-01', 'retired')]));

  it('accepts an appointment that ends on the day it starts', () =>
    spec.given([post]).when(start('a-1', 'p-1', '2023-06-01', { endsOn: day('2023-06-01') })).thenEventTypes(['AppointmentStarted', 'AppointmentEnded']));

  it('rejects an appointment that ends before it starts', () =>
    spec.given([post]).when(start('a-1', 'p-1', '2023-06-01', { endsOn: day('2023-05-31') })).thenRejects('AppointmentEndsBeforeStart'));

  it('rejects an impossible end date', () => spec.given([post]).when(start('a-1', 'p-1', '2023-06-01', { endsOn: day('2023-02-30') })).thenRejects('InvalidCalendarDate'));

  it('rejects an impossible start date', () => spec.given([post]).when(start('a-1', 'p-1', '2023-02-30')).thenRejects('InvalidCalendarDate'));

  it('rejects an appointment before the post is created', () => spec.given([post]).when(start('a-1', 'p-1', '2023-03-31')).thenRejects('PostNotYetCreated'));

  it('rejects a person who is not registered', () =>
    spec.given([post]).when(start('a-1', 'p-1', '2023-06-01', {}, { unitOpen: true, personKnown: false })).thenRejects('PersonNotFound'));

  it('rejects an appointment when the unit is not open', () =>
    spec.given([post]).when(start('a-1', 'p-1', '2023-06-01', {}, { unitOpen: false, personKnown: true })).thenRejects('UnitNotOpen'));

  it('rejects a joint appointment', () => spec.given([post]).when(start('a-1', 'p-1', '2023-06-01', { kind: 'joint' })).thenRejects('JointAppointmentToSingleHolderPost'));

  it('rejects a fraction of nothing', () => spec.given([post]).when(start('a-1', 'p-1', '2023-06-01', { fraction: 0 })).thenRejects('InvalidFraction'));

  it('rejects ending an appointment it does not have', () => spec.given([post]).when(end('a-1', '2024-01-01')).thenRejects('AppointmentNotFound'));
});

describe('given a single-holder post with a substantive holder from 2023-06-01, open-ended', () => {
  const held = [post, started('a-1', 'p-1', '2023-06-01')];

  it('rejects a second substantive holder from a later date', () => spec.given(held).when(start('a-2', 'p-2', '2024-01-01')).thenRejects('PostAlreadyHasSubstantiveHolder'));

  it('rejects a second substantive holder from the same day', () => spec.given(held).when(start('a-2', 'p-2', '2023-06-01')).thenRejects('PostAlreadyHasSubstantiveHolder'));

  it('rejects a backdated open-ended substantive holder who would still be in post when the holder starts', () =>
    spec.given(held).when(start('a-2', 'p-2', '2023-04-01')).thenRejects('PostAlreadyHasSubstantiveHolder'));

  it('rejects a backdated fixed term that runs past the holder start', () =>
    spec.given(held).when(start('a-2', 'p-2', '2023-04-01', { endsOn: day('2023-06-02') })).thenRejects('PostAlreadyHasSubstantiveHolder'));

  it('accepts a backdated fixed term that ends on the day the holder starts', () =>
    spec.given(held).when(start('a-2', 'p-2', '2023-04-01', { endsOn: day('2023-06-01') })).then([started('a-2', 'p-2', '2023-04-01'), termEnded('a-2', 'p-2', '2023-06-01')]));

  it('rejects a secondment into the filled post', () => spec.given(held).when(start('a-2', 'p-2', '2024-01-01', { kind: 'secondment' })).thenRejects('PostAlreadyHasSubstantiveHolder'));

  it('rejects the holder being appointed again', () => spec.given(held).when(start('a-2', 'p-1', '2024-01-01')).thenRejects('PersonAlreadyHoldsPost'));

  it('rejects an appointment id that is already used', () => spec.given(held).when(start('a-1', 'p-2', '2030-01-01')).thenRejects('AppointmentAlreadyExists'));

  it('ends the appointment', () => spec.given(held).when(end('a-1', '2024-06-01')).then([appointmentEnded('cd', 'a-1', 'p-1', '2024-06-01')]));

  it('ends the appointment on its start day', () => spec.given(held).when(end('a-1', '2023-06-01')).then([appointmentEnded('cd', 'a-1', 'p-1', '2023-06-01')]));

  it('rejects an end before the start', () => spec.given(held).when(end('a-1', '2023-05-31')).thenRejects('AppointmentEndsBeforeStart'));

  it('rejects an impossible end date', () => spec.given(held).when(end('a-1', '2023-02-30')).thenRejects('InvalidCalendarDate'));
});

describe('given a substantive holder whose appointment ended on 2024-06-01', () => {
  const history = [post, started('a-1', 'p-1', '2023-06-01'), appointmentEnded('cd', 'a-1', 'p-1', '2024-06-01')];

  it('accepts a new substantive holder from the end date, the first day the old holder is out of post', () =>
    spec.given(history).when(start('a-2', 'p-2', '2024-06-01')).then([started('a-2', 'p-2', '2024-06-01')]));

  it('rejects a new substantive holder from the day before', () => spec.given(history).when(start('a-2', 'p-2', '2024-05-31')).thenRejects('PostAlreadyHasSubstantiveHolder'));

  it('accepts the old holder back after a gap', () => spec.given(history).when(start('a-2', 'p-1', '2025-01-01')).thenEventTypes(['AppointmentStarted']));

  it('rejects ending the appointment again', () => spec.given(history).when(end('a-1', '2024-07-01')).thenRejects('AppointmentAlreadyEnded'));
});

describe('given a substantive holder scheduled to start on 2025-01-01', () => {
  const history = [post, started('a-1', 'p-1', '2025-01-01')];

  it('rejects an open-ended substantive holder starting now', () => spec.given(history).when(start('a-2', 'p-2', '2024-04-01')).thenRejects('PostAlreadyHasSubstantiveHolder'));

  it('accepts a fixed-term substantive holder until the scheduled start', () =>
    spec.given(history).when(start('a-2', 'p-2', '2024-04-01', { endsOn: day('2025-01-01') })).then([started('a-2', 'p-2', '2024-04-01'), termEnded('a-2', 'p-2', '2025-01-01')]));

  it('rejects ending the scheduled appointment before it starts', () => spec.given(history).when(end('a-1', '2024-12-31')).thenRejects('AppointmentEndsBeforeStart'));
});

describe('given a joint post for two holders', () => {
  const joint = postCreated('cd', '2023-04-01', 2);

  it('accepts a first joint holder', () => spec.given([joint]).when(start('a-1', 'p-1', '2023-06-01', { kind: 'joint' })).thenEventTypes(['AppointmentStarted']));

  it('accepts a second joint holder alongside the first', () =>
    spec.given([joint, started('a-1', 'p-1', '2023-06-01', 'joint')]).when(start('a-2', 'p-2', '2023-06-01', { kind: 'joint' })).then([started('a-2', 'p-2', '2023-06-01', 'joint')]));

  it('rejects a third joint holder', () =>
    spec
      .given([joint, started('a-1', 'p-1', '2023-06-01', 'joint'), started('a-2', 'p-2', '2023-09-01', 'joint')])
      .when(start('a-3', 'p-3', '2024-01-01', { kind: 'joint' }))
      .thenRejects('PostAlreadyHasSubstantiveHolder'));

  it('rejects a backdated third holder who would overlap both', () =>
    spec
      .given([joint, started('a-1', 'p-1', '2023-06-01', 'joint'), started('a-2', 'p-2', '2023-09-01', 'joint')])
      .when(start('a-3', 'p-3', '2023-04-01', { kind: 'joint' }))
      .thenRejects('PostAlreadyHasSubstantiveHolder'));

  it('accepts a third holder from the day one of the two leaves', () =>
    spec
      .given([joint, started('a-1', 'p-1', '2023-06-01', 'joint'), started('a-2', 'p-2', '2023-09-01', 'joint'), appointmentEnded('cd', 'a-1', 'p-1', '2024-01-01')])
      .when(start('a-3', 'p-3', '2024-01-01', { kind: 'joint' }))
      .thenEventTypes(['AppointmentStarted']));
});
