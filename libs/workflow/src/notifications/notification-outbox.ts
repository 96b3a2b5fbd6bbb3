import type { Database, Statement } from 'better-sqlite3';
import { migrateNotificationOutbox } from './notification-outbox.schema';
import type { Notification, NotifiedRecipient } from './notification.types';

/** A notification waiting for one channel, with its place in the outbox. */
export type PendingNotification = Readonly<{ seq: number; notification: Notification }>;

/** How a channel settled a notification. `attempts` counts every try, the last error is kept even after a success. */
export type DeliveryOutcome = Readonly<{ notificationId: string; status: 'delivered' | 'failed'; attempts: number; lastError: string | null }>;

/** A notification with how each channel has settled it so far (no entry: still pending there). */
export type NotificationRecord = Notification &
  Readonly<{ deliveries: readonly Readonly<{ channel: string; status: 'delivered' | 'failed'; attempts: number; lastError: string | null; settledAt: string }>[] }>;

export type ChannelCounts = Readonly<{ delivered: number; failed: number; pending: number }>;

/**
 * The notifications outbox table (see {@link migrateNotificationOutbox}). Writes are plain statements: the
 * caller runs `insert` inside the transaction that also moves the saga's checkpoint.
 */
export class NotificationOutbox {
  private readonly statements: Record<'insert' | 'byProgramme' | 'byRecipient' | 'pending' | 'settle' | 'deliveries' | 'count' | 'settledCounts', Statement>;

  constructor(readonly db: Database) {
    migrateNotificationOutbox(db);
    this.statements = {
      insert: db.prepare(
        'INSERT INTO notification_outbox (notification_id, programme_id, change_id, kind, recipient_kind, recipient_id, payload, cause_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (notification_id) DO NOTHING',
      ),
      byProgramme: db.prepare('SELECT payload FROM notification_outbox WHERE programme_id = ? ORDER BY seq'),
      byRecipient: db.prepare('SELECT payload FROM notification_outbox WHERE recipient_kind = ? AND recipient_id = ? ORDER BY seq'),
      pending: db.prepare(
        'SELECT seq, payload FROM notification_outbox o WHERE seq > ? AND NOT EXISTS (SELECT 1 FROM notification_deliveries d WHERE d.channel = ? AND d.notification_id = o.notification_id) ORDER BY seq LIMIT ?',
      ),
      settle: db.prepare(
        `INSERT INTO notification_deliveries (channel, notification_id, status, attempts, last_error, settled_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (channel, notification_id) DO UPDATE SET status = excluded.status, attempts = excluded.attempts, last_error = excluded.last_error, settled_at = excluded.settled_at`,
      ),
      deliveries: db.prepare('SELECT channel, status, attempts, last_error AS lastError, settled_at AS settledAt FROM notification_deliveries WHERE notification_id = ? ORDER BY channel'),
      count: db.prepare('SELECT count(*) FROM notification_outbox').pluck(),
      settledCounts: db.prepare('SELECT status, count(*) AS n FROM notification_deliveries WHERE channel = ? GROUP BY status'),
    };
  }

  /** Adds notifications not yet in the outbox; returns how many were new. Call inside the checkpoint's transaction. */
  insert(notifications: readonly Notification[]): number {
    let added = 0;
    for (const n of notifications) {
      added += this.statements.insert.run(n.notificationId, n.programmeId, n.changeId, n.kind, n.recipient.recipientKind, n.recipient.recipientId, JSON.stringify(n), n.cause.globalPosition).changes;
    }
    return added;
  }

  /** Everyone notified about the programme so far, once each, in the order first told, with all the people and changes they were told about. */
  recipientsNotified(programmeId: string): NotifiedRecipient[] {
    const merged = new Map<string, { first: NotifiedRecipient; personIds: Set<string>; reasons: Set<string>; changeIds: Set<string> }>();
    for (const { recipient } of this.notificationsOfProgramme(programmeId)) {
      const key = `${recipient.recipientKind} ${recipient.recipientId}`;
      const entry = merged.get(key) ?? { first: recipient, personIds: new Set<string>(), reasons: new Set<string>(), changeIds: new Set<string>() };
      merged.set(key, entry);
      recipient.personIds.forEach((id) => entry.personIds.add(id));
      recipient.reasons.forEach((reason) => entry.reasons.add(reason));
      recipient.changeIds.forEach((id) => entry.changeIds.add(id));
    }
    return [...merged.values()].map((e) => ({ ...e.first, personIds: [...e.personIds], reasons: [...e.reasons], changeIds: [...e.changeIds] }));
  }

  notificationsOfProgramme(programmeId: string): Notification[] {
    return this.statements.byProgramme.all(programmeId).map(parsePayload);
  }

  /** A programme's notifications with their delivery state, in the order decided. */
  recordsOfProgramme(programmeId: string): NotificationRecord[] {
    return this.notificationsOfProgramme(programmeId).map((n) => this.withDeliveries(n));
  }

  /** The notifications sent to one post, unit or organisation, with their delivery state, in the order decided. */
  recordsOfRecipient(recipientKind: NotifiedRecipient['recipientKind'], recipientId: string): NotificationRecord[] {
    return this.statements.byRecipient.all(recipientKind, recipientId).map((row) => this.withDeliveries(parsePayload(row)));
  }

  /** Up to `limit` notifications after `afterSeq` that `channel` has not settled, oldest first. */
  pendingFor(channel: string, afterSeq: number, limit: number): PendingNotification[] {
    return (this.statements.pending.all(afterSeq, channel, limit) as { seq: number; payload: string }[]).map((row) => ({ seq: row.seq, notification: JSON.parse(row.payload) }));
  }

  /** Records how `channel` settled each notification, in one transaction. */
  settle(channel: string, outcomes: readonly DeliveryOutcome[], settledAt: string): void {
    this.db.transaction(() => {
      for (const o of outcomes) this.statements.settle.run(channel, o.notificationId, o.status, o.attempts, o.lastError, settledAt);
    })();
  }

  count(): number {
    return this.statements.count.get() as number;
  }

  /** How many notifications `channel` has delivered, given up on (failed), and not settled yet (pending). */
  channelCounts(channel: string): ChannelCounts {
    const settled = Object.fromEntries((this.statements.settledCounts.all(channel) as { status: string; n: number }[]).map((r) => [r.status, r.n]));
    const delivered = settled.delivered ?? 0;
    const failed = settled.failed ?? 0;
    return { delivered, failed, pending: this.count() - delivered - failed };
  }

  private withDeliveries(notification: Notification): NotificationRecord {
    return { ...notification, deliveries: this.statements.deliveries.all(notification.notificationId) as NotificationRecord['deliveries'] };
  }
}

const parsePayload = (row: unknown): Notification => JSON.parse((row as { payload: string }).payload);
