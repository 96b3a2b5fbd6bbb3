import { Client } from 'pg';
import { idsOf, newEvent, newEvents, record, streamIn } from '../contract/contract-fixtures';
import { describeEventStoreContract } from '../contract/event-store.contract';
import type { RecordedEvent } from '../event-store.port';
import { PostgresEventStore } from './postgres-event-store';
import { SCHEMA_VERSION } from './postgres-schema';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from './postgres-test-schemas';

describeEventStoreContract('PostgresEventStore', async (options) => {
  const schema = freshSchemaName();
  const store = await PostgresEventStore.open({ url: TEST_DATABASE_URL, schema, ...options });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await dropSchema(schema);
    },
  };
});

describe('PostgresEventStore on a shared database', () => {
  let schema: string;
  const opened: PostgresEventStore[] = [];
  const open = async (options: { pollIntervalMs?: number; poolSize?: number } = {}): Promise<PostgresEventStore> => {
    const store = await PostgresEventStore.open({ url: TEST_DATABASE_URL, schema, ...options });
    opened.push(store);
    return store;
  };
  const sql = async <T>(text: string): Promise<T[]> => {
    const client = new Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
    await client.connect();
    try {
      return (await client.query(text)).rows as T[];
    } finally {
      await client.end();
    }
  };

  beforeEach(() => {
    schema = freshSchemaName();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await dropSchema(schema);
  });

  it('applies each migration once, even when several processes open the schema together', async () => {
    await Promise.all([open(), open(), open()]);

    const rows = await sql<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it('refuses to update, delete or truncate a stored event, even through plain SQL', async () => {
    const store = await open();
    await store.append(streamIn(), [newEvent()], { expectedVersion: 'no_stream' });

    await expect(sql("UPDATE events SET type = 'X'")).rejects.toThrow(/immutable/);
    await expect(sql('DELETE FROM events')).rejects.toThrow(/immutable/);
    await expect(sql('TRUNCATE events CASCADE')).rejects.toThrow(/immutable/);
    expect(await store.count()).toBe(1);
  });

  it('never lets a reader skip an event, with writers on several connections committing concurrently', async () => {
    const writers = await Promise.all([open(), open(), open()]);
    const reader = await open();
    const streams = Array.from({ length: 12 }, () => streamIn());
    const appendsPerWriter = 150;
    let writing = true;

    const write = async (store: PostgresEventStore, lane: number): Promise<void> => {
      for (let i = 0; i < appendsPerWriter; i += 1) {
        const streamId = streams[(lane * 7 + i) % streams.length];
        await store.append(streamId, newEvents(1 + (i % 3)), { expectedVersion: 'any' });
      }
    };
    // Four appends in flight per store, so commits from 12 connections interleave.
    const writing$ = Promise.all(writers.flatMap((store, w) => [0, 1, 2, 3].map((lane) => write(store, w * 4 + lane)))).finally(() => (writing = false));

    // The reader pages after its own last position, as a subscriber does, as fast as it can while writers run.
    const seen: RecordedEvent[] = [];
    let after = 0n;
    for (let rounds = 0; rounds < 100_000; rounds += 1) {
      const stillWriting = writing;
      const page = await reader.readAll({ after, limit: 25 });
      seen.push(...page);
      if (page.length > 0) after = page[page.length - 1].globalPosition;
      if (!stillWriting && page.length === 0) break;
    }
    await writing$;

    const all: RecordedEvent[] = [];
    for (let page = await reader.readAll({ limit: 5000 }); page.length > 0; page = await reader.readAll({ after: page[page.length - 1].globalPosition, limit: 5000 })) {
      all.push(...page);
    }
    expect(all).toHaveLength(await reader.count());
    expect(idsOf(seen)).toEqual(idsOf(all));
    // Dense positions from 1: nothing was handed out and then rolled back, nothing committed out of order.
    expect(all.map((e) => Number(e.globalPosition))).toEqual(all.map((_, i) => i + 1));
  }, 60_000);

  it('wakes a subscription in another process by NOTIFY, without waiting for its poll', async () => {
    const writer = await open();
    const watcher = await open({ pollIntervalMs: 600_000 });
    const recorder = record(watcher, 0n);
    await new Promise((resolve) => setTimeout(resolve, 200)); // lets LISTEN start: the NOTIFY under test must come after it

    const streamId = streamIn();
    await writer.append(streamId, newEvents(2), { expectedVersion: 'no_stream' });
    await recorder.until(2);
    await recorder.subscription.stop();

    expect(recorder.received.map((e) => e.streamId)).toEqual([streamId, streamId]);
  });

  it('writes one event alone (the single-event path) as the general loop writes it: stream row, outbox row, NOTIFY', async () => {
    const writer = await open();
    const watcher = await open({ pollIntervalMs: 600_000 });
    const recorder = record(watcher, 0n);
    await new Promise((resolve) => setTimeout(resolve, 200)); // lets LISTEN start: the NOTIFY under test must come after it
    const alone = streamIn('post');
    const together = streamIn('post');

    await writer.append(alone, [newEvent()], { expectedVersion: 'no_stream' });
    await writer.appendMany([
      { streamId: together, events: [newEvent()], expectedVersion: 'no_stream' },
      { streamId: streamIn(), events: [], expectedVersion: 'any' },
    ]);
    const second = await writer.append(alone, [newEvent()], { expectedVersion: 0 });
    await recorder.until(3);
    await recorder.subscription.stop();

    expect(second).toMatchObject({ nextExpectedVersion: 1, alreadyStored: false, events: [{ globalPosition: 3n, streamVersion: 1 }] });
    expect(await sql('SELECT stream_id, category, version, created_position::integer AS created FROM streams ORDER BY created_position')).toEqual([
      { stream_id: alone, category: 'post', version: 1, created: 1 },
      { stream_id: together, category: 'post', version: 0, created: 2 },
    ]);
    expect(await sql('SELECT global_position::integer AS position FROM outbox ORDER BY 1')).toEqual([{ position: 1 }, { position: 2 }, { position: 3 }]);
    await expect(writer.append(alone, [newEvent()], { expectedVersion: 0 })).rejects.toMatchObject({ name: 'ConcurrencyError', streamId: alone, expected: 0, actual: 1 });
    expect(await writer.count()).toBe(3);
  });

  it('keeps recorded time from running backwards and finds the position recorded by an instant', async () => {
    const store = await open();
    const first = await store.append(streamIn(), [newEvent()], { expectedVersion: 'no_stream' });
    const [stored] = await store.readAll();
    await store.append(streamIn(), [newEvent()], { expectedVersion: 'no_stream' });
    const [, second] = await store.readAll();

    expect(second.recordedAt >= stored.recordedAt).toBe(true);
    expect(await store.positionRecordedBy('2000-01-01T00:00:00.000Z')).toBe(0n);
    expect(await store.positionRecordedBy(stored.recordedAt)).toBeGreaterThanOrEqual(first.events[0].globalPosition);
    expect(await store.positionRecordedBy('2999-01-01T00:00:00.000Z')).toBe(2n);
  });

  it('imports events keeping ids, positions, versions and both times, and refuses one that does not follow', async () => {
    const store = await open();
    const streamId = streamIn();
    const base = { type: 'UnitRenamed', version: 1, data: { name: 'Ünit 🏥' }, metadata: { actor: 'a', correlationId: 'c' }, streamId };
    const events: RecordedEvent[] = [
      { ...base, eventId: newEvent().eventId, streamVersion: 0, globalPosition: 5n, recordedAt: '2020-01-02T03:04:05.678Z' },
      { ...base, eventId: newEvent().eventId, streamVersion: 1, globalPosition: 9n, recordedAt: '2021-01-02T03:04:05.000Z' },
    ];

    await store.importEvents(events);

    expect(await store.readAll()).toEqual(events);
    expect(await store.headPosition()).toBe(9n);
    expect(await Promise.all(['2019-12-31T00:00:00.000Z', '2020-01-02T03:04:05.678Z', '2020-06-01T00:00:00.000Z', '2022-01-01T00:00:00.000Z'].map((t) => store.positionRecordedBy(t)))).toEqual([0n, 5n, 5n, 9n]);
    await expect(store.importEvents([{ ...events[1], eventId: newEvent().eventId, globalPosition: 8n, streamVersion: 2 }])).rejects.toThrow(/does not come after/);
    await expect(store.importEvents([{ ...events[1], eventId: newEvent().eventId, globalPosition: 10n, streamVersion: 5 }])).rejects.toThrow(/version 5/);
    const appended = await store.append(streamId, [newEvent()], { expectedVersion: 1 });
    expect(appended.events[0]).toMatchObject({ globalPosition: 10n, streamVersion: 2 });
  });
});
