import { type DynamicModule, Module } from '@nestjs/common';
import { CLOCK, type Clock, ClockModule, systemClock } from '@orgchange/commands';
import { EVENT_STORE, type EventStore, EventStoreModule, SqliteEventStore, storeConfigFrom } from '@orgchange/event-store';
import { type NotificationsConfig, NotificationsModule, ProgrammeTimerIndex, ProgrammeTimerRunner } from '@orgchange/workflow';
import { ProgrammeTimerLoop, TIMER_INTERVAL } from './programme-timer.loop';
import type { WorkerConfig } from './worker-config';
import { WORKER_HEALTH_PORT, WorkerHealthServer } from './worker-health.server';

/** The background worker: fires change programmes' timers on the store the API writes. */
@Module({})
export class WorkerModule {
  /** `notifications`: the NOTIFY_* settings (webhook, log, Kafka channels), read from the process environment when omitted. */
  static forRoot(config: WorkerConfig, clock: Clock = systemClock, notifications?: NotificationsConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ClockModule.forRoot(clock), EventStoreModule.forRoot(storeConfigFrom(config as unknown as Record<string, string | undefined>)), notifications ? NotificationsModule.forRoot({ config: notifications }) : NotificationsModule.fromEnvironment()],
      providers: [
        {
          provide: ProgrammeTimerIndex,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => {
            // The index is a table beside the events, kept in step in the same file.
            if (!(store instanceof SqliteEventStore)) throw new Error('the programme timer index needs the SQLite event store');
            return new ProgrammeTimerIndex(store, store.database);
          },
        },
        {
          provide: ProgrammeTimerRunner,
          inject: [EVENT_STORE, ProgrammeTimerIndex, CLOCK],
          useFactory: (store: EventStore, index: ProgrammeTimerIndex, injected: Clock) => new ProgrammeTimerRunner(store, index, injected),
        },
        { provide: TIMER_INTERVAL, useValue: config.TIMER_INTERVAL_MS },
        ProgrammeTimerLoop,
        { provide: WORKER_HEALTH_PORT, useValue: config.WORKER_HEALTH_PORT },
        WorkerHealthServer,
      ],
    };
  }
}
