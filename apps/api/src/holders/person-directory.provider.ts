import type { Provider } from '@nestjs/common';
import { EVENT_STORE, type EventStore, SqliteEventStore } from '@orgchange/event-store';
import { PERSON_DIRECTORY, SqlitePersonDirectory } from '@orgchange/people-directory';

/** People's names, in the store's own SQLite file beside (never inside) the events. */
export const personDirectoryProvider: Provider = {
  provide: PERSON_DIRECTORY,
  inject: [EVENT_STORE],
  useFactory: (store: EventStore) => {
    if (!(store instanceof SqliteEventStore)) throw new Error('the person directory needs the SQLite event store');
    return new SqlitePersonDirectory(store.database);
  },
};
