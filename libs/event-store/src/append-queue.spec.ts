import { AppendQueue } from './append-queue';
import type { AppendRequest, NewEvent } from './event-store.port';

const event = (id: string): NewEvent => ({ type: 'Noted', version: 1, data: {}, eventId: id, metadata: { actor: 'test', correlationId: 'c' } });

function recordingStore() {
  const calls: AppendRequest[][] = [];
  return { calls, appendMany: async (requests: readonly AppendRequest[]) => (calls.push([...requests]), []) };
}

describe('AppendQueue', () => {
  it('joins a run of events on one stream into one request at the version of its first event', async () => {
    const queue = new AppendQueue();
    queue.enqueue('a', -1, [event('1')]);
    queue.enqueue('a', 0, [event('2'), event('3')]);
    queue.enqueue('b', 4, [event('4')]);
    queue.enqueue('a', 2, [event('5')]);
    const store = recordingStore();

    expect(await queue.flush(store)).toBe(5);

    expect(store.calls).toHaveLength(1);
    expect(store.calls[0].map((r) => [r.streamId, r.expectedVersion, r.events.map((e) => e.eventId)])).toEqual([
      ['a', 'no_stream', ['1', '2', '3']],
      ['b', 4, ['4']],
      ['a', 2, ['5']],
    ]);
  });

  it('ignores an empty list and appends nothing when nothing is queued', async () => {
    const queue = new AppendQueue();
    queue.enqueue('a', 3, []);
    const store = recordingStore();

    expect(await queue.flush(store)).toBe(0);
    expect(store.calls).toHaveLength(0);
    expect(queue.pending).toBe(0);
  });

  it('is empty after a flush', async () => {
    const queue = new AppendQueue();
    queue.enqueue('a', -1, [event('1')]);
    await queue.flush(recordingStore());
    const store = recordingStore();

    expect(queue.pending).toBe(0);
    expect(await queue.flush(store)).toBe(0);
  });
});
