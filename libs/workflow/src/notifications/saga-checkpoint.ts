import type { Database, Statement } from 'better-sqlite3';
import { migrateNotificationOutbox } from './notification-outbox.schema';

/** Why the saga stopped: the event it could not handle, and the error. */
export type SagaFailure = Readonly<{ globalPosition: bigint; eventId: string; error: string; failedAt: string }>;

/** A saga's position in the global log, and the failures that stopped it, kept in the store's file. */
export class SagaCheckpoint {
  private readonly statements: Record<'read' | 'save' | 'recordFailure' | 'lastFailure', Statement>;

  constructor(
    db: Database,
    readonly saga: string,
  ) {
    migrateNotificationOutbox(db);
    this.statements = {
      read: db.prepare('SELECT position FROM notification_saga_checkpoint WHERE saga = ?').pluck(),
      // Never backwards: a slower runner on the same file must not undo a faster one's progress.
      save: db.prepare('INSERT INTO notification_saga_checkpoint (saga, position) VALUES (?, ?) ON CONFLICT (saga) DO UPDATE SET position = max(position, excluded.position)'),
      recordFailure: db.prepare('INSERT INTO notification_saga_failures (saga, global_position, event_id, error, failed_at) VALUES (?, ?, ?, ?, ?)'),
      lastFailure: db.prepare('SELECT global_position AS globalPosition, event_id AS eventId, error, failed_at AS failedAt FROM notification_saga_failures WHERE saga = ? ORDER BY id DESC LIMIT 1'),
    };
  }

  /** Position of the last event handled (0 before the first). */
  position(): bigint {
    return BigInt((this.statements.read.get(this.saga) as number | undefined) ?? 0);
  }

  save(position: bigint): void {
    this.statements.save.run(this.saga, position);
  }

  recordFailure(failure: SagaFailure): void {
    this.statements.recordFailure.run(this.saga, failure.globalPosition, failure.eventId, failure.error, failure.failedAt);
  }

  lastFailure(): SagaFailure | undefined {
    const row = this.statements.lastFailure.get(this.saga) as (Omit<SagaFailure, 'globalPosition'> & { globalPosition: number }) | undefined;
    return row && { ...row, globalPosition: BigInt(row.globalPosition) };
  }
}
