import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { eventUpcasters } from '@orgchange/domain';
import { openEventStore } from '../config/open-event-store';
import { ReplicatedEventStore } from '../config/replicated-event-store';
import type { StoreConfig } from '../config/store-config';
import { EVENT_STORE, type EventStore } from '../event-store.port';
import { IDEMPOTENCY_STORE, type IdempotencyStore } from '../idempotency-store.port';
import { OUTBOX } from '../outbox/outbox.port';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { PostgresIdempotencyStore } from '../postgres/postgres-idempotency-store';
import type { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { SqliteIdempotencyStore } from '../sqlite/sqlite-idempotency-store';
import { chainUpcasters, type Upcaster } from '../upcasting';

/** A {@link StoreConfig} (`{ kind: 'sqlite', file }` is the embedded default); `upcast` defaults to the domain's table. */
export type EventStoreModuleOptions = StoreConfig & Readonly<{ upcast?: Upcaster }>;

/**
 * Binds the configured store to {@link EVENT_STORE}, its idempotency records to {@link IDEMPOTENCY_STORE}
 * and its transactional outbox to {@link OUTBOX} (not bound on KurrentDB, which has none), closing the store
 * on shutdown. Whatever the store, {@link EVENT_STORE} is a `SqliteEventStore` over the local state file (see
 * `openEventStore`), so derived state keeps working unchanged.
 */
@Global()
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static forRoot(options: EventStoreModuleOptions): DynamicModule {
    const upcast = options.upcast ?? chainUpcasters(eventUpcasters);
    return {
      module: EventStoreModule,
      providers: [
        { provide: EVENT_STORE, useFactory: () => openEventStore(options, upcast) },
        { provide: IDEMPOTENCY_STORE, inject: [EVENT_STORE], useFactory: idempotencyStoreOf },
        ...(options.kind === 'kurrentdb' ? [] : [{ provide: OUTBOX, inject: [EVENT_STORE], useFactory: (store: SqliteEventStore) => store.outbox }]),
      ],
      exports: [EVENT_STORE, IDEMPOTENCY_STORE, ...(options.kind === 'kurrentdb' ? [] : [OUTBOX])],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/**
 * Beside the log where the log is shared: on PostgreSQL every API instance answers a retried key alike. On
 * SQLite and KurrentDB the records stay in the local file (KurrentDB has no table to hold them), so behind a
 * load balancer such instances need sticky routing for retries: docs/operations.md.
 */
function idempotencyStoreOf(store: SqliteEventStore): IdempotencyStore {
  const primary = store instanceof ReplicatedEventStore ? store.primaryStore : undefined;
  if (primary instanceof PostgresEventStore) return new PostgresIdempotencyStore(primary.connections);
  return new SqliteIdempotencyStore(store.database);
}
