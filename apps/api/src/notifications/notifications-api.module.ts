import { Module } from '@nestjs/common';
import { EVENT_STORE, type EventStore, SqliteEventStore } from '@orgchange/event-store';
import { NotificationsQuery } from '@orgchange/workflow';
import { NotificationsController } from './notifications.controller';

/** The notification reads of the API; the saga and the relays that write them run in the worker. */
@Module({
  controllers: [NotificationsController],
  providers: [
    {
      provide: NotificationsQuery,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => {
        if (!(store instanceof SqliteEventStore)) throw new Error('the notifications outbox needs the SQLite event store');
        return new NotificationsQuery(store);
      },
    },
  ],
})
export class NotificationsApiModule {}
