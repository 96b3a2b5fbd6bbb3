import { compactKey, IdTable, idOfKey } from './id-table';

describe('IdTable', () => {
  it('numbers ids densely in order of first sight and finds them again', () => {
    const table = new IdTable();
    const uuid = '014aa4b9-144d-7186-a56d-8a0bd93bd11d';
    expect([table.intern('trust'), table.intern(uuid), table.intern('trust'), table.find(uuid), table.find('other'), table.size]).toEqual([0, 1, 0, 1, -1, 2]);
  });

  it('gives back the id of each number, UUIDs and other ids alike', () => {
    const table = new IdTable();
    const ids = ['014aa4b9-144d-7186-a56d-8a0bd93bd11d', 'RXX', '', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '00000000-0000-0000-0000-000000000000'];
    ids.forEach((id) => table.intern(id));
    expect(ids.map((_, n) => table.idOf(n))).toEqual(ids);
  });

  it('never gives two ids one key: a UUID, its upper-case spelling and a 17-character id that looks packed differ', () => {
    const uuid = '014aa4b9-144d-7186-a56d-8a0bd93bd11d';
    const lookalike = compactKey(uuid);
    const keys = [compactKey(uuid), compactKey(uuid.toUpperCase()), compactKey(lookalike)];
    expect(new Set(keys).size).toBe(3);
    expect(keys.map(idOfKey)).toEqual([uuid, uuid.toUpperCase(), lookalike]);
  });

  it('keeps a UUID in 17 characters', () => expect(compactKey('014aa4b9-144d-7186-a56d-8a0bd93bd11d')).toHaveLength(17));
});
