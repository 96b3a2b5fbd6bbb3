import { withBaseOffset } from './record-batch-header';

type StoredBatch = { baseOffset: number; nextOffset: number; maxTimestamp: bigint; bytes: Buffer };

/**
 * One partition's log, in memory: record batches as the producer sent them, re-based on append.
 * Offsets are JavaScript numbers (exact far beyond what a test writes). Nothing is ever removed.
 */
export class PartitionLog {
  private readonly batches: StoredBatch[] = [];
  private next = 0;

  get highWatermark(): number {
    return this.next;
  }

  /** Appends a batch of `recordCount` records; returns its base offset. */
  append(batch: Buffer, recordCount: number, maxTimestamp: bigint): number {
    const baseOffset = this.next;
    this.next += recordCount;
    this.batches.push({ baseOffset, nextOffset: this.next, maxTimestamp, bytes: withBaseOffset(batch, baseOffset) });
    return baseOffset;
  }

  /**
   * Whole batches from the one holding `offset`, up to `maxBytes` but always at least one batch (as a broker
   * does, so a consumer is never stuck behind a batch larger than its limit).
   */
  read(offset: number, maxBytes: number): Buffer {
    const chunks: Buffer[] = [];
    let size = 0;
    for (let i = this.indexHolding(offset); i < this.batches.length; i += 1) {
      const bytes = this.batches[i].bytes;
      if (chunks.length > 0 && size + bytes.length > maxBytes) break;
      chunks.push(bytes);
      size += bytes.length;
    }
    return Buffer.concat(chunks, size);
  }

  /** The first offset whose batch has a timestamp at or after `timestamp` (to batch resolution), or the end. */
  offsetForTimestamp(timestamp: bigint): number {
    const batch = this.batches.find((b) => b.maxTimestamp >= timestamp);
    return batch ? batch.baseOffset : this.next;
  }

  private indexHolding(offset: number): number {
    let low = 0;
    let high = this.batches.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.batches[mid].nextOffset <= offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
