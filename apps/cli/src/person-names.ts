import type { CalendarDate } from '@orgchange/domain';
import { type EventStore, SqliteEventStore } from '@orgchange/event-store';
import { type PersonDirectory, SqlitePersonDirectory } from '@orgchange/people-directory';
import { LeadershipProjector, LeadershipReader } from '@orgchange/projections';
import { CliError } from './cli-error';
import { openExistingStore } from './store-option';

/** The person directory kept in the store's own SQLite file (names never enter events). */
export function personDirectoryOf(store: EventStore): PersonDirectory {
  if (!(store instanceof SqliteEventStore)) throw new CliError('the person directory needs the SQLite event store', 1);
  return new SqlitePersonDirectory(store.database);
}

/** Shown instead of a name for a person whose identity was erased, so an erased person is not mistaken for an unnamed one. */
export const ERASED_NAME = '(erased)';

/** Each person's name on `on`; an erased person shows as {@link ERASED_NAME}, a person with no name as null. */
export async function nameLookup(names: PersonDirectory, personIds: readonly string[], on: CalendarDate): Promise<(personId: string) => string | null> {
  const [found, erased] = await Promise.all([names.namesOn(personIds, on), names.erasedAmong(personIds)]);
  return (personId) => (erased.has(personId) ? ERASED_NAME : (found.get(personId) ?? null));
}

/** Runs `read` with the database's leadership reader and its person directory, closing the store afterwards. */
export async function withReaderAndNames<T>(file: string, read: (reader: LeadershipReader, names: PersonDirectory) => Promise<T>): Promise<T> {
  const store = openExistingStore(file);
  try {
    return await read(new LeadershipReader(store, new LeadershipProjector(store)), new SqlitePersonDirectory(store.database));
  } finally {
    await store.close();
  }
}
