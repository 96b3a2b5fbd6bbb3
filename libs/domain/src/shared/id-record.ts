/**
 * A plain record of values keyed by id (an organisation's units by unit id, a post's holdings by appointment id),
 * never changed once made: adding or replacing an entry makes a new record and leaves the old one as it was.
 * Read it as any record: `record[id]`, `Object.values(record)`, `Object.keys(record)`, JSON.
 *
 * Its prototype is null, for two reasons:
 * - Speed. V8 gives an ordinary object a new hidden class for each new property name, and ids are unique, so
 *   `{ ...record, [id]: value }` over a 512,621-event log made a hidden class per unit and per appointment
 *   and fell off V8's fast paths (folding it took about 20 CPU-seconds; see bench/src/domain-fold-bench.ts).
 *   V8 keeps a null-prototype object as a hash table from the start, so a new id costs no hidden class.
 * - Safety. An id such as `constructor` or `toString` is never found on the prototype, and `__proto__` is
 *   stored as an entry instead of replacing the prototype.
 */
export type IdRecord<T> = Readonly<Record<string, T>>;

/** A record with no entries. */
export const emptyIdRecord = <T>(): IdRecord<T> => Object.create(null) as IdRecord<T>;

/** A copy of `record` with `value` at `id` (added, or in place of the entry there). `record` is not changed. */
export function withEntry<T>(record: IdRecord<T>, id: string, value: T): IdRecord<T> {
  const copy = Object.create(null) as Record<string, T>;
  for (const key of Object.keys(record)) copy[key] = record[key];
  copy[id] = value;
  return copy;
}

