import type { Outbox, OutboxEntry } from '@orgchange/event-store';
import { type Backoff, backoffDelayMs, DEFAULT_BACKOFF } from './backoff';
import { deadLetterMessage } from './dead-letter';
import { errorText, isMessageRejection } from './kafka-errors';
import { type MessageFactory, type OutgoingMessage, PoisonEventError } from './kafka-message';
import { RelayStatus } from './relay-status';

/** Where the relay sends messages: the {@link KafkaPublisher}, or a test's stand-in. */
export type MessageSink = Readonly<{ send(messages: readonly OutgoingMessage[]): Promise<void> }>;

export type OutboxRelayOptions = Readonly<{
  /** The dead-letter topic. */
  deadLetterTopic: string;
  /** Outbox entries per produce request (default 500). */
  batchSize?: number;
  /** A batch is sent as this many produce requests, one after another, each built while the last is in flight (default 4). */
  slices?: number;
  /** How often an idle relay looks for entries appended by another process (default 20 ms). */
  pollIntervalMs?: number;
  /** Broker rejections of one message before it is dead-lettered (default 3). */
  maxAttempts?: number;
  /** Waits between retries while the broker is unavailable. */
  backoff?: Backoff;
  /** Longest a graceful stop spends publishing what is still waiting (default 5 s). */
  drainTimeoutMs?: number;
  /** Told about every failure the relay recovers from by retrying. */
  onError?: (error: unknown) => void;
}>;

type Prepared = { entry: OutboxEntry; message: OutgoingMessage } | { entry: OutboxEntry; poison: string };

/**
 * Publishes the outbox to Kafka, in global order, one batch at a time: an entry is marked sent only after
 * the broker acknowledged it, so a crash at any point publishes it again rather than losing it (consumers
 * dedupe on the event id). While the broker is unavailable it backs off and retries for ever; the outbox
 * grows meanwhile and nothing is lost. An event that cannot become a valid message, or that the broker keeps
 * rejecting, goes to the dead-letter topic and the relay moves on; a rejected message stops the batch at its
 * place until it is dead-lettered, so later events of its key never overtake it.
 */
export class OutboxRelay {
  readonly status = new RelayStatus();
  private readonly batchSize: number;
  private readonly sliceSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxAttempts: number;
  private readonly backoff: Backoff;
  private readonly drainTimeoutMs: number;
  private readonly onError: (error: unknown) => void;
  private running?: Promise<void>;
  private stopping = false;
  private wake?: () => void;

  constructor(
    private readonly outbox: Outbox,
    private readonly factory: MessageFactory,
    private readonly sink: MessageSink,
    private readonly options: OutboxRelayOptions,
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.sliceSize = Math.max(1, Math.ceil(this.batchSize / (options.slices ?? 4)));
    this.pollIntervalMs = options.pollIntervalMs ?? 20;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.drainTimeoutMs = options.drainTimeoutMs ?? 5_000;
    this.onError = options.onError ?? (() => undefined);
  }

  /** Starts publishing in the background until {@link stop}. */
  start(): void {
    this.running ??= this.loop();
  }

  /**
   * Graceful stop: finishes the batch in flight, then keeps publishing what is waiting until the outbox is
   * empty, the broker fails, or `drainTimeoutMs` passes. Whatever is left stays in the outbox for next time.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    const deadline = Date.now() + this.drainTimeoutMs;
    try {
      while (Date.now() < deadline && (await this.publishBatch()) > 0);
    } catch (error) {
      this.onError(error);
    }
    this.status.stopped();
  }

  /** Publishes until the outbox is empty; throws if the broker fails. For tests, benches and the CLI. */
  async drain(): Promise<number> {
    let total = 0;
    for (let published = await this.publishBatch(); published > 0; published = await this.publishBatch()) total += published;
    return total;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        const handled = await this.publishBatch();
        failures = 0;
        if (handled === 0) await this.sleep(this.pollIntervalMs);
      } catch (error) {
        failures += 1;
        this.status.failed(error);
        this.onError(error);
        await this.sleep(backoffDelayMs(this.backoff, failures));
      }
    }
  }

  /** One batch: returns the number of entries taken out of the outbox (sent or dead-lettered). */
  async publishBatch(): Promise<number> {
    const entries = await this.outbox.pending(this.batchSize);
    if (entries.length === 0) return 0;
    // Sent in slices, each slice's messages built while the one before is on the wire, so the relay's own
    // work (JSON, schema checks, encoding) overlaps the broker's. Slices go out one after another, in order.
    const slices: OutboxEntry[][] = [];
    for (let i = 0; i < entries.length; i += this.sliceSize) slices.push(entries.slice(i, i + this.sliceSize));
    let next = this.prepareSlice(slices[0]);
    let sent = 0;
    for (let i = 0; i < slices.length; i += 1) {
      const prepared = await next;
      const good = prepared.filter((p): p is Extract<Prepared, { message: OutgoingMessage }> => 'message' in p);
      const sending = this.sendInOrder(good);
      if (i + 1 < slices.length) {
        next = this.prepareSlice(slices[i + 1]);
        // Awaited on the next turn; if this slice fails first, the batch is abandoned and so is that result.
        next.catch(() => undefined);
      }
      sent += await sending;
      for (const p of prepared) {
        if ('poison' in p) await this.deadLetter(p.entry, p.poison);
      }
    }
    this.status.published(sent, entries[entries.length - 1].event.globalPosition);
    return entries.length;
  }

  private prepareSlice(slice: readonly OutboxEntry[]): Promise<Prepared[]> {
    return Promise.all(slice.map((entry) => this.prepare(entry)));
  }

  private async prepare(entry: OutboxEntry): Promise<Prepared> {
    try {
      return { entry, message: await this.factory.messageOf(entry.event) };
    } catch (error) {
      if (error instanceof PoisonEventError) return { entry, poison: error.message };
      throw error;
    }
  }

  /** Sends the batch as one request; if the broker rejects a message in it, finds which, one at a time. */
  private async sendInOrder(batch: readonly { entry: OutboxEntry; message: OutgoingMessage }[]): Promise<number> {
    if (batch.length === 0) return 0;
    try {
      await this.sink.send(batch.map((p) => p.message));
      await this.outbox.markSent(batch.map((p) => p.entry.event.globalPosition));
      return batch.length;
    } catch (error) {
      if (!isMessageRejection(error)) throw error;
    }
    let sent = 0;
    for (const { entry, message } of batch) {
      try {
        await this.sink.send([message]);
        await this.outbox.markSent([entry.event.globalPosition]);
        sent += 1;
      } catch (error) {
        if (!isMessageRejection(error)) throw error;
        const attempts = await this.outbox.recordFailure(entry.event.globalPosition, errorText(error));
        if (attempts < this.maxAttempts) throw error;
        await this.deadLetter(entry, `rejected by the broker ${attempts} times: ${errorText(error)}`, message.topic);
      }
    }
    return sent;
  }

  private async deadLetter(entry: OutboxEntry, error: string, originalTopic?: string): Promise<void> {
    await this.sink.send([deadLetterMessage(this.options.deadLetterTopic, entry.event, error, originalTopic)]);
    await this.outbox.markDeadLettered(entry.event.globalPosition, error);
    this.status.deadLettered();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
      if (this.stopping) done();
    });
  }
}
