/** An event as read from storage, before the domain sees it: its type, schema version and parsed JSON data. */
export type StoredEvent = Readonly<{ type: string; version: number; data: unknown }>;

/**
 * Turns a stored event of any schema version into the shape the current code expects.
 * Stores apply it on every read; stored events are never rewritten.
 */
export type Upcaster = (stored: StoredEvent) => StoredEvent;

/**
 * One step per old schema, keyed by `${type}@${version}`: it takes that version's data and returns the
 * next version's data with its (higher) version number.
 */
export type UpcasterTable = Readonly<Record<string, (data: unknown) => Readonly<{ version: number; data: unknown }>>>;

/** Leaves every event as stored: for stores whose event schemas have never changed. */
export const identityUpcaster: Upcaster = (stored) => stored;

/**
 * Builds an {@link Upcaster} that applies the table's step for the event's current `type@version`
 * until no step matches, so a v1 event passes through v2 on its way to v3.
 * Versions are numbered rather than recognised by the shape of `data` because Kafka contracts and JSON
 * Schemas name them anyway, and a number cannot be mistaken for a coincidentally similar shape.
 *
 * @throws Error when a step does not raise the version, since the chain could otherwise loop forever.
 */
export function chainUpcasters(table: UpcasterTable): Upcaster {
  // Checked once here so a bad table fails at start-up rather than on the first old event read.
  for (const key of Object.keys(table)) {
    if (!/^[^@]+@\d+$/.test(key)) throw new Error(`upcaster key ${JSON.stringify(key)} is not "type@version"`);
  }
  return (stored) => {
    let { version, data } = stored;
    for (let step = table[`${stored.type}@${version}`]; step !== undefined; step = table[`${stored.type}@${version}`]) {
      const next = step(data);
      if (!(next.version > version)) {
        throw new Error(`upcaster ${stored.type}@${version} returned version ${next.version}; each step must raise it`);
      }
      ({ version, data } = next);
    }
    return version === stored.version ? stored : { type: stored.type, version, data };
  };
}
