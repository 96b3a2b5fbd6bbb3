import type { EventStore } from '../event-store.port';
import { idsOf, newEvent, newEvents, positionsOf, record, streamIn } from './contract-fixtures';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Subscription guarantees: catch-up then live, global order, one delivery at a time, clean stop. */
export function describeSubscriptionContract(store: () => EventStore): void {
  describe('subscribe', () => {
    it('delivers the stored events, then live ones, in global order', async () => {
      const [a, b] = [streamIn(), streamIn()];
      await store().append(a, newEvents(2), { expectedVersion: 'no_stream' });
      await store().append(b, newEvents(1), { expectedVersion: 'no_stream' });
      const recorder = record(store(), 0n);
      await recorder.until(3);

      await store().append(a, newEvents(1), { expectedVersion: 1 });
      await store().appendMany([{ streamId: b, events: newEvents(2), expectedVersion: 0 }]);
      await recorder.until(6);
      await recorder.subscription.stop();

      expect(recorder.received).toEqual(await store().readAll());
    });

    it('resumes after a checkpoint with only the later events', async () => {
      const streamId = streamIn();
      const { events } = await store().append(streamId, newEvents(4), { expectedVersion: 'no_stream' });
      const checkpoint = events[1].globalPosition;
      const recorder = record(store(), checkpoint);
      await recorder.until(2);

      const live = newEvent();
      await store().append(streamId, [live], { expectedVersion: 3 });
      await recorder.until(3);
      await recorder.subscription.stop();

      expect(positionsOf(recorder.received)).toEqual([events[2].globalPosition, events[3].globalPosition, expect.any(BigInt)]);
      expect(recorder.received[2].eventId).toBe(live.eventId);
    });

    it('awaits each delivery before the next, so handlers never overlap', async () => {
      let running = 0;
      let overlapped = false;
      await store().append(streamIn(), newEvents(3), { expectedVersion: 'no_stream' });
      const recorder = record(store(), 0n, async () => {
        running += 1;
        overlapped ||= running > 1;
        await nextTurn();
        await nextTurn();
        running -= 1;
      });

      await store().append(streamIn(), newEvents(3), { expectedVersion: 'no_stream' });
      await recorder.until(6);
      await recorder.subscription.stop();

      expect(overlapped).toBe(false);
      expect(positionsOf(recorder.received)).toEqual(positionsOf(await store().readAll()));
    });

    it('resolves stop only after the delivery in progress has finished, and delivers nothing after', async () => {
      let release!: () => void;
      const blocked = new Promise<void>((resolve) => (release = resolve));
      const streamId = streamIn();
      await store().append(streamId, [newEvent()], { expectedVersion: 'no_stream' });
      let entered!: () => void;
      const inHandler = new Promise<void>((resolve) => (entered = resolve));
      const recorder = record(store(), 0n, async () => {
        entered();
        await blocked;
      });
      await inHandler;

      let stopped = false;
      const stopping = recorder.subscription.stop().then(() => (stopped = true));
      await nextTurn();
      expect(stopped).toBe(false);
      release();
      await stopping;
      expect(recorder.received).toHaveLength(1);

      // A second subscriber proves the next event was published; the stopped one must not have seen it.
      await store().append(streamId, [newEvent()], { expectedVersion: 0 });
      const witness = record(store(), 0n);
      await witness.until(2);
      await witness.subscription.stop();
      expect(recorder.received).toHaveLength(1);
    });

    it('stops and reports through onError when a handler fails', async () => {
      const streamId = streamIn();
      const events = newEvents(3);
      await store().append(streamId, events, { expectedVersion: 'no_stream' });
      const failure = new Error('projection failed');
      const recorder = record(store(), 0n, (event) => {
        if (event.eventId === events[1].eventId) throw failure;
      });

      await expect(recorder.failure).resolves.toBe(failure);
      await store().append(streamId, [newEvent()], { expectedVersion: 2 });
      const witness = record(store(), 0n);
      await witness.until(4);
      await witness.subscription.stop();
      await recorder.subscription.stop();

      expect(idsOf(recorder.received)).toEqual([events[0].eventId]);
    });
  });
}
