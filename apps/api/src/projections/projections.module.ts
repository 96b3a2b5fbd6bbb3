import { type DynamicModule, Module } from '@nestjs/common';
import type { Clock } from '@orgchange/commands';
import { EVENT_STORE, type EventStore, SqliteEventStore } from '@orgchange/event-store';
import { LeadershipProjector, LeadershipReader } from '@orgchange/projections';

/**
 * The leadership read model: a {@link LeadershipProjector} on the configured store and a {@link LeadershipReader}
 * whose every query catches the projector up first. The read model lives in the store's SQLite file, so only a
 * SQLite store will do. Following the log live is {@link ProjectorLifecycle}'s job.
 */
@Module({})
export class ProjectionsModule {
  static forRoot(clock: Clock): DynamicModule {
    return {
      module: ProjectionsModule,
      providers: [
        {
          provide: LeadershipProjector,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => {
            if (!(store instanceof SqliteEventStore)) throw new Error('the leadership read model needs the SQLite event store');
            return new LeadershipProjector(store);
          },
        },
        {
          provide: LeadershipReader,
          inject: [EVENT_STORE, LeadershipProjector],
          useFactory: (store: SqliteEventStore, projector: LeadershipProjector) => new LeadershipReader(store, projector, () => clock.now()),
        },
      ],
      exports: [LeadershipProjector, LeadershipReader],
    };
  }
}
