import type { NotificationChannel } from './notification-channel.port';
import type { Notification } from './notification.types';

/** Writes each notification as one line to an in-process log (pino, console, a test's array). Never fails by itself. */
export class LogChannel implements NotificationChannel {
  readonly name = 'log';

  constructor(private readonly write: (line: string, notification: Notification) => void) {}

  async deliver(notification: Notification): Promise<void> {
    const { notificationId, kind, programmeId, changeId, recipient } = notification;
    this.write(`notification ${notificationId} ${kind} programme=${programmeId}${changeId ? ` change=${changeId}` : ''} to ${recipient.recipientKind} ${recipient.recipientId}`, notification);
  }
}
