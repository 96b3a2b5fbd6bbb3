import { emptyIdRecord, withEntry } from './id-record';

describe('an id record', () => {
  it('adds an entry in a copy and leaves the record it was made from as it was', () => {
    const one = withEntry(emptyIdRecord<number>(), 'a', 1);
    const two = withEntry(one, 'b', 2);
    expect(one).toEqual({ a: 1 });
    expect(two).toEqual({ a: 1, b: 2 });
  });

  it('replaces an entry in place, keeping the order of ids', () => {
    const record = withEntry(withEntry(withEntry(emptyIdRecord<number>(), 'a', 1), 'b', 2), 'a', 3);
    expect(Object.keys(record)).toEqual(['a', 'b']);
    expect(Object.values(record)).toEqual([3, 2]);
  });

  it('reads as a plain record: by id, Object.values, spread and JSON', () => {
    const record = withEntry(withEntry(emptyIdRecord<{ n: number }>(), 'x', { n: 1 }), 'y', { n: 2 });
    expect(record.y).toEqual({ n: 2 });
    expect(Object.values(record).map((v) => v.n)).toEqual([1, 2]);
    expect({ ...record }).toEqual({ x: { n: 1 }, y: { n: 2 } });
    expect(JSON.parse(JSON.stringify(record))).toEqual({ x: { n: 1 }, y: { n: 2 } });
  });

  it('finds no entry under a name Object.prototype has', () => {
    const empty = emptyIdRecord<number>();
    expect(['constructor', 'toString', 'hasOwnProperty', '__proto__'].map((id) => empty[id])).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('stores ids such as constructor and __proto__ as entries', () => {
    const record = withEntry(withEntry(emptyIdRecord<number>(), 'constructor', 1), '__proto__', 2);
    expect(record.constructor).toBe(1);
    expect(Object.keys(record)).toEqual(['constructor', '__proto__']);
    expect(Object.getPrototypeOf(record)).toBeNull();
  });

  it('copies a record that was built as an ordinary object', () => {
    const record = withEntry<number>({ a: 1 }, 'b', 2);
    expect(Object.keys(record)).toEqual(['a', 'b']);
  });
});
