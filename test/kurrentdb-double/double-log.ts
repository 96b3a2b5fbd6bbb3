/**
 * The TEST DOUBLE's storage: one in-memory transaction log shared by every stream, standing in for a
 * KurrentDB node's log and index. Positions imitate KurrentDB's byte offsets in the log (they grow by each
 * record's size, so they are neither 1, 2, 3 nor consecutive). By default each event's commit position
 * equals its prepare position, which is what the adapter assumes of KurrentDB; `'per-transaction'` gives every
 * event of one append its transaction's commit position instead, to check that the adapter refuses such a log
 * loudly rather than skipping events.
 */
export type CommitPositions = 'per-event' | 'per-transaction';


/** One proposed event of an append, as the wire gave it. */
export type ProposedRecord = Readonly<{
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  /** The event's custom metadata (KurrentDB keeps v2 append properties here as a JSON object). */
  customMetadata: Uint8Array;
}>;

export type LoggedEvent = ProposedRecord &
  Readonly<{
    streamName: string;
    revision: bigint;
    /** Commit position: where the event's transaction is in the log. */
    position: bigint;
    /** Prepare position: where the event itself is in the log. */
    prepare: bigint;
    /** 100 ns ticks since the Unix epoch, as KurrentDB's gRPC `created` metadata carries them. */
    createdTicks: bigint;
  }>;

/** Expected revision of one stream in an append: a revision, or -1 no stream, -2 any, -4 stream exists (v2 codes). */
export type ExpectedRevision = bigint;

export type StreamAppend = Readonly<{ streamName: string; expected: ExpectedRevision; records: readonly ProposedRecord[] }>;

export class RevisionConflict extends Error {
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    readonly actual: bigint,
  ) {
    super(`stream ${streamName} is at revision ${actual}, expected ${expected}`);
  }
}

/** The first offset, so no test can pass by assuming that positions start at 0 or 1. */
const FIRST_POSITION = 4096n;
/** Fixed bytes per record besides its payload, roughly a KurrentDB prepare record's header. */
const RECORD_OVERHEAD = 97n;

export class DoubleLog {
  private readonly all: LoggedEvent[] = [];
  private readonly streams = new Map<string, LoggedEvent[]>();
  private readonly listeners = new Set<() => void>();
  private nextPosition = FIRST_POSITION;

  constructor(private readonly commitPositions: CommitPositions = 'per-event') {}

  /** Every event in log order. */
  get events(): readonly LoggedEvent[] {
    return this.all;
  }

  stream(streamName: string): readonly LoggedEvent[] | undefined {
    return this.streams.get(streamName);
  }

  /** Revision of the stream's last event, -1 when it has none. */
  revisionOf(streamName: string): bigint {
    return BigInt((this.streams.get(streamName)?.length ?? 0) - 1);
  }

  /**
   * Appends to several streams as one transaction: every expected revision is checked before anything is
   * written, so a conflict on any stream writes nothing (the atomicity KurrentDB 25.1 gives multi-stream appends).
   * @throws RevisionConflict for the first stream not in its expected state.
   */
  appendAtomically(appends: readonly StreamAppend[]): { revisions: bigint[]; lastPosition: bigint } {
    for (const { streamName, expected } of appends) {
      const actual = this.revisionOf(streamName);
      const ok = expected === -2n || (expected === -1n && actual === -1n) || (expected === -4n && actual >= 0n) || expected === actual;
      if (!ok) throw new RevisionConflict(streamName, expected, actual);
    }
    const createdTicks = BigInt(Date.now()) * 10_000n;
    const transactionPosition = this.nextPosition;
    const revisions = appends.map(({ streamName, records }) => {
      const stream = this.streams.get(streamName) ?? [];
      this.streams.set(streamName, stream);
      for (const record of records) {
        const position = this.commitPositions === 'per-event' ? this.nextPosition : transactionPosition;
        const event: LoggedEvent = { ...record, streamName, revision: BigInt(stream.length), position, prepare: this.nextPosition, createdTicks };
        this.nextPosition += RECORD_OVERHEAD + BigInt(record.data.length + record.customMetadata.length + streamName.length);
        stream.push(event);
        this.all.push(event);
      }
      return BigInt(stream.length - 1);
    });
    for (const listener of this.listeners) listener();
    return { revisions, lastPosition: this.all.length > 0 ? this.all[this.all.length - 1].position : 0n };
  }

  /** Index of the first event at or after `position` in log order (binary search: positions only grow). */
  indexAtOrAfter(position: bigint): number {
    let low = 0;
    let high = this.all.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.all[middle].position < position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Calls `listener` after every append until the returned function is called. */
  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
