import { crc32c } from './kafka-codec';

/** The fixed header of a record batch (magic 2), read without decoding its records. */
export type RecordBatchHeader = {
  attributes: number;
  lastOffsetDelta: number;
  maxTimestamp: bigint;
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
  recordCount: number;
};

const headerSize = 61;
const transactionalFlag = 0x10;
const controlFlag = 0x20;

/** Splits a produce request's record set into batches; throws a message naming what is wrong. */
export function splitRecordBatches(recordSet: Buffer): Buffer[] {
  const batches: Buffer[] = [];
  let at = 0;
  while (at < recordSet.length) {
    if (recordSet.length - at < 12) throw new Error('truncated record batch');
    const length = recordSet.readInt32BE(at + 8);
    const end = at + 12 + length;
    if (length < headerSize - 12 || end > recordSet.length) throw new Error('truncated record batch');
    batches.push(recordSet.subarray(at, end));
    at = end;
  }
  if (batches.length === 0) throw new Error('empty record set');
  return batches;
}

/** Reads and checks a batch's header: magic 2, CRC-32C over attributes..end, record count agreeing with offsets. */
export function readRecordBatchHeader(batch: Buffer): RecordBatchHeader {
  const magic = batch.readInt8(16);
  if (magic !== 2) throw new Error(`record batch magic ${magic} is not supported (only 2)`);
  if (batch.readUInt32BE(17) !== crc32c(batch.subarray(21))) throw new Error('record batch CRC mismatch');
  const header: RecordBatchHeader = {
    attributes: batch.readInt16BE(21),
    lastOffsetDelta: batch.readInt32BE(23),
    maxTimestamp: batch.readBigInt64BE(35),
    producerId: batch.readBigInt64BE(43),
    producerEpoch: batch.readInt16BE(51),
    baseSequence: batch.readInt32BE(53),
    recordCount: batch.readInt32BE(57),
  };
  if (header.recordCount <= 0 || header.lastOffsetDelta !== header.recordCount - 1) {
    throw new Error(`record batch holds ${header.recordCount} records but its last offset delta is ${header.lastOffsetDelta}`);
  }
  if (header.attributes & (transactionalFlag | controlFlag)) throw new Error('transactional and control batches are not supported');
  return header;
}

/** The stored copy of a batch with its base offset set to where the log put it (the CRC does not cover it). */
export function withBaseOffset(batch: Buffer, baseOffset: number): Buffer {
  const copy = Buffer.from(batch);
  copy.writeBigInt64BE(BigInt(baseOffset), 0);
  return copy;
}
