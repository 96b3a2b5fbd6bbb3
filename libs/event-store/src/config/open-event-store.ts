import { KurrentDbEventStore } from '../kurrentdb/kurrentdb-event-store';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import type { EventStore } from '../event-store.port';
import type { Outbox } from '../outbox/outbox.port';
import type { Upcaster } from '../upcasting';
import { ReplicatedEventStore } from './replicated-event-store';
import type { StoreConfig } from './store-config';

/**
 * Opens the configured store as the apps use it: a `SqliteEventStore` whose file holds the derived state.
 * On SQLite that file is the log itself; on PostgreSQL or KurrentDB it is a local replica of the log kept by
 * {@link ReplicatedEventStore} (the log's own connection is opened without an upcaster, so the replica
 * holds events exactly as stored and upcasts on read like every store).
 */
export async function openEventStore(config: StoreConfig, upcast?: Upcaster): Promise<SqliteEventStore> {
  switch (config.kind) {
    case 'sqlite':
      return new SqliteEventStore({ file: config.file, upcast });
    case 'postgres': {
      const primary = await PostgresEventStore.open({ url: config.url, schema: config.schema });
      return ReplicatedEventStore.open({ primary, file: config.localStateFile, upcast, onFollowError: logFollowError });
    }
    case 'kurrentdb': {
      const primary = new KurrentDbEventStore({ connectionString: config.url });
      return ReplicatedEventStore.open({ primary, file: config.localStateFile, upcast, onFollowError: logFollowError });
    }
  }
}

/**
 * Opens only the log, with no local state: for processes that need nothing but the log and its outbox (the
 * Kafka relay, exports). SQLite and PostgreSQL stores carry `outbox`; KurrentDB has none (read `$all` with a
 * subscription instead).
 */
export async function openLog(config: StoreConfig, upcast?: Upcaster): Promise<EventStore & { outbox?: Outbox }> {
  switch (config.kind) {
    case 'sqlite':
      return new SqliteEventStore({ file: config.file, upcast });
    case 'postgres':
      return PostgresEventStore.open({ url: config.url, schema: config.schema, upcast });
    case 'kurrentdb':
      return new KurrentDbEventStore({ connectionString: config.url, upcast });
  }
}

/** The log's connection was lost: the replica keeps serving reads and retries; say so once per failure. */
function logFollowError(error: unknown): void {
  console.error(`orgchange: following the event store failed, retrying: ${error instanceof Error ? error.message : String(error)}`);
}
