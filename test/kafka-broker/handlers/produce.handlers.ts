import type { ApiDefinition, BrokerContext } from '../broker-context';
import { ErrorCode } from '../error-codes';
import { newEncoder, type WireEncoder } from '../kafka-codec';
import { readRecordBatchHeader, splitRecordBatches } from '../record-batch-header';

type PartitionResult = { partition: number; errorCode: number; baseOffset: bigint };

/**
 * Produce v3 (record batches): each partition's batches are checked (CRC, counts, idempotent sequences)
 * and appended in memory before the answer, so acks 1 and -1 mean the same here. acks 0 gets no answer.
 */
export const produceDefinition: ApiDefinition = {
  apiKey: 0,
  name: 'Produce',
  minVersion: 3,
  maxVersion: 3,
  handle: (body, _version, context) => {
    const transactionalId = body.readString();
    const acks = body.readInt16();
    body.readInt32();
    const topics = body.readArray((t) => ({
      topic: t.readString()!,
      partitions: t.readArray((p) => ({ partition: p.readInt32(), records: p.readBytes() })),
    }));
    const responses = topics.map(({ topic, partitions }) => {
      const results = partitions.map(({ partition, records }) =>
        transactionalId !== null
          ? { partition, errorCode: ErrorCode.invalidRequest, baseOffset: -1n }
          : appendPartition(context, topic, partition, records),
      );
      return newEncoder().writeString(topic).writeArray(results.map(encodePartitionResult));
    });
    context.topics.notifyAppend();
    if (acks === 0) return null;
    return newEncoder().writeArray(responses).writeInt32(0);
  },
};

function encodePartitionResult(r: PartitionResult): WireEncoder {
  return newEncoder().writeInt32(r.partition).writeInt16(r.errorCode).writeInt64(r.baseOffset).writeInt64(-1);
}

function appendPartition(context: BrokerContext, topic: string, partition: number, records: Buffer): PartitionResult {
  const log = context.topics.partition(topic, partition);
  if (!log) return { partition, errorCode: ErrorCode.unknownTopicOrPartition, baseOffset: -1n };
  let headers;
  let batches;
  try {
    batches = splitRecordBatches(records);
    headers = batches.map(readRecordBatchHeader);
  } catch {
    return { partition, errorCode: ErrorCode.corruptMessage, baseOffset: -1n };
  }
  let firstOffset: number | undefined;
  const partitionKey = `${topic}/${partition}`;
  for (const [index, header] of headers.entries()) {
    const idempotent = header.producerId >= 0n;
    if (idempotent) {
      const verdict = context.producers.check(partitionKey, header.producerId, header.producerEpoch, header.baseSequence, header.recordCount);
      if (verdict.kind === 'reject') return { partition, errorCode: verdict.errorCode, baseOffset: -1n };
      if (verdict.kind === 'duplicate') {
        firstOffset ??= verdict.baseOffset;
        continue;
      }
    }
    const baseOffset = log.append(batches[index], header.recordCount, header.maxTimestamp);
    if (idempotent) {
      context.producers.recordAppend(partitionKey, header.producerId, header.baseSequence, header.recordCount, baseOffset);
    }
    firstOffset ??= baseOffset;
  }
  return { partition, errorCode: ErrorCode.none, baseOffset: BigInt(firstOffset ?? -1) };
}

/** InitProducerId v0-v1 for idempotent producers; a transactional id is refused (no transactions here). */
export const initProducerIdDefinition: ApiDefinition = {
  apiKey: 22,
  name: 'InitProducerId',
  minVersion: 0,
  maxVersion: 1,
  handle: (body, _version, context) => {
    const transactionalId = body.readString();
    body.readInt32();
    if (transactionalId !== null) {
      return newEncoder().writeInt32(0).writeInt16(ErrorCode.invalidRequest).writeInt64(-1).writeInt16(-1);
    }
    const { producerId, producerEpoch } = context.producers.allocateProducerId();
    return newEncoder().writeInt32(0).writeInt16(ErrorCode.none).writeInt64(producerId).writeInt16(producerEpoch);
  },
};
