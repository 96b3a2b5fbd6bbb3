import { appointmentEnded, appointmentStarted, day, deciderSpecification, postCreated } from '@orgchange/testing';
import { valueOn } from '../organisations/organisation.state';
import type { AbolishPost, CreatePost, PostContext, RegradePost, RetitlePost, StartAppointment } from './post.commands';
import { postDecider } from './post.decider';
import type { PostAbolished } from './post.events';

const spec = deciderSpecification(postDecider);
const known: PostContext = { unitOpen: true, personKnown: true };

const create = (on: string, more: Partial<CreatePost['data']> = {}, context: PostContext = known): CreatePost => ({
  type: 'CreatePost',
  data: { ...postCreated('cd', on).data, ...more },
  context,
});
const retitle = (on: string): RetitlePost => ({ type: 'RetitlePost', data: { postId: 'cd', title: 'Divisional Clinical Director', effectiveFrom: day(on) } });
const regrade = (on: string): RegradePost => ({ type: 'RegradePost', data: { postId: 'cd', grade: 'director', effectiveFrom: day(on) } });
const abolish = (on: string): AbolishPost => ({ type: 'AbolishPost', data: { postId: 'cd', effectiveFrom: day(on) } });
const abolished = (on: string): PostAbolished => ({ type: 'PostAbolished', version: 1, data: { postId: 'cd', effectiveFrom: day(on) } });
const start = (on: string, endsOn?: string): StartAppointment => ({
  type: 'StartAppointment',
  data: { ...appointmentStarted('cd', 'a-2', 'p-2', on).data, ...(endsOn ? { endsOn: day(endsOn) } : {}) },
  context: known,
});

const created = postCreated('cd', '2023-04-01');

describe('given no post', () => {
  it('creates the post', () => spec.given([]).when(create('2023-04-01')).then([created]));

  it('rejects an impossible effective date', () => spec.given([]).when(create('2023-02-30')).thenRejects('InvalidCalendarDate'));

  it('rejects a post in a unit that is not open', () => spec.given([]).when(create('2023-04-01', {}, { unitOpen: false })).thenRejects('UnitNotOpen'));

  it('rejects a post for no holders', () => spec.given([]).when(create('2023-04-01', { maxHolders: 0 })).thenRejects('InvalidHolderCount'));

  it('rejects a fractional holder count', () => spec.given([]).when(create('2023-04-01', { maxHolders: 1.5 })).thenRejects('InvalidHolderCount'));

  it('creates a joint post for two holders', () => spec.given([]).when(create('2023-04-01', { maxHolders: 2 })).then([postCreated('cd', '2023-04-01', 2)]));

  it('rejects a retitle', () => spec.given([]).when(retitle('2024-01-01')).thenRejects('PostNotFound'));

  it('rejects an appointment', () => spec.given([]).when(start('2024-01-01')).thenRejects('PostNotFound'));
});

describe('given a vacant post created on 2023-04-01', () => {
  it('rejects creating it again', () => spec.given([created]).when(create('2024-01-01')).thenRejects('PostAlreadyExists'));

  it('retitles it from the effective date', () => {
    const state = spec.given([created]).when(retitle('2024-01-01')).thenState([{ type: 'PostRetitled', version: 1, data: retitle('2024-01-01').data }]);
    const titles = state.status === 'created' ? state.titles : [];
    expect([valueOn(titles, day('2023-12-31')), valueOn(titles, day('2024-01-01'))]).toEqual(['Clinical Director', 'Divisional Clinical Director']);
  });

  it('retitles it on the day it is created', () => spec.given([created]).when(retitle('2023-04-01')).thenEventTypes(['PostRetitled']));

  it('rejects a retitle before it is created', () => spec.given([created]).when(retitle('2023-03-31')).thenRejects('PostNotYetCreated'));

  it('regrades it', () => spec.given([created]).when(regrade('2024-01-01')).then([{ type: 'PostRegraded', version: 1, data: regrade('2024-01-01').data }]));

  it('rejects a regrade before it is created', () => spec.given([created]).when(regrade('2023-01-01')).thenRejects('PostNotYetCreated'));

  it('rejects a regrade with an impossible date', () => spec.given([created]).when(regrade('2023-02-30')).thenRejects('InvalidCalendarDate'));

  it('abolishes it', () => spec.given([created]).when(abolish('2025-04-01')).then([abolished('2025-04-01')]));

  it('rejects abolishing it before it is created', () => spec.given([created]).when(abolish('2023-03-31')).thenRejects('PostNotYetCreated'));
});

describe('given a post held open-ended from 2023-06-01', () => {
  const held = [created, appointmentStarted('cd', 'a-1', 'p-1', '2023-06-01')];

  it('rejects abolishing it while held', () => spec.given(held).when(abolish('2025-04-01')).thenRejects('PostStillHeld'));

  it('rejects abolishing it before the holder starts', () => spec.given(held).when(abolish('2023-05-01')).thenRejects('PostStillHeld'));

  it('rejects abolishing it before the appointment ends', () =>
    spec.given([...held, appointmentEnded('cd', 'a-1', 'p-1', '2025-04-01')]).when(abolish('2025-03-31')).thenRejects('PostStillHeld'));

  it('abolishes it on the day the appointment ends', () =>
    spec.given([...held, appointmentEnded('cd', 'a-1', 'p-1', '2025-04-01')]).when(abolish('2025-04-01')).then([abolished('2025-04-01')]));
});

describe('given a post abolished on 2025-04-01', () => {
  const history = [created, abolished('2025-04-01')];

  it('rejects a retitle on the day it is abolished', () => spec.given(history).when(retitle('2025-04-01')).thenRejects('PostAbolished'));

  it('rejects a regrade after it is abolished', () => spec.given(history).when(regrade('2025-06-01')).thenRejects('PostAbolished'));

  it('accepts a backdated retitle while it existed', () => spec.given(history).when(retitle('2025-03-31')).thenEventTypes(['PostRetitled']));

  it('rejects abolishing it again', () => spec.given(history).when(abolish('2025-06-01')).thenRejects('PostAbolished'));

  it('rejects an appointment after it is abolished', () => spec.given(history).when(start('2025-06-01')).thenRejects('PostAbolished'));

  it('rejects an open-ended appointment starting before it is abolished', () => spec.given(history).when(start('2024-01-01')).thenRejects('PostAbolished'));

  it('rejects an appointment that ends after it is abolished', () => spec.given(history).when(start('2024-01-01', '2025-04-02')).thenRejects('PostAbolished'));

  it('accepts an appointment that ends on the day it is abolished', () =>
    spec.given(history).when(start('2024-01-01', '2025-04-01')).thenEventTypes(['AppointmentStarted', 'AppointmentEnded']));
});
