import { Agent, request } from 'undici';
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
  /**
   * undici's own request API on a keep-alive pool: the global fetch (also undici) spends several times more
   * CPU per request, which capped delivery at about 400 notifications/s here.
   */
  private readonly agent: Agent;

  constructor(private readonly options: WebhookChannelOptions) {
    this.name = options.name ?? 'webhook';
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.agent = new Agent({ keepAliveTimeout: 10_000, connections: 16 });
  }

  async deliver(notification: Notification): Promise<void> {
    const response = await request(this.options.url, {
      method: 'POST',
      dispatcher: this.agent,
      headers: { 'content-type': 'application/json', 'idempotency-key': notification.notificationId },
      body: JSON.stringify(notification),
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    });
    // Read the body either way, so the connection goes back to the pool.
    const body = await response.body.text();
    if (response.statusCode >= 200 && response.statusCode < 300) return;
    const message = `HTTP ${response.statusCode} from ${this.options.url}${body ? `: ${body.slice(0, 200)}` : ''}`;
    const retryable = response.statusCode === 408 || response.statusCode === 429 || response.statusCode >= 500;
    throw retryable ? new Error(message) : new PermanentDeliveryError(message);
  }

  /** Closes the pooled connections (the worker's shutdown). */
  async close(): Promise<void> {
    await this.agent.close();
  }
}
