import { type EventStore, readAllPages } from '@orgchange/event-store';
import type { MessageFactory, OutgoingMessage } from './kafka-message';
import { PoisonEventError } from './kafka-message';
import type { MessageSink } from './outbox-relay';

export type RepublishRange = Readonly<{
  /** First global position to publish (inclusive, from 1). */
  from: bigint;
  /** Last global position to publish (inclusive); the end of the log when absent. */
  to?: bigint;
  /** Only these topics (full names); every topic when absent. */
  topics?: ReadonlySet<string>;
  /** Messages per produce request (default 500). */
  batchSize?: number;
}>;

export type RepublishProgress = Readonly<{ position: bigint; read: number; published: number; skipped: number }>;

export type RepublishReport = Readonly<{
  read: number;
  published: number;
  /** Events that cannot become valid messages (the relay dead-letters them); listed, not published. */
  skipped: readonly Readonly<{ globalPosition: string; eventId: string; error: string }>[];
  lastPosition: string | null;
}>;

/**
 * Publishes a range of the log again for a new downstream, in global order, each message marked with the
 * replay header. It reads the log, not the outbox, and leaves the outbox alone: the relay carries on as before.
 */
export async function republish(
  store: Pick<EventStore, 'readAll'>,
  factory: MessageFactory,
  sink: MessageSink,
  range: RepublishRange,
  onProgress: (progress: RepublishProgress) => void = () => undefined,
): Promise<RepublishReport> {
  const batchSize = range.batchSize ?? 500;
  const skipped: { globalPosition: string; eventId: string; error: string }[] = [];
  let read = 0;
  let published = 0;
  let last: bigint | null = null;
  let batch: OutgoingMessage[] = [];
  const flush = async (): Promise<void> => {
    await sink.send(batch);
    published += batch.length;
    batch = [];
  };
  pages: for await (const page of readAllPages(store, { after: range.from - 1n, pageSize: batchSize })) {
    for (const event of page) {
      if (range.to !== undefined && event.globalPosition > range.to) break pages;
      read += 1;
      last = event.globalPosition;
      try {
        const message = await factory.messageOf(event, true);
        if (!range.topics || range.topics.has(message.topic)) batch.push(message);
      } catch (error) {
        if (!(error instanceof PoisonEventError)) throw error;
        skipped.push({ globalPosition: event.globalPosition.toString(), eventId: event.eventId, error: error.message });
      }
      if (batch.length >= batchSize) await flush();
    }
    onProgress({ position: last ?? range.from, read, published: published + batch.length, skipped: skipped.length });
  }
  if (batch.length > 0) await flush();
  return { read, published, skipped, lastPosition: last?.toString() ?? null };
}
