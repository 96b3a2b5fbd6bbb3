import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../event-store.port';
import { IDEMPOTENCY_STORE } from '../idempotency-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { SqliteIdempotencyStore } from '../sqlite/sqlite-idempotency-store';
import { eventUpcasters } from '@orgchange/domain';
import { chainUpcasters, type Upcaster } from '../upcasting';

/** `upcast` defaults to the domain's upcaster table. */
export type EventStoreModuleOptions = Readonly<{ kind: 'sqlite'; file: string; upcast?: Upcaster }>;

/** Binds the configured store adapter to {@link EVENT_STORE} (and its idempotency records), closing it on shutdown. */
@Global()
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static forRoot(options: EventStoreModuleOptions): DynamicModule {
    const store = new SqliteEventStore({ file: options.file, upcast: options.upcast ?? chainUpcasters(eventUpcasters) });
    return {
      module: EventStoreModule,
      providers: [
        { provide: EVENT_STORE, useValue: store },
        { provide: IDEMPOTENCY_STORE, useValue: new SqliteIdempotencyStore(store.database) },
      ],
      exports: [EVENT_STORE, IDEMPOTENCY_STORE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
