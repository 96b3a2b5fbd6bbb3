import { Client, type ClientConfig } from 'pg';
import type { CommitNotifier } from '../catch-up-subscription';

/** How long to wait before listening again after the connection was lost. */
const RECONNECT_DELAY_MS = 2000;

/**
 * One LISTEN connection per store, turning the log's NOTIFY (sent by every append, from any process, at
 * commit) into wake-ups of this store's subscriptions. It is only an accelerator: subscriptions also poll,
 * so while the connection is down (or before it is up) they still see every commit, just later.
 */
export class PostgresListener {
  private client?: Client;
  private starting?: Promise<void>;
  private retry?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
    private readonly notifier: CommitNotifier,
  ) {}

  /** Starts listening unless already listening; failures are retried in the background, never thrown. */
  ensureStarted(): Promise<void> {
    if (this.closed || this.client) return Promise.resolve();
    this.starting ??= this.connect().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async connect(): Promise<void> {
    const client = new Client(this.config);
    client.on('notification', () => this.notifier.notify());
    client.on('error', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      if (this.closed) {
        await client.end();
        return;
      }
      this.client = client;
      // A commit may have landed before LISTEN took effect: one wake-up makes subscriptions look.
      this.notifier.notify();
    } catch {
      this.lost(client);
    }
  }

  private lost(client: Client): void {
    if (this.client === client) this.client = undefined;
    void client.end().catch(() => undefined);
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.ensureStarted();
    }, RECONNECT_DELAY_MS);
    this.retry.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    await this.starting;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
