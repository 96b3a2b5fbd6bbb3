import { IdTable } from './id-table';

const uuid = '014aa4b9-144d-7186-a56d-8a0bd93bd11d';

describe('IdTable', () => {
  it('numbers ids densely in order of first sight and finds them again', () => {
    const table = new IdTable();
    expect([table.intern('trust'), table.intern(uuid), table.intern('trust'), table.find(uuid), table.find('other'), table.find('ffffffff-0000-7000-8000-000000000000'), table.size]).toEqual([0, 1, 0, 1, -1, -1, 2]);
  });

  it('gives back the id of each number, UUIDs and other ids alike', () => {
    const table = new IdTable();
    const ids = [uuid, 'RXX', '', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '00000000-0000-0000-0000-000000000000', uuid.toUpperCase(), uuid.replace(/-/g, '_')];
    ids.forEach((id) => table.intern(id));
    expect(ids.map((_, n) => table.idOf(n))).toEqual(ids);
  });

  it('tells apart a hundred thousand UUIDs that differ in any word, as its table grows', () => {
    const table = new IdTable();
    const ids = Array.from({ length: 100_000 }, (_, i) => `014aa4b9-${(i % 7).toString(16).padStart(4, '0')}-7186-a56d-${i.toString(16).padStart(12, '0')}`);
    ids.forEach((id) => table.intern(id));
    expect([table.size, ids.every((id, n) => table.find(id) === n && table.idOf(n) === id)]).toEqual([100_000, true]);
  });
});
