import { makeKurrentDbStore } from '../../../../test/kurrentdb-double/make-kurrentdb-store';
import { newEvent, streamIn } from '../contract/contract-fixtures';

const SIZE = 100_000;
const BATCH = 1000;

/**
 * The contract's large-stream guarantee at full size (100,000 events) on KurrentDB, in its own file with a
 * limit that allows for the client's per-event cost on a shared machine (see the contract spec beside it).
 */
describe('KurrentDbEventStore with a large stream', () => {
  it(
    `reads back a stream of ${SIZE} events complete and in order, and counts them`,
    async () => {
      const { store, cleanup } = await makeKurrentDbStore();
      try {
        const streamId = streamIn();
        for (let from = 0; from < SIZE; from += BATCH) {
          const events = Array.from({ length: BATCH }, (_, i) => newEvent({ data: { seq: from + i } }));
          await store.append(streamId, events, { expectedVersion: from - 1 });
        }

        const read = await store.readStream(streamId);

        expect(read).toHaveLength(SIZE);
        expect(read.every((e, i) => e.streamVersion === i && (e.data as { seq: number }).seq === i)).toBe(true);
        expect(await store.count()).toBe(SIZE);
        expect(await store.readAll({ after: read[SIZE - 2].globalPosition })).toEqual([read[SIZE - 1]]);
      } finally {
        await cleanup();
      }
    },
    600_000,
  );
});
