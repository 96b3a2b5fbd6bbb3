import { deciderSpecification, day } from '@orgchange/testing';
import { personDecider, type PersonRegistered, type RegisterPerson } from './person';

const spec = deciderSpecification(personDecider);
const register = (on = '2024-01-01'): RegisterPerson => ({ type: 'RegisterPerson', data: { personId: 'p-1', profession: 'doctor', effectiveFrom: day(on) } });
const registered: PersonRegistered = { type: 'PersonRegistered', version: 1, data: { personId: 'p-1', profession: 'doctor', effectiveFrom: day('2024-01-01') } };

describe('given no person', () => {
  it('registers the person', () => spec.given([]).when(register()).then([registered]));
  it('rejects an impossible date', () => spec.given([]).when(register('2023-02-30')).thenRejects('InvalidCalendarDate'));
});

describe('given a registered person', () => {
  it('rejects registering them again', () => spec.given([registered]).when(register('2024-06-01')).thenRejects('PersonAlreadyRegistered'));
});
