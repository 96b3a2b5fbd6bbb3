import type { NotificationChannel } from './notification-channel.port';
import { PermanentDeliveryError } from './notification-channel.port';
import type { Notification } from './notification.types';

export type WebhookChannelOptions = Readonly<{ url: string; timeoutMs?: number; name?: string }>;

/**
 * POSTs each notification as JSON to one URL, with the notification id in `Idempotency-Key` (delivery is at
 * least once). Any 2xx accepts it. 408, 429 and 5xx, timeouts and connection errors are worth another try;
 * other 4xx answers refuse the notification itself.
 */
export class WebhookChannel implements NotificationChannel {
  readonly name: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: WebhookChannelOptions) {
    this.name = options.name ?? 'webhook';
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async deliver(notification: Notification): Promise<void> {
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': notification.notificationId },
      body: JSON.stringify(notification),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    // Read the body either way, so the connection goes back to the pool.
    const body = await response.text();
    if (response.ok) return;
    const message = `HTTP ${response.status} from ${this.options.url}${body ? `: ${body.slice(0, 200)}` : ''}`;
    const retryable = response.status === 408 || response.status === 429 || response.status >= 500;
    throw retryable ? new Error(message) : new PermanentDeliveryError(message);
  }
}
