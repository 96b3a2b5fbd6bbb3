import { Kafka, logLevel, type IHeaders } from 'kafkajs';
import { randomUUID } from 'node:crypto';

/** One message as a test sees it: key, value and header values as UTF-8 strings. */
export type ConsumedMessage = {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  timestamp: string;
};

export type ConsumeAllOptions = {
  /** Stop as soon as this holds over everything read so far. */
  until: (messages: readonly ConsumedMessage[]) => boolean;
  /** Give up (reject, listing what was read) after this long; default 30 s. */
  timeoutMs?: number;
  /** Defaults to a fresh group, so every call reads each topic from the beginning. */
  groupId?: string;
};

/**
 * Reads `topics` from the beginning with a throw-away consumer group until `until` holds, then disconnects.
 * Messages are returned in arrival order, which Kafka guarantees per partition only.
 */
export async function consumeAll(brokers: string[], topics: string[], options: ConsumeAllOptions): Promise<ConsumedMessage[]> {
  const kafka = new Kafka({ clientId: 'test-consume-all', brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: options.groupId ?? `test-consume-all-${randomUUID()}`, maxWaitTimeInMs: 100 });
  const messages: ConsumedMessage[] = [];
  const timeoutMs = options.timeoutMs ?? 30_000;
  await consumer.connect();
  // Disconnecting while run() is still joining the group leaves kafkajs's runner alive: wait for it first.
  let running: Promise<void> = Promise.resolve();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`consumeAll: condition not met within ${timeoutMs} ms; read ${messages.length} messages`)),
        timeoutMs,
      );
      const check = () => {
        if (options.until(messages)) {
          clearTimeout(timer);
          resolve();
        }
      };
      running = consumer.run({
        eachMessage: async ({ topic, partition, message }) => {
          messages.push({
            topic,
            partition,
            offset: message.offset,
            key: message.key?.toString('utf8') ?? null,
            value: message.value?.toString('utf8') ?? null,
            headers: headerStrings(message.headers),
            timestamp: message.timestamp,
          });
          check();
        },
      });
      running.then(check, (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  } finally {
    await running.catch(() => undefined);
    await consumer.disconnect();
  }
  return messages;
}

function headerStrings(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    out[name] = (Array.isArray(value) ? value[value.length - 1] : value).toString();
  }
  return out;
}

/** Messages grouped by key, each list in partition-offset order: what per-key ordering tests compare. */
export function byKey(messages: readonly ConsumedMessage[]): Map<string | null, ConsumedMessage[]> {
  const groups = new Map<string | null, ConsumedMessage[]>();
  for (const message of messages) {
    const list = groups.get(message.key) ?? [];
    list.push(message);
    groups.set(message.key, list);
  }
  const position = (m: ConsumedMessage) => [m.partition, BigInt(m.offset)] as const;
  for (const list of groups.values()) {
    list.sort((a, b) => {
      const [pa, oa] = position(a);
      const [pb, ob] = position(b);
      return pa !== pb ? pa - pb : oa < ob ? -1 : oa > ob ? 1 : 0;
    });
  }
  return groups;
}
