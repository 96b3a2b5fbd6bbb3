import type { CalendarDate } from '@orgchange/domain';
import { holdingKinds, planPost } from './ifg-holdings';
import type { IfgAppointment, IfgCharacteristic } from './ifg-rows';

const d = (value: string) => value as CalendarDate;
const appointment = (id: string, personId: string, startDate: string, endDate?: string, postId = 'post'): IfgAppointment => ({ id, personId, postId, startDate: d(startDate), ...(endDate ? { endDate: d(endDate) } : {}), row: 1 });
const period = (appointmentId: string, startDate: string, endDate: string | undefined, flags: { acting?: boolean; onLeave?: boolean }): IfgCharacteristic => ({
  appointmentId, isActing: flags.acting ?? false, isOnLeave: flags.onLeave ?? false, startDate: d(startDate), ...(endDate ? { endDate: d(endDate) } : {}), row: 1,
});

describe('holdingKinds', () => {
  const donelan = appointment('a-donelan', 'donelan', '2023-02-07', '2024-07-05');
  const smith = appointment('a-smith', 'smith', '2023-04-28', '2023-07-20');

  it('given an acting appointment while the holder is on leave, it covers that holder', () => {
    const periods = [period('a-donelan', '2023-02-07', '2023-04-28', {}), period('a-donelan', '2023-04-28', '2023-07-20', { onLeave: true }), period('a-smith', '2023-04-28', '2023-07-20', { acting: true })];

    const kinds = holdingKinds([donelan, smith], periods);

    expect(kinds.get('a-smith')).toEqual({ kind: 'acting', coveringForPersonId: 'donelan' });
    expect(kinds.get('a-donelan')).toEqual({ kind: 'substantive' });
  });

  it('given an acting appointment with nobody on leave, it fills a vacancy', () => {
    expect(holdingKinds([smith], [period('a-smith', '2023-04-28', '2023-07-20', { acting: true })]).get('a-smith')).toEqual({ kind: 'acting' });
  });

  it('given an appointment acting for only part of its time, it stays substantive (the domain has one kind per holding)', () => {
    const periods = [period('a-smith', '2023-04-28', '2023-05-01', { acting: true }), period('a-smith', '2023-05-01', '2023-07-20', {})];

    expect(holdingKinds([smith], periods).get('a-smith')).toEqual({ kind: 'substantive' });
  });
});

describe('planPost', () => {
  const none = new Map();

  it('given ended appointments, spans the first start to the last end, with as many seats as holders at once', () => {
    const appointments = [appointment('a', 'p', '2010-05-12', '2012-09-04'), appointment('b', 'q', '2011-01-01', '2012-01-01'), appointment('c', 'r', '2012-09-04', '2014-01-01')];

    expect(planPost(appointments, none, d('1988-07-25'))).toEqual({ createdOn: '2010-05-12', abolishedOn: '2014-01-01', maxHolders: 2 });
  });

  it('given one appointment ending the day the next starts, counts one seat (half-open intervals)', () => {
    expect(planPost([appointment('a', 'p', '2010-05-12', '2012-09-04'), appointment('b', 'q', '2012-09-04')], none, d('1988-07-25'))).toEqual({ createdOn: '2010-05-12', maxHolders: 1 });
  });

  it('given an appointment starting before the department opened, creates the post when the department opens', () => {
    expect(planPost([appointment('a', 'p', '2009-06-05')], none, d('2009-06-06'))).toMatchObject({ createdOn: '2009-06-06' });
  });

  it('given a later appointment that ends before it starts, does not abolish the post before it', () => {
    const appointments = [appointment('a', 'p', '2024-07-05', '2025-09-01'), appointment('b', 'q', '2025-09-01', '2025-05-14')];

    expect(planPost(appointments, none, d('1979-05-04'))).toEqual({ createdOn: '2024-07-05', maxHolders: 1 });
  });
});
