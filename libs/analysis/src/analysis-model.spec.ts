import type { DomainEvent, PersonRegistered, PostCreated } from '@orgchange/domain';
import { appointmentStarted, day, organisationEstablished, postCreated, unitEstablished } from '@orgchange/testing';
import { givenLog } from './testing/given-log';

const person = (personId: string, profession: PersonRegistered['data']['profession']): PersonRegistered => ({ type: 'PersonRegistered', version: 1, data: { personId, profession, effectiveFrom: day('2010-01-01') } });
const retitled = (postId: string, n: number): DomainEvent => ({ type: 'PostRetitled', version: 1, data: { postId, title: `Title ${n}`, effectiveFrom: day('2020-01-01') } } as DomainEvent);
const clinical = (postId: string): PostCreated => ({ ...postCreated(postId, '2019-01-01'), data: { ...postCreated(postId, '2019-01-01').data, family: 'clinical' } });

describe('given one trust, a leadership post and a clinical post', () => {
  const base = [organisationEstablished('trust', '2019-01-01'), unitEstablished('trust', 'surgery', '2019-01-01'), postCreated('cd', '2019-01-01'), clinical('consultant')];

  it('keeps as much after 5,000 retitles and re-registrations as after one: memory follows entities, not events', () => {
    const churn = Array.from({ length: 5_000 }, (_, n) => [retitled('cd', n), person('p-nurse', n % 2 ? 'nurse' : 'manager')]).flat();
    const sizes = (events: DomainEvent[]) => {
      const model = givenLog(events);
      return [model.posts.size, model.posts.from.length, model.people.size, model.units.size, model.organisations.size];
    };
    expect(sizes([...base, ...churn])).toEqual(sizes([...base, ...churn.slice(0, 4)]));
  });

  it('numbers leadership holders and clinicians, not the holder of a clinical post nor other registrations', () => {
    const model = givenLog([...base, person('p-manager', 'manager'), person('p-doctor', 'doctor'), person('p-other', 'manager'), appointmentStarted('cd', 'a-1', 'p-manager', '2019-01-01'), appointmentStarted('consultant', 'a-2', 'p-other', '2019-01-01')]);
    expect(model.people.size).toBe(2);
  });
});
