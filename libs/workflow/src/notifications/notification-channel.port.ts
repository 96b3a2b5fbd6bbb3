import type { Notification } from './notification.types';

/**
 * Somewhere notifications go: a webhook, a log, a Kafka topic (issue 7). Delivery is at least once: after a
 * crash between delivering and recording it, the relay delivers the same notification again, so a channel
 * passes `notificationId` on as the idempotency key and its receiver drops ids it has seen.
 * `deliver` resolves once the receiver has accepted the notification and rejects otherwise; a
 * {@link PermanentDeliveryError} says a retry cannot succeed (the relay then marks it failed at once).
 */
export interface NotificationChannel {
  /** Names the channel in the delivery records; stable across restarts. */
  readonly name: string;
  deliver(notification: Notification): Promise<void>;
  /** Releases what the channel holds open (pooled connections), once its relay has stopped. */
  close?(): Promise<void>;
}

/** The receiver refused the notification itself (e.g. HTTP 400): trying again would be refused again. */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}
