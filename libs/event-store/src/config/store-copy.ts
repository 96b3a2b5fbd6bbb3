import { createHash } from 'node:crypto';
import type { EventImport } from '../event-import.port';
import type { EventStore, RecordedEvent } from '../event-store.port';
import { readAllPages } from '../read-all-pages';

export type CopyProgress = Readonly<{ copied: number; total: number }>;

export type CopyReport = Readonly<{
  /** Events in the source, and in the target once copied. */
  total: number;
  /** Events copied by this run (fewer than `total` when it resumed an interrupted copy). */
  copiedNow: number;
  /** Target head this run started after (0 for a fresh copy). */
  resumedAfter: bigint;
  /** SHA-256 over every event of the log, the same on both sides. */
  checksum: string;
}>;

/** The copy cannot go on, or its result does not match the source. */
export class StoreCopyError extends Error {
  override readonly name = 'StoreCopyError';
}

/**
 * Copies every event of `source` into `target` with its id, stream version, global position and recorded
 * time, in batches of one transaction each. It resumes after the target's head, so an interrupted copy is
 * simply run again: the target must hold only a prefix of the source. Then it checks counts and a checksum
 * over both logs and throws when they differ.
 */
export async function copyLog(
  source: EventStore,
  target: EventStore & EventImport,
  options: { batchSize?: number; onProgress?: (progress: CopyProgress) => void } = {},
): Promise<CopyReport> {
  const total = await source.count();
  const resumedAfter = await target.headPosition();
  await assertPrefix(source, target, resumedAfter);
  let copied = await target.count();
  options.onProgress?.({ copied, total });
  let copiedNow = 0;
  for await (const page of readAllPages(source, { after: resumedAfter, pageSize: options.batchSize ?? 1000 })) {
    await target.importEvents(page);
    copied += page.length;
    copiedNow += page.length;
    options.onProgress?.({ copied, total });
  }
  const [sourceSum, targetSum] = [await checksumOf(source), await checksumOf(target)];
  if (sourceSum.count !== targetSum.count || sourceSum.checksum !== targetSum.checksum) {
    throw new StoreCopyError(`copy does not match: source ${sourceSum.count} events (${sourceSum.checksum}), target ${targetSum.count} (${targetSum.checksum})`);
  }
  return { total: sourceSum.count, copiedNow, resumedAfter, checksum: sourceSum.checksum };
}

/** A target that already holds events must end with an event of the source, at the same position. */
async function assertPrefix(source: EventStore, target: EventStore, head: bigint): Promise<void> {
  if (head === 0n) return;
  const [last] = await target.readAll({ after: head - 1n, limit: 1 });
  const there = last && (await source.readEvent(last.eventId));
  if (!there || there.globalPosition !== last.globalPosition || there.streamId !== last.streamId || there.streamVersion !== last.streamVersion) {
    throw new StoreCopyError(`the target already holds events that are not a copy of the source (its last event, at position ${head}, is not in the source there)`);
  }
}

/**
 * Count and SHA-256 of a whole log, over one canonical line per event in global order: every field the copy
 * must keep (position, id, stream, version, type, schema version, data, metadata, recorded time).
 */
export async function checksumOf(store: EventStore): Promise<{ count: number; checksum: string }> {
  const hash = createHash('sha256');
  let count = 0;
  for await (const page of readAllPages(store, { pageSize: 5000 })) {
    for (const event of page) hash.update(`${canonicalLine(event)}\n`);
    count += page.length;
  }
  return { count, checksum: `sha256:${hash.digest('hex')}` };
}

const canonicalLine = (e: RecordedEvent): string =>
  JSON.stringify([e.globalPosition.toString(), e.eventId, e.streamId, e.streamVersion, e.type, e.version, e.data, e.metadata, e.recordedAt]);
