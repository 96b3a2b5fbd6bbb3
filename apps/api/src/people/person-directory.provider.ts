import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { EVENT_STORE, type SqliteEventStore, storeConfigFrom } from '@orgchange/event-store';
import { PERSON_DIRECTORY, type PersonDirectory, PostgresPersonDirectory, SqlitePersonDirectory } from '@orgchange/people-directory';
import type { AppConfig } from '../config/app-config';

/**
 * People's names, never inside the events: in PostgreSQL (the log's schema) when the log is there, so every API
 * instance shares names and erasures; otherwise in the SQLite file (the log itself, or the local state file
 * beside a KurrentDB log, which then holds names for this instance only).
 */
export const personDirectoryProvider = (config: AppConfig): Provider => ({
  provide: PERSON_DIRECTORY,
  inject: [EVENT_STORE],
  useFactory: async (store: SqliteEventStore): Promise<PersonDirectory> => {
    const storeConfig = storeConfigFrom(config as unknown as Record<string, string | undefined>);
    if (storeConfig.kind === 'postgres') return PostgresPersonDirectory.open({ url: storeConfig.url, schema: storeConfig.schema });
    return new SqlitePersonDirectory(store.database);
  },
});

/** Closes the PostgreSQL directory's pool on shutdown (the SQLite one shares the store's connection). */
@Injectable()
export class PersonDirectoryLifecycle implements OnApplicationShutdown {
  constructor(@Inject(PERSON_DIRECTORY) private readonly directory: PersonDirectory) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.directory instanceof PostgresPersonDirectory) await this.directory.close();
  }
}
