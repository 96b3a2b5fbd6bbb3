import { ErrorCode } from './error-codes';
import { ProducerSequences } from './producer-sequences';

describe('ProducerSequences (idempotent producer bookkeeping)', () => {
  const partition = 'topic/0';
  let sequences: ProducerSequences;
  let producerId: bigint;
  beforeEach(() => {
    sequences = new ProducerSequences();
    producerId = sequences.allocateProducerId().producerId;
  });

  const appended = (first: number, count: number, baseOffset: number) => {
    expect(sequences.check(partition, producerId, 0, first, count)).toEqual({ kind: 'append' });
    sequences.recordAppend(partition, producerId, first, count, baseOffset);
  };

  it('accepts a first batch at sequence 0 and each next batch right after the last', () => {
    appended(0, 10, 0);
    appended(10, 5, 10);
  });

  it('refuses a first batch that does not start at 0, and a gap after the last batch', () => {
    expect(sequences.check(partition, producerId, 0, 3, 1)).toEqual({ kind: 'reject', errorCode: ErrorCode.outOfOrderSequenceNumber });
    appended(0, 10, 0);
    expect(sequences.check(partition, producerId, 0, 11, 1)).toEqual({ kind: 'reject', errorCode: ErrorCode.outOfOrderSequenceNumber });
  });

  it('answers a resent batch among the last five with its first offset instead of storing it again', () => {
    appended(0, 10, 0);
    appended(10, 10, 10);
    expect(sequences.check(partition, producerId, 0, 0, 10)).toEqual({ kind: 'duplicate', baseOffset: 0 });
    expect(sequences.check(partition, producerId, 0, 10, 10)).toEqual({ kind: 'duplicate', baseOffset: 10 });
  });

  it('refuses an overlapping batch that matches none it remembers, and forgets batches older than five', () => {
    for (let i = 0; i < 6; i += 1) appended(i * 2, 2, i * 2);
    expect(sequences.check(partition, producerId, 0, 0, 2)).toEqual({ kind: 'reject', errorCode: ErrorCode.duplicateSequenceNumber });
    expect(sequences.check(partition, producerId, 0, 9, 2)).toEqual({ kind: 'reject', errorCode: ErrorCode.duplicateSequenceNumber });
    expect(sequences.check(partition, producerId, 0, 10, 2)).toEqual({ kind: 'duplicate', baseOffset: 10 });
  });

  it('refuses an unknown producer id and a stale epoch', () => {
    expect(sequences.check(partition, 999n, 0, 0, 1)).toEqual({ kind: 'reject', errorCode: ErrorCode.unknownProducerId });
    expect(sequences.check(partition, producerId, 1, 0, 1)).toEqual({ kind: 'reject', errorCode: ErrorCode.invalidProducerEpoch });
  });

  it('keeps sequences apart per partition and per producer', () => {
    appended(0, 3, 0);
    expect(sequences.check('topic/1', producerId, 0, 0, 3)).toEqual({ kind: 'append' });
    const other = sequences.allocateProducerId().producerId;
    expect(sequences.check(partition, other, 0, 0, 3)).toEqual({ kind: 'append' });
  });
});
