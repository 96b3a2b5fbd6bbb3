import { type DynamicModule, type InjectionToken, Injectable, Logger, Module, type ModuleMetadata, type OnApplicationBootstrap, type OnModuleDestroy, Inject } from '@nestjs/common';
import { EVENT_STORE, type EventStore, SqliteEventStore } from '@orgchange/event-store';
import { LeadershipProjector, LeadershipReader } from '@orgchange/projections';
import { ImpactAnalyser } from '../impact/impact-analyser';
import { ImpactRecipientFinder } from './impact-recipient-finder';
import { configuredChannels } from './notification-channels';
import { NotificationOutbox } from './notification-outbox';
import { NotificationRelay } from './notification-relay';
import { NotificationSagaRunner } from './notification-saga.runner';
import { type NotificationsConfig, notificationsConfigFrom } from './notifications.config';
import { NotificationsStatus } from './notifications.status';
import { RECIPIENT_FINDER, type RecipientFinder } from './recipient-finder.port';

const NOTIFICATION_RELAYS = Symbol('NOTIFICATION_RELAYS');

export type NotificationsModuleOptions = Readonly<{
  config: NotificationsConfig;
  /** Modules a custom recipient finder's dependencies come from. */
  imports?: ModuleMetadata['imports'];
  /**
   * How to build the finder. By default: impact analysis over the leadership read model in the store's file,
   * read through a projector of its own (projectors sharing a file stay consistent through its checkpoint).
   */
  recipientFinder?: Readonly<{ inject: InjectionToken[]; useFactory: (...dependencies: never[]) => RecipientFinder }>;
}>;

/** Starts the saga and the relays once the app is up, and stops them before the store closes. */
@Injectable()
class NotificationsLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly saga: NotificationSagaRunner,
    @Inject(NOTIFICATION_RELAYS) private readonly relays: readonly NotificationRelay[],
  ) {}

  onApplicationBootstrap(): void {
    for (const relay of this.relays) relay.start();
    this.saga.start();
    this.logger.log(`notification saga following the log from position ${this.saga.checkpoint()}`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.saga.stop();
    await Promise.all(this.relays.map((r) => r.stop()));
  }
}

/**
 * The notification saga over the configured SQLite store, and one outbox relay per configured channel: for the
 * worker app. A saga failure is logged as an error naming the event, and stops the saga until a restart.
 */
@Module({})
export class NotificationsModule {
  /** Configured from `NOTIFY_*` environment variables; a bad one stops start-up with a message naming it. */
  static fromEnvironment(env: Readonly<Record<string, string | undefined>> = process.env): DynamicModule {
    return NotificationsModule.forRoot({ config: notificationsConfigFrom(env) });
  }

  static forRoot(options: NotificationsModuleOptions): DynamicModule {
    const logger = new Logger('Notifications');
    const finder = options.recipientFinder ?? { inject: [EVENT_STORE], useFactory: (store: EventStore) => impactFinder(sqliteStore(store)) };
    return {
      module: NotificationsModule,
      imports: options.imports ?? [],
      providers: [
        { provide: RECIPIENT_FINDER, inject: finder.inject, useFactory: finder.useFactory as (...dependencies: unknown[]) => RecipientFinder },
        {
          provide: NOTIFICATION_RELAYS,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => {
            const outbox = new NotificationOutbox(sqliteStore(store).database);
            const onError = (error: unknown) => logger.error(`notification relay: ${String(error)}`);
            return configuredChannels(options.config, (line) => logger.log(line)).map(
              (channel) => new NotificationRelay(outbox, channel, { retry: options.config.retry, concurrency: options.config.concurrency, onError }),
            );
          },
        },
        {
          provide: NotificationSagaRunner,
          inject: [EVENT_STORE, RECIPIENT_FINDER, NOTIFICATION_RELAYS],
          useFactory: (store: EventStore, recipients: RecipientFinder, relays: readonly NotificationRelay[]) =>
            new NotificationSagaRunner(sqliteStore(store), recipients, {
              onNotified: () => relays.forEach((r) => r.nudge()),
              onFailure: (f) => logger.error(`notification saga stopped at event ${f.eventId} (position ${f.globalPosition}): ${f.error}`),
            }),
        },
        {
          provide: NotificationsStatus,
          inject: [EVENT_STORE, NotificationSagaRunner, NOTIFICATION_RELAYS],
          useFactory: (store: EventStore, saga: NotificationSagaRunner, relays: readonly NotificationRelay[]) =>
            new NotificationsStatus(sqliteStore(store), saga, saga.outbox, relays.map((r) => r.channelName)),
        },
        NotificationsLifecycle,
      ],
      exports: [NotificationSagaRunner, NotificationsStatus],
    };
  }
}

function impactFinder(store: SqliteEventStore): RecipientFinder {
  return new ImpactRecipientFinder(new ImpactAnalyser(new LeadershipReader(store, new LeadershipProjector(store))));
}

function sqliteStore(store: EventStore): SqliteEventStore {
  if (!(store instanceof SqliteEventStore)) throw new Error('the notifications outbox needs the SQLite event store');
  return store;
}
