import type { SqliteEventStore } from '@orgchange/event-store';
import type { ChannelCounts, NotificationOutbox } from './notification-outbox';
import type { NotificationSagaRunner } from './notification-saga.runner';

/** What a health probe or an operator needs to know about notifications: is the saga following, and is anything stuck. */
export type NotificationsHealth = Readonly<{
  healthy: boolean;
  saga: Readonly<{ running: boolean; handledTo: string; logHead: string; lag: number; failure: Readonly<{ eventId: string; globalPosition: string; error: string }> | null }>;
  channels: readonly (Readonly<{ channel: string }> & ChannelCounts)[];
}>;

/**
 * Reads the saga's state and each channel's delivery counts. Unhealthy only when the saga has stopped (on an
 * event it could not handle, or a read of the log that failed): failed deliveries are reported but are a matter
 * for an operator (`orgchange notifications retry`), which a restart would not mend.
 */
export class NotificationsStatus {
  constructor(
    private readonly store: SqliteEventStore,
    private readonly saga: NotificationSagaRunner,
    private readonly outbox: NotificationOutbox,
    private readonly channelNames: readonly string[],
  ) {}

  async read(): Promise<NotificationsHealth> {
    const { running, handledTo, failure } = this.saga.status();
    const head = await this.store.headPosition();
    return {
      healthy: running,
      saga: {
        running,
        handledTo: handledTo.toString(),
        logHead: head.toString(),
        lag: Number(head - handledTo),
        failure: failure ? { eventId: failure.eventId, globalPosition: String(failure.globalPosition), error: failure.error } : null,
      },
      channels: this.channelNames.map((channel) => ({ channel, ...this.outbox.channelCounts(channel) })),
    };
  }
}
