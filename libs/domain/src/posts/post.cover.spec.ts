import { appointmentEnded, appointmentStarted, day, deciderSpecification, postCreated } from '@orgchange/testing';
import type { AppointmentKind } from '../shared/vocabulary';
import type { StartAppointment } from './post.commands';
import { postDecider } from './post.decider';

const spec = deciderSpecification(postDecider);

const start = (appointmentId: string, personId: string, on: string, kind: AppointmentKind, more: Partial<StartAppointment['data']> = {}): StartAppointment => ({
  type: 'StartAppointment',
  data: { ...appointmentStarted('cd', appointmentId, personId, on, kind).data, ...more },
  context: { unitOpen: true, personKnown: true },
});
const coverFor = (personId: string, endsOn?: string): Partial<StartAppointment['data']> => ({ coveringForPersonId: personId, ...(endsOn ? { endsOn: day(endsOn) } : {}) });

const post = postCreated('cd', '2023-04-01');
/** p-1 holds the post substantively from 2023-06-01; p-1 goes on secondment elsewhere in 2024. */
const held = [post, appointmentStarted('cd', 'a-1', 'p-1', '2023-06-01')];

describe('given a vacant post', () => {
  it.each<AppointmentKind>(['acting', 'covering', 'interim'])('accepts an %s holder filling the vacancy', (kind) =>
    spec.given([post]).when(start('a-9', 'p-9', '2023-06-01', kind)).then([appointmentStarted('cd', 'a-9', 'p-9', '2023-06-01', kind)]));

  it('rejects cover for a holder the post does not have', () => spec.given([post]).when(start('a-9', 'p-9', '2023-06-01', 'acting', coverFor('p-1'))).thenRejects('CoveredHolderNotInPost'));
});

describe('given a post with a substantive holder', () => {
  it('rejects an acting holder without naming whom they cover', () => spec.given(held).when(start('a-9', 'p-9', '2024-01-01', 'acting')).thenRejects('PostNotVacant'));

  it('rejects an interim holder from the day the holder starts', () => spec.given(held).when(start('a-9', 'p-9', '2023-06-01', 'interim')).thenRejects('PostNotVacant'));

  it('rejects a backdated acting holder who would still be in post when the holder starts', () =>
    spec.given(held).when(start('a-9', 'p-9', '2023-04-01', 'acting')).thenRejects('PostNotVacant'));

  it('accepts a backdated acting holder in the vacancy before the holder starts', () =>
    spec.given(held).when(start('a-9', 'p-9', '2023-04-01', 'acting', { endsOn: day('2023-06-01') })).thenEventTypes(['AppointmentStarted', 'AppointmentEnded']));

  it('accepts an acting holder covering the substantive holder while on secondment', () =>
    spec.given(held).when(start('a-9', 'p-9', '2024-01-01', 'acting', coverFor('p-1', '2024-07-01'))).then([
      appointmentStarted('cd', 'a-9', 'p-9', '2024-01-01', 'acting', 'p-1'),
      { type: 'AppointmentEnded', version: 1, data: { postId: 'cd', appointmentId: 'a-9', personId: 'p-9', endReason: 'term-ended', effectiveFrom: day('2024-07-01') } },
    ]));

  it('accepts open-ended cover for an open-ended holder', () =>
    spec.given(held).when(start('a-9', 'p-9', '2024-01-01', 'covering', coverFor('p-1'))).then([appointmentStarted('cd', 'a-9', 'p-9', '2024-01-01', 'covering', 'p-1')]));

  it('accepts cover from the day the holder starts', () =>
    spec.given(held).when(start('a-9', 'p-9', '2023-06-01', 'acting', coverFor('p-1', '2023-09-01'))).thenEventTypes(['AppointmentStarted', 'AppointmentEnded']));

  it('rejects cover starting before the holder is in post', () =>
    spec.given(held).when(start('a-9', 'p-9', '2023-05-31', 'acting', coverFor('p-1', '2023-09-01'))).thenRejects('CoveredHolderNotInPost'));

  it('rejects cover for someone who does not hold the post', () =>
    spec.given(held).when(start('a-9', 'p-9', '2024-01-01', 'acting', coverFor('p-7', '2024-07-01'))).thenRejects('CoveredHolderNotInPost'));

  it('rejects a substantive appointment that names a holder to cover', () =>
    spec.given(held).when(start('a-9', 'p-9', '2024-01-01', 'substantive', coverFor('p-1', '2024-07-01'))).thenRejects('CoverNeedsCoverKind'));

  it('rejects the holder covering for themselves', () =>
    spec.given(held).when(start('a-9', 'p-1', '2024-01-01', 'acting', coverFor('p-1', '2024-07-01'))).thenRejects('PersonAlreadyHoldsPost'));
});

describe('given a substantive holder whose appointment ends on 2024-06-01', () => {
  const ending = [...held, appointmentEnded('cd', 'a-1', 'p-1', '2024-06-01')];

  it('rejects cover that runs past the holder end', () =>
    spec.given(ending).when(start('a-9', 'p-9', '2024-01-01', 'acting', coverFor('p-1', '2024-06-02'))).thenRejects('CoveredHolderNotInPost'));

  it('rejects open-ended cover', () => spec.given(ending).when(start('a-9', 'p-9', '2024-01-01', 'acting', coverFor('p-1'))).thenRejects('CoveredHolderNotInPost'));

  it('accepts cover that ends when the holder leaves', () =>
    spec.given(ending).when(start('a-9', 'p-9', '2024-01-01', 'acting', coverFor('p-1', '2024-06-01'))).thenEventTypes(['AppointmentStarted', 'AppointmentEnded']));

  it('accepts an acting holder in the vacancy from the day the holder leaves', () =>
    spec.given(ending).when(start('a-9', 'p-9', '2024-06-01', 'acting')).then([appointmentStarted('cd', 'a-9', 'p-9', '2024-06-01', 'acting')]));
});

describe('given a substantive holder covered by an acting holder until 2024-07-01', () => {
  const covered = [...held, appointmentStarted('cd', 'a-9', 'p-9', '2024-01-01', 'acting', 'p-1'), appointmentEnded('cd', 'a-9', 'p-9', '2024-07-01')];

  it('rejects a second cover for the same holder at the same time', () =>
    spec.given(covered).when(start('a-8', 'p-8', '2024-03-01', 'covering', coverFor('p-1', '2024-05-01'))).thenRejects('HolderAlreadyCovered'));

  it('accepts a second cover from the day the first ends', () =>
    spec.given(covered).when(start('a-8', 'p-8', '2024-07-01', 'covering', coverFor('p-1', '2024-09-01'))).thenEventTypes(['AppointmentStarted', 'AppointmentEnded']));

  it('still rejects a second substantive holder while the first is covered', () =>
    spec.given(covered).when(start('a-8', 'p-8', '2024-03-01', 'substantive')).thenRejects('PostAlreadyHasSubstantiveHolder'));
});

describe('given a post held by an acting holder in a vacancy', () => {
  const acting = [post, appointmentStarted('cd', 'a-9', 'p-9', '2023-06-01', 'acting')];

  it('rejects a substantive holder while the acting holder is in post', () =>
    spec.given(acting).when(start('a-1', 'p-1', '2024-01-01', 'substantive')).thenRejects('PostAlreadyHasSubstantiveHolder'));

  it('accepts a substantive holder from the day the acting appointment ends', () =>
    spec.given([...acting, appointmentEnded('cd', 'a-9', 'p-9', '2024-01-01')]).when(start('a-1', 'p-1', '2024-01-01', 'substantive')).thenEventTypes(['AppointmentStarted']));
});
