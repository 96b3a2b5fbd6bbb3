import { PersonTable } from './person-table';

describe('PersonTable', () => {
  it('keeps clinicians and numbered holders only, and the latest registration decides who is a clinician', () => {
    const people = new PersonTable();
    people.register('manager', false);
    people.register('doctor', true);
    const holder = people.numberOf('manager');
    people.register('manager', true);
    people.register('doctor', false);
    expect([people.size, people.isClinician(holder), people.isClinician(people.numberOf('doctor'))]).toEqual([2, true, false]);
  });
});
