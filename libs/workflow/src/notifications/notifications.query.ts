import type { SqliteEventStore } from '@orgchange/event-store';
import { NotificationOutbox, type NotificationRecord } from './notification-outbox';

/** The notifications outbox as the API reads it: what was sent to whom, and how each channel settled it. */
export class NotificationsQuery {
  private readonly outbox: NotificationOutbox;

  constructor(private readonly store: SqliteEventStore) {
    this.outbox = new NotificationOutbox(store.database);
  }

  /** Notifications addressed to the unit itself, oldest first. */
  ofUnit(unitId: string): NotificationRecord[] {
    return this.outbox.recordsOfRecipient('unit', unitId);
  }

  /** A programme's notifications, oldest first; undefined when there is no such programme. */
  async ofProgramme(programmeId: string): Promise<NotificationRecord[] | undefined> {
    if ((await this.store.streamVersion(`programme-${programmeId}`)) < 0) return undefined;
    return this.outbox.recordsOfProgramme(programmeId);
  }
}
