import type { Database, Statement } from 'better-sqlite3';
import { migrateNotificationOutbox } from './notification-outbox.schema';

/** Which failed deliveries to look at or try again; every field narrows, none means all. */
export type FailedDeliveryFilter = Readonly<{ channel?: string; programmeId?: string; notificationIds?: readonly string[] }>;

/** A notification a channel gave up on, with the failure the relay recorded. */
export type FailedDelivery = Readonly<{
  channel: string;
  notificationId: string;
  programmeId: string;
  kind: string;
  recipient: string;
  attempts: number;
  lastError: string | null;
  failedAt: string;
}>;

/**
 * Failed notifications, and asking for them to be tried again. The relay gives up on a notification after its
 * last attempt (a receiver down for days, a rejected payload since fixed); an operator who has mended the cause
 * makes it pending again. The failure is kept in `notification_redeliveries`, so the record of what happened is
 * never lost, and a running relay finds the notification through {@link rewindPoint} without a restart.
 */
export class NotificationRedelivery {
  private readonly statements: Record<'failed' | 'remember' | 'forget' | 'rewind' | 'lastRequest', Statement>;

  constructor(private readonly db: Database) {
    migrateNotificationOutbox(db);
    this.statements = {
      failed: db.prepare(
        `SELECT d.channel, d.notification_id AS notificationId, o.programme_id AS programmeId, o.kind, o.recipient_kind || ' ' || o.recipient_id AS recipient,
                d.attempts, d.last_error AS lastError, d.settled_at AS failedAt
         FROM notification_deliveries d JOIN notification_outbox o ON o.notification_id = d.notification_id
         WHERE d.status = 'failed' AND (@channel IS NULL OR d.channel = @channel) AND (@programme IS NULL OR o.programme_id = @programme)
           AND (@ids IS NULL OR d.notification_id IN (SELECT value FROM json_each(@ids)))
         ORDER BY o.seq, d.channel`,
      ),
      remember: db.prepare(
        'INSERT INTO notification_redeliveries (channel, notification_id, failed_attempts, failed_error, failed_at, requested_at, requested_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      forget: db.prepare("DELETE FROM notification_deliveries WHERE channel = ? AND notification_id = ? AND status = 'failed'"),
      rewind: db.prepare(
        `SELECT max(r.id) AS lastId, min(o.seq) AS fromSeq FROM notification_redeliveries r JOIN notification_outbox o ON o.notification_id = r.notification_id
         WHERE r.channel = ? AND r.id > ?`,
      ),
      lastRequest: db.prepare('SELECT coalesce(max(id), 0) FROM notification_redeliveries').pluck(),
    };
  }

  /** Failed deliveries matching the filter, in the order the notifications were decided. */
  failed(filter: FailedDeliveryFilter = {}): FailedDelivery[] {
    return this.statements.failed.all(this.parameters(filter)) as FailedDelivery[];
  }

  /**
   * Makes the matching failed deliveries pending again, in one transaction, and returns them. Each failure is
   * kept with who asked and when; a notification delivered meanwhile, or never failed, is left alone.
   */
  redeliver(filter: FailedDeliveryFilter, requestedBy: string, requestedAt: Date): FailedDelivery[] {
    return this.db.transaction(() => {
      const failed = this.failed(filter);
      for (const f of failed) {
        this.statements.remember.run(f.channel, f.notificationId, f.attempts, f.lastError, f.failedAt, requestedAt.toISOString(), requestedBy);
        this.statements.forget.run(f.channel, f.notificationId);
      }
      return failed;
    }).immediate();
  }

  /** The newest redelivery request on the file: a relay starting now needs to look only at later ones. */
  lastRequestId(): number {
    return this.statements.lastRequest.get() as number;
  }

  /**
   * Requests for `channel` after request `afterId`: the lowest outbox position they made pending again (a relay
   * must look again from just before it) and the newest request's id; undefined when there are none.
   */
  rewindPoint(channel: string, afterId: number): { fromSeq: number; lastId: number } | undefined {
    const row = this.statements.rewind.get(channel, afterId) as { lastId: number | null; fromSeq: number | null };
    return row.lastId === null || row.fromSeq === null ? undefined : { fromSeq: row.fromSeq, lastId: row.lastId };
  }

  private parameters(filter: FailedDeliveryFilter): Record<string, string | null> {
    return {
      channel: filter.channel ?? null,
      programme: filter.programmeId ?? null,
      ids: filter.notificationIds && filter.notificationIds.length > 0 ? JSON.stringify(filter.notificationIds) : null,
    };
  }
}
