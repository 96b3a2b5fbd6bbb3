import type { PostCreated } from '@orgchange/domain';
import { appointmentEnded, appointmentStarted, organisationEstablished, postCreated, unitEstablished } from '@orgchange/testing';
import { dayNumber } from '../periods';
import { givenLog, rowsOf } from '../testing/given-log';
import { median } from './tenure-metric';

const clinicalDirector = (postId: string, on: string): PostCreated => ({ ...postCreated(postId, on), data: { ...postCreated(postId, on).data, groupRole: 'clinical-director' } });
const days = (from: string, until: string) => dayNumber(until) - dayNumber(from);

describe('given a clinical director re-appointed to the merged division’s post on the day the old post ends, and another who leaves', () => {
  const model = givenLog([
    organisationEstablished('trust', '2015-01-01'),
    unitEstablished('trust', 'surgery', '2015-01-01'),
    clinicalDirector('cd-med', '2015-01-01'),
    clinicalDirector('cd-medsurg', '2019-04-01'),
    clinicalDirector('cd-ortho', '2015-01-01'),
    appointmentStarted('cd-med', 'a-1', 'p-1', '2015-04-01'),
    appointmentEnded('cd-med', 'a-1', 'p-1', '2019-04-01'),
    appointmentStarted('cd-medsurg', 'a-2', 'p-1', '2019-04-01'),
    appointmentStarted('cd-ortho', 'a-3', 'p-2', '2017-01-01'),
    appointmentEnded('cd-ortho', 'a-3', 'p-2', '2019-05-01'),
  ]);

  it('counts one unbroken spell across the merger to the last day of the quarter, and the ended spell to its last day', () => {
    const first = days('2015-04-01', '2019-07-01');
    const second = days('2017-01-01', '2019-05-01');
    expect(rowsOf(model, ['tenure'], { from: '2019-04-01', to: '2019-06-30' })).toEqual([
      ['2019-04-01', 'all', 'tenure-mean-days', (first + second) / 2],
      ['2019-04-01', 'all', 'tenure-median-days', (first + second) / 2],
    ]);
  });

  it('leaves out a spell that ended in an earlier quarter', () =>
    expect(rowsOf(model, ['tenure'], { from: '2019-07-01', to: '2019-09-30' })[0][3]).toBe(days('2015-04-01', '2019-10-01')));
});

describe('median', () => {
  it('takes the middle value of an odd count, the mean of the middle two of an even count, none of nothing', () =>
    expect([median([5, 1, 3]), median([4, 1, 3, 2]), median([])]).toEqual([3, 2.5, null]));
});
