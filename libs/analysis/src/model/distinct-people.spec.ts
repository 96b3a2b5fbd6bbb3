import { DistinctPeople } from './distinct-people';

describe('DistinctPeople', () => {
  it('counts each person once per list, and afresh in the next list', () => {
    const distinct = new DistinctPeople(5);
    expect([distinct.count([0, 3, 3, 0, 4]), distinct.count([3, 3]), distinct.count([])]).toEqual([3, 1, 0]);
  });
});
