import type { Database } from 'better-sqlite3';

/**
 * The notifications outbox and the saga's checkpoint, in the event store's SQLite file so that both are written
 * in one transaction. `seq` is the order notifications were decided in; `notification_id` is unique, so inserting
 * a notification decided again after a crash is a no-op. A delivery row exists once a channel has settled a
 * notification (delivered, or failed after its last attempt); no row means still pending for that channel.
 * A failed delivery an operator asks to try again is moved to `notification_redeliveries` (which keeps the
 * failure: its attempts, last error and when it settled) and its delivery row removed, so it is pending again.
 */
export function migrateNotificationOutbox(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS notification_outbox (
      seq INTEGER PRIMARY KEY,
      notification_id TEXT NOT NULL UNIQUE,
      programme_id TEXT NOT NULL,
      change_id TEXT,
      kind TEXT NOT NULL,
      recipient_kind TEXT NOT NULL,
      recipient_id TEXT NOT NULL,
      payload TEXT NOT NULL,
      cause_position INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS notification_outbox_by_programme ON notification_outbox (programme_id, seq);
    CREATE INDEX IF NOT EXISTS notification_outbox_by_recipient ON notification_outbox (recipient_kind, recipient_id, seq);
    CREATE TABLE IF NOT EXISTS notification_deliveries (
      channel TEXT NOT NULL,
      notification_id TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('delivered', 'failed')),
      attempts INTEGER NOT NULL,
      last_error TEXT,
      settled_at TEXT NOT NULL,
      PRIMARY KEY (channel, notification_id)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS notification_redeliveries (
      id INTEGER PRIMARY KEY,
      channel TEXT NOT NULL,
      notification_id TEXT NOT NULL,
      failed_attempts INTEGER NOT NULL,
      failed_error TEXT,
      failed_at TEXT NOT NULL,
      requested_at TEXT NOT NULL,
      requested_by TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS notification_redeliveries_by_channel ON notification_redeliveries (channel, id);
    CREATE TABLE IF NOT EXISTS notification_saga_checkpoint (saga TEXT PRIMARY KEY, position INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS notification_saga_failures (
      id INTEGER PRIMARY KEY,
      saga TEXT NOT NULL,
      global_position INTEGER NOT NULL,
      event_id TEXT NOT NULL,
      error TEXT NOT NULL,
      failed_at TEXT NOT NULL
    );
  `);
}
