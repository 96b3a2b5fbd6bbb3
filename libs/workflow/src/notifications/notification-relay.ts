import { type NotificationChannel, PermanentDeliveryError } from './notification-channel.port';
import type { DeliveryOutcome, NotificationOutbox } from './notification-outbox';
import { NotificationRedelivery } from './notification-redelivery';
import type { Notification } from './notification.types';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

export type NotificationRelayOptions = Readonly<{
  retry?: RetryPolicy;
  /** Notifications in flight at once. */
  concurrency?: number;
  /** Notifications read from the outbox per batch; their outcomes are recorded in one transaction. */
  batchSize?: number;
  /** How often an idle relay looks for notifications written by another process. */
  pollIntervalMs?: number;
  /** Told about errors reading or writing the outbox (the relay carries on after `pollIntervalMs`). */
  onError?: (error: unknown) => void;
  now?: () => Date;
}>;

export type RelayProgress = { delivered: number; failed: number };

/**
 * Delivers the outbox's notifications to one channel, oldest first, each tried up to `retry.maxAttempts` times
 * with capped exponential backoff, then recorded as delivered or failed (with attempts and the last error).
 * Outcomes are recorded after delivery, so a crash in between delivers again: at least once, keyed by id.
 * A failed notification an operator makes pending again (`orgchange notifications retry`) is picked up at the
 * next poll: the relay looks again from the earliest one.
 */
export class NotificationRelay {
  private readonly retry: RetryPolicy;
  private readonly concurrency: number;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly now: () => Date;
  private readonly onError: (error: unknown) => void;
  /** Every notification up to this place has been settled for the channel by this relay. */
  private settledTo = 0;
  private readonly redelivery: NotificationRedelivery;
  /** Redelivery requests up to this id are behind `settledTo` already (a fresh relay starts from the outbox's beginning). */
  private redeliveriesSeen: number;
  private running?: Promise<void>;
  private stopping = false;
  private stopped = new AbortController();
  private wake?: () => void;

  constructor(
    private readonly outbox: NotificationOutbox,
    private readonly channel: NotificationChannel,
    options: NotificationRelayOptions = {},
  ) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.concurrency = options.concurrency ?? 8;
    this.batchSize = options.batchSize ?? 200;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.now = options.now ?? (() => new Date());
    this.onError = options.onError ?? (() => undefined);
    this.redelivery = new NotificationRedelivery(outbox.db);
    this.redeliveriesSeen = this.redelivery.lastRequestId();
  }

  /** The channel this relay delivers to, as deliveries record it. */
  get channelName(): string {
    return this.channel.name;
  }

  /** Delivers until nothing is pending for the channel (or the relay is stopped). */
  async deliverPending(): Promise<RelayProgress> {
    const progress: RelayProgress = { delivered: 0, failed: 0 };
    this.lookAgainAtRedeliveries();
    while (!this.stopping) {
      const batch = this.outbox.pendingFor(this.channel.name, this.settledTo, this.batchSize);
      if (batch.length === 0) break;
      const outcomes = await this.deliverBatch(batch.map((p) => p.notification));
      this.outbox.settle(this.channel.name, outcomes, this.now().toISOString());
      for (const o of outcomes) progress[o.status] += 1;
      // Cut short by `stop`: the rest stay pending and are tried on the next start.
      if (outcomes.length < batch.length) break;
      this.settledTo = batch[batch.length - 1].seq;
    }
    return progress;
  }

  private lookAgainAtRedeliveries(): void {
    const rewind = this.redelivery.rewindPoint(this.channel.name, this.redeliveriesSeen);
    if (!rewind) return;
    this.settledTo = Math.min(this.settledTo, rewind.fromSeq - 1);
    this.redeliveriesSeen = rewind.lastId;
  }

  /** Delivers in the background until `stop`, woken by `nudge` or every `pollIntervalMs`. */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.stopped = new AbortController();
    this.running = this.loop();
  }

  /** Asks a started relay to look at the outbox now (e.g. the saga just added notifications). */
  nudge(): void {
    this.wake?.();
  }

  /** Stops after the tries in flight; waits between tries are cut short and leave those notifications pending. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.stopped.abort();
    this.wake?.();
    await this.running;
    this.running = undefined;
    await this.channel.close?.();
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.deliverPending();
      } catch (error) {
        this.onError(error);
      }
      await this.idle();
    }
  }

  private async deliverBatch(batch: readonly Notification[]): Promise<DeliveryOutcome[]> {
    const outcomes: (DeliveryOutcome | undefined)[] = new Array(batch.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < batch.length) {
        const index = next++;
        outcomes[index] = await this.deliverOne(batch[index]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, batch.length) }, worker));
    const settled: DeliveryOutcome[] = [];
    // Only the unbroken run from the start counts: the low-water mark must never pass a pending notification.
    for (const outcome of outcomes) {
      if (!outcome) break;
      settled.push(outcome);
    }
    return settled;
  }

  /** Undefined when `stop` interrupted the wait before a retry. */
  private async deliverOne(notification: Notification): Promise<DeliveryOutcome | undefined> {
    let lastError: string | null = null;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.channel.deliver(notification);
        return { notificationId: notification.notificationId, status: 'delivered', attempts: attempt, lastError };
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        if (error instanceof PermanentDeliveryError || attempt >= this.retry.maxAttempts) {
          return { notificationId: notification.notificationId, status: 'failed', attempts: attempt, lastError };
        }
      }
      await this.waitBeforeRetry(backoffDelayMs(this.retry, attempt));
      if (this.stopping) return undefined;
    }
  }

  /** Until a nudge, `stop` or the poll interval. */
  private idle(): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake?.(), this.pollIntervalMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }

  /** Backoff is cut short by `stop` only: a nudge must not hurry a receiver that is failing. */
  private waitBeforeRetry(ms: number): Promise<void> {
    const signal = this.stopped.signal;
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done);
    });
  }
}
