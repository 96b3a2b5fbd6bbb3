import type { DomainEvent, PersonRegistered, PostCreated } from '@orgchange/domain';
import { appointmentEnded, appointmentStarted, day, organisationEstablished, postCreated, unitEstablished } from '@orgchange/testing';
import { givenLog, rowsOf } from '../testing/given-log';

const post = (postId: string, family: PostCreated['data']['family'] = 'medical-leadership'): PostCreated => ({ ...postCreated(postId, '2019-01-01'), data: { ...postCreated(postId, '2019-01-01').data, family } });
const person = (personId: string, profession: PersonRegistered['data']['profession']): PersonRegistered => ({ type: 'PersonRegistered', version: 1, data: { personId, profession, effectiveFrom: day('2010-01-01') } });

const base: DomainEvent[] = [
  organisationEstablished('trust', '2019-01-01'),
  unitEstablished('trust', 'surgery', '2019-01-01'),
  person('p-doctor', 'doctor'),
  person('p-manager', 'manager'),
  person('p-nurse', 'nurse'),
  post('cd'),
  post('bm', 'management'),
  post('consultant', 'clinical'),
  post('nd', 'nursing-leadership'),
];

describe('given four posts on 2020-03-31: a doctor substantive, a manager acting, a consultant post held by a nurse, one empty', () => {
  const model = givenLog([
    ...base,
    appointmentStarted('cd', 'a-1', 'p-doctor', '2019-01-01'),
    appointmentStarted('bm', 'a-2', 'p-manager', '2019-06-01', 'acting'),
    appointmentStarted('consultant', 'a-3', 'p-nurse', '2019-06-01', 'acting'),
  ]);
  const asked = { from: '2020-01-01', to: '2020-03-31' };

  it('gives the vacancy rate over every open post: one empty of four', () => expect(rowsOf(model, ['vacancy-rate'], asked)).toEqual([['2020-01-01', 'all', 'vacancy-rate', 0.25]]));

  it('gives the acting share over held leadership posts only: the acting consultant does not count', () =>
    expect(rowsOf(model, ['acting-share'], asked)).toEqual([['2020-01-01', 'all', 'acting-share', 0.5]]));

  it('gives the clinician share over held leadership posts: the doctor counts, the manager does not', () =>
    expect(rowsOf(model, ['clinician-share'], asked)).toEqual([['2020-01-01', 'all', 'clinician-share', 0.5]]));

  it('suppresses people metrics behind fewer people than --min-group, but not the vacancy rate', () =>
    expect(rowsOf(model, ['acting-share', 'vacancy-rate'], { ...asked, minGroup: 3 })).toEqual([
      ['2020-01-01', 'all', 'acting-share', 'suppressed'],
      ['2020-01-01', 'all', 'vacancy-rate', 0.25],
    ]));

  it('does not suppress at exactly --min-group people', () => expect(rowsOf(model, ['acting-share'], { ...asked, minGroup: 2 })[0][3]).toBe(0.5));
});

describe('given two leadership holdings, one ending on 2020-02-01 and one on 2020-04-01', () => {
  const model = givenLog([
    ...base,
    appointmentStarted('cd', 'a-1', 'p-doctor', '2019-01-01'),
    appointmentStarted('bm', 'a-2', 'p-manager', '2019-01-01'),
    appointmentEnded('cd', 'a-1', 'p-doctor', '2020-02-01'),
    appointmentEnded('bm', 'a-2', 'p-manager', '2020-04-01'),
  ]);

  it('counts a holding in the quarter of its last day (the one ending on 1 April last held on 31 March), and a quarter with nobody left is suppressed', () =>
    expect(rowsOf(model, ['leadership-churn'], { from: '2020-01-01', to: '2020-06-30' })).toEqual([
      ['2020-01-01', 'all', 'leadership-churn', 1],
      ['2020-04-01', 'all', 'leadership-churn', 'suppressed'],
    ]));
});
