import { once } from 'node:events';
import type { ApiDefinition, BrokerContext } from '../broker-context';
import { ErrorCode } from '../error-codes';
import { newEncoder, type WireEncoder } from '../kafka-codec';

type FetchPartition = { partition: number; fetchOffset: bigint; maxBytes: number };
type FetchTopic = { topic: string; partitions: FetchPartition[] };
type PartitionData = { partition: number; errorCode: number; highWatermark: number; records: Buffer };

/**
 * Fetch v4: whole stored batches from each requested offset. When fewer than min_bytes are ready it waits
 * for an append (a long poll) up to max_wait_time, as a broker does, so idle consumers do not spin.
 */
export const fetchDefinition: ApiDefinition = {
  apiKey: 1,
  name: 'Fetch',
  minVersion: 4,
  maxVersion: 4,
  handle: async (body, _version, context) => {
    body.readInt32();
    const maxWaitMs = body.readInt32();
    const minBytes = body.readInt32();
    const maxBytes = body.readInt32();
    body.readInt8();
    const topics: FetchTopic[] = body.readArray((t) => ({
      topic: t.readString()!,
      partitions: t.readArray((p) => ({ partition: p.readInt32(), fetchOffset: p.readInt64(), maxBytes: p.readInt32() })),
    }));
    const deadline = Date.now() + maxWaitMs;
    let result = collect(topics, maxBytes, context);
    while (result.bytes < Math.max(1, minBytes) && !result.hasError && Date.now() < deadline) {
      await waitForAppend(context, deadline - Date.now());
      result = collect(topics, maxBytes, context);
    }
    return newEncoder()
      .writeInt32(0)
      .writeArray(result.topics.map(({ topic, partitions }) => newEncoder().writeString(topic).writeArray(partitions.map(encodePartition))));
  },
};

function collect(topics: FetchTopic[], maxBytes: number, context: BrokerContext) {
  let bytes = 0;
  let hasError = false;
  const out = topics.map(({ topic, partitions }) => ({
    topic,
    partitions: partitions.map((p): PartitionData => {
      const log = context.topics.partition(topic, p.partition);
      if (!log) {
        hasError = true;
        return { partition: p.partition, errorCode: ErrorCode.unknownTopicOrPartition, highWatermark: -1, records: Buffer.alloc(0) };
      }
      const offset = Number(p.fetchOffset);
      if (offset < 0 || offset > log.highWatermark) {
        hasError = true;
        return { partition: p.partition, errorCode: ErrorCode.offsetOutOfRange, highWatermark: log.highWatermark, records: Buffer.alloc(0) };
      }
      const budget = bytes === 0 ? p.maxBytes : Math.min(p.maxBytes, maxBytes - bytes);
      const records = budget > 0 && offset < log.highWatermark ? log.read(offset, budget) : Buffer.alloc(0);
      bytes += records.length;
      return { partition: p.partition, errorCode: ErrorCode.none, highWatermark: log.highWatermark, records };
    }),
  }));
  return { topics: out, bytes, hasError };
}

function encodePartition(p: PartitionData): WireEncoder {
  return newEncoder()
    .writeInt32(p.partition)
    .writeInt16(p.errorCode)
    .writeInt64(p.highWatermark)
    .writeInt64(p.highWatermark)
    .writeArray([])
    .writeBytes(p.records);
}

async function waitForAppend(context: BrokerContext, ms: number): Promise<void> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  timer.unref();
  try {
    await once(context.topics, 'append', { signal: controller.signal });
  } catch {
    // The wait timed out: the caller answers with what there is.
  } finally {
    clearTimeout(timer);
  }
}

/** ListOffsets v1-v2: -1 = the high watermark, -2 = the log start (0), else the first batch at or after a time. */
export const listOffsetsDefinition: ApiDefinition = {
  apiKey: 2,
  name: 'ListOffsets',
  minVersion: 1,
  maxVersion: 2,
  handle: (body, version, context) => {
    body.readInt32();
    if (version >= 2) body.readInt8();
    const topics = body.readArray((t) => ({
      topic: t.readString()!,
      partitions: t.readArray((p) => ({ partition: p.readInt32(), timestamp: p.readInt64() })),
    }));
    const responses = topics.map(({ topic, partitions }) =>
      newEncoder()
        .writeString(topic)
        .writeArray(
          partitions.map(({ partition, timestamp }) => {
            const log = context.topics.partition(topic, partition);
            const entry = newEncoder().writeInt32(partition);
            if (!log) return entry.writeInt16(ErrorCode.unknownTopicOrPartition).writeInt64(-1).writeInt64(-1);
            const offset = timestamp === -1n ? log.highWatermark : timestamp === -2n ? 0 : log.offsetForTimestamp(timestamp);
            return entry.writeInt16(ErrorCode.none).writeInt64(-1).writeInt64(offset);
          }),
        ),
    );
    const response = newEncoder();
    if (version >= 2) response.writeInt32(0);
    return response.writeArray(responses);
  },
};
