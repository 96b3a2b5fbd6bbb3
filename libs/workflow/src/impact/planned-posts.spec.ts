import type { CalendarDate } from '@orgchange/domain';
import { PlannedPosts } from './planned-posts';
import { change } from './testing/impact-specification';

const day = (iso: string) => iso as CalendarDate;

describe('the people planned changes put in a post', () => {
  const planned = new PlannedPosts([
    change.createPost('cd-new', 'div-surg', '2024-04-01'),
    change.startAppointment('cd-new', 'p-first', '2024-04-01'),
    change.endAppointment('cd-new', 'p-first', '2024-06-01'),
    change.startAppointment('cd-new', 'p-second', '2024-06-01'),
  ]);

  it('are the ones appointed on or before the day and not yet ended on it', () => {
    expect(planned.holdersOn('cd-new', day('2024-03-31'))).toEqual([]);
    expect(planned.holdersOn('cd-new', day('2024-04-01'))).toEqual(['p-first']);
    expect(planned.holdersOn('cd-new', day('2024-05-31'))).toEqual(['p-first']);
    expect(planned.holdersOn('cd-new', day('2024-06-01'))).toEqual(['p-second']);
  });

  it('stop at a fixed term given with the appointment', () => {
    const fixedTerm = change.of('fixed', { type: 'StartAppointment', data: { postId: 'cd-new', appointmentId: 'a-fixed', personId: 'p-fixed', kind: 'interim', endsOn: day('2024-05-01'), effectiveFrom: day('2024-04-01') }, context: { unitOpen: true } });
    const withTerm = new PlannedPosts([change.createPost('cd-new', 'div-surg', '2024-04-01'), fixedTerm]);

    expect(withTerm.holdersOn('cd-new', day('2024-04-30'))).toEqual(['p-fixed']);
    expect(withTerm.holdersOn('cd-new', day('2024-05-01'))).toEqual([]);
  });

  it('count the post as created only from its creation day', () => {
    expect(planned.createdBy('cd-new', day('2024-03-31'))).toBeUndefined();
    expect(planned.createdBy('cd-new', day('2024-04-01'))).toMatchObject({ postId: 'cd-new', unitId: 'div-surg' });
    expect(planned.createdBy('no-such-post', day('2024-04-01'))).toBeUndefined();
  });
});
