import { ErrorCode } from './error-codes';

type BatchSeen = { firstSequence: number; lastSequence: number; baseOffset: number };
type PartitionProducerState = { recent: BatchSeen[] };

/** How many recent batches per producer and partition a broker remembers to answer duplicates (Kafka keeps 5). */
const rememberedBatches = 5;

export type SequenceCheck =
  | { kind: 'append' }
  | { kind: 'duplicate'; baseOffset: number }
  | { kind: 'reject'; errorCode: number };

/**
 * Idempotent-producer bookkeeping as a broker keeps it: per producer id and partition, the epoch and the
 * sequences of the last few batches. A resent batch that matches one of them is acknowledged again with
 * its first offset and not appended; any other overlap or a gap is refused.
 */
export class ProducerSequences {
  private nextProducerId = 1000n;
  private readonly epochs = new Map<bigint, number>();
  private readonly partitions = new Map<string, PartitionProducerState>();

  allocateProducerId(): { producerId: bigint; producerEpoch: number } {
    const producerId = this.nextProducerId;
    this.nextProducerId += 1n;
    this.epochs.set(producerId, 0);
    return { producerId, producerEpoch: 0 };
  }

  check(partitionKey: string, producerId: bigint, epoch: number, firstSequence: number, recordCount: number): SequenceCheck {
    const knownEpoch = this.epochs.get(producerId);
    if (knownEpoch === undefined) return { kind: 'reject', errorCode: ErrorCode.unknownProducerId };
    if (epoch !== knownEpoch) return { kind: 'reject', errorCode: ErrorCode.invalidProducerEpoch };
    const state = this.partitions.get(this.key(partitionKey, producerId));
    const lastSequence = firstSequence + recordCount - 1;
    if (!state || state.recent.length === 0) {
      return firstSequence === 0 ? { kind: 'append' } : { kind: 'reject', errorCode: ErrorCode.outOfOrderSequenceNumber };
    }
    const same = state.recent.find((b) => b.firstSequence === firstSequence && b.lastSequence === lastSequence);
    if (same) return { kind: 'duplicate', baseOffset: same.baseOffset };
    const expected = state.recent[state.recent.length - 1].lastSequence + 1;
    if (firstSequence === expected) return { kind: 'append' };
    if (firstSequence < expected) return { kind: 'reject', errorCode: ErrorCode.duplicateSequenceNumber };
    return { kind: 'reject', errorCode: ErrorCode.outOfOrderSequenceNumber };
  }

  recordAppend(partitionKey: string, producerId: bigint, firstSequence: number, recordCount: number, baseOffset: number): void {
    const key = this.key(partitionKey, producerId);
    const state = this.partitions.get(key) ?? { recent: [] };
    state.recent.push({ firstSequence, lastSequence: firstSequence + recordCount - 1, baseOffset });
    if (state.recent.length > rememberedBatches) state.recent.shift();
    this.partitions.set(key, state);
  }

  private key(partitionKey: string, producerId: bigint): string {
    return `${producerId}/${partitionKey}`;
  }
}
