import type { EventStore, RecordedEvent } from '../event-store.port';
import { chainUpcasters } from '../upcasting';
import { idsOf, type MakeEventStore, newEvent, newEvents, positionsOf, record, streamIn } from './contract-fixtures';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Reading guarantees of the contract: what goes in comes back, in stream and global order, upcast. */
export function describeReadContract(store: () => EventStore, makeStore: MakeEventStore, largeStreamSize: number): void {
  describe('reading', () => {
    it('reads a stream back in revision order, numbered from 0', async () => {
      const streamId = streamIn();
      const events = newEvents(3);
      await store().append(streamId, events.slice(0, 2), { expectedVersion: 'no_stream' });
      await store().append(streamId, events.slice(2), { expectedVersion: 1 });

      const read = await store().readStream(streamId);

      expect(idsOf(read)).toEqual(idsOf(events));
      expect(read.map((e) => e.streamVersion)).toEqual([0, 1, 2]);
    });

    it('gives back type, version, data with its valid time, metadata and a recorded instant', async () => {
      const streamId = streamIn();
      const event = newEvent({
        type: 'UnitMerged',
        version: 2,
        data: { unitIds: ['a', 'b'], successorId: 'c', effectiveFrom: '2025-04-01', reason: 'merger', nested: { n: 1.5, ok: true, none: null } },
        metadata: { actor: 'user-7', correlationId: 'corr-1', causationId: 'cause-1', programmeId: 'prog-1' },
      });
      const [appended] = (await store().append(streamId, [event], { expectedVersion: 'no_stream' })).events;

      const [read] = await store().readStream(streamId);

      expect(read).toMatchObject({ ...event, streamId, streamVersion: 0, globalPosition: appended.globalPosition });
      expect(read.recordedAt).toMatch(ISO_INSTANT);
      expect(new Date(read.recordedAt).toISOString()).toBe(read.recordedAt);
    });

    it('reads a missing stream as empty at version -1', async () => {
      expect(await store().readStream(streamIn())).toEqual([]);
      expect(await store().streamVersion(streamIn())).toBe(-1);
    });

    it('numbers events across streams with strictly increasing global positions from 1', async () => {
      const [a, b] = [streamIn(), streamIn()];
      const appended = [
        ...(await store().append(a, newEvents(2), { expectedVersion: 'no_stream' })).events,
        ...(await store().append(b, newEvents(1), { expectedVersion: 'no_stream' })).events,
        ...(await store().append(a, newEvents(1), { expectedVersion: 1 })).events,
      ];

      const positions = positionsOf(appended);
      expect(positions[0]).toBeGreaterThanOrEqual(1n);
      positions.slice(1).forEach((p, i) => expect(p).toBeGreaterThan(positions[i]));
      expect(positionsOf(await store().readAll())).toEqual(positions);
    });

    it('pages through the whole log with after and limit, in global order', async () => {
      const streams = [streamIn(), streamIn('post'), streamIn()];
      for (let round = 0; round < 5; round += 1) {
        for (const streamId of streams) await store().append(streamId, newEvents(2), { expectedVersion: 'any' });
      }
      const all = await store().readAll();

      const paged: RecordedEvent[] = [];
      for (let page = await store().readAll({ limit: 7 }); page.length > 0; ) {
        expect(page.length).toBeLessThanOrEqual(7);
        paged.push(...page);
        page = await store().readAll({ after: page[page.length - 1].globalPosition, limit: 7 });
      }

      expect(all).toHaveLength(30);
      expect(paged).toEqual(all);
      expect(await store().readAll({ after: all[29].globalPosition })).toEqual([]);
    });

    it('finds an event by id wherever it is stored', async () => {
      const events = newEvents(2);
      await store().append(streamIn(), [events[0]], { expectedVersion: 'no_stream' });
      const streamId = streamIn('post');
      await store().append(streamId, [events[1]], { expectedVersion: 'no_stream' });

      expect(await store().readEvent(events[1].eventId)).toMatchObject({ eventId: events[1].eventId, streamId, streamVersion: 0 });
      expect(await store().readEvent(newEvent().eventId)).toBeUndefined();
    });

    it("lists a category's streams in order of creation", async () => {
      const [unit1, unit2, post] = [streamIn('unit'), streamIn('unit'), streamIn('post')];
      await store().append(unit2, [newEvent()], { expectedVersion: 'no_stream' });
      await store().append(post, [newEvent()], { expectedVersion: 'no_stream' });
      await store().append(unit1, [newEvent()], { expectedVersion: 'no_stream' });
      await store().append(unit2, [newEvent()], { expectedVersion: 0 });

      expect(await store().listStreams('unit')).toEqual([unit2, unit1]);
      expect(await store().listStreams('post')).toEqual([post]);
      expect(await store().listStreams('appointment')).toEqual([]);
    });

    it('keeps unicode text exactly: emoji, right-to-left, combining marks, astral characters', async () => {
      const streamId = streamIn();
      const text = {
        emoji: '👩🏽‍⚕️ 🏥 🇬🇧',
        rtl: 'وحدة العناية المركزة — יחידה',
        combining: 'Cafe\u0301 Zoë Ångström',
        astral: '𝔘𝔫𝔦𝔱 𠜎',
        escapes: 'quote " backslash \\ newline \n tab \t',
      };
      await store().append(streamId, [newEvent({ data: text, metadata: { actor: 'Siân 🧑‍💼', correlationId: 'ü' } })], {
        expectedVersion: 'no_stream',
      });

      const [read] = await store().readStream(streamId);

      expect(read.data).toEqual(text);
      expect(read.metadata).toEqual({ actor: 'Siân 🧑‍💼', correlationId: 'ü' });
    });

    it(
      `reads back a stream of ${largeStreamSize} events complete and in order`,
      async () => {
        const streamId = streamIn();
        const batch = 1000;
        for (let from = 0; from < largeStreamSize; from += batch) {
          const events = Array.from({ length: Math.min(batch, largeStreamSize - from) }, (_, i) => newEvent({ data: { seq: from + i } }));
          await store().append(streamId, events, { expectedVersion: from - 1 });
        }

        const read = await store().readStream(streamId);

        expect(read).toHaveLength(largeStreamSize);
        expect(read.every((e, i) => e.streamVersion === i && (e.data as { seq: number }).seq === i)).toBe(true);
        expect(await store().count()).toBe(largeStreamSize);
        expect(await store().readAll()).toHaveLength(Math.min(1000, largeStreamSize));
      },
      120_000,
    );

    it('upcasts old schema versions on every read path', async () => {
      const upcast = chainUpcasters({
        'UnitRenamed@1': (data) => ({ version: 2, data: { ...(data as object), reason: 'not recorded' } }),
      });
      const { store: upcasting, cleanup } = await makeStore({ upcast });
      try {
        const streamId = streamIn();
        const event = newEvent({ type: 'UnitRenamed', version: 1, data: { name: 'Cardiology' } });
        await upcasting.append(streamId, [event], { expectedVersion: 'no_stream' });
        const recorder = record(upcasting, 0n);
        await recorder.until(1);
        await recorder.subscription.stop();

        const reads = [
          ...(await upcasting.readStream(streamId)),
          ...(await upcasting.readAll()),
          (await upcasting.readEvent(event.eventId))!,
          ...recorder.received,
        ];

        for (const read of reads) {
          expect(read).toMatchObject({ type: 'UnitRenamed', version: 2, data: { name: 'Cardiology', reason: 'not recorded' } });
        }
      } finally {
        await cleanup();
      }
    });
  });
}
