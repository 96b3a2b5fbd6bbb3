import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEvent, newEvents, record, streamIn } from '../contract/contract-fixtures';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

const makeTempDir = (): string => mkdtempSync(join(tmpdir(), 'orgchange-event-store-'));

describeEventStoreContract('SqliteEventStore', async (options) => {
  const dir = makeTempDir();
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), ...options });
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteEventStore on disk', () => {
  let dir: string;
  let file: string;
  const opened: SqliteEventStore[] = [];
  const open = (options: { now?: () => Date } = {}): SqliteEventStore => {
    const store = new SqliteEventStore({ file, ...options });
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    dir = makeTempDir();
    file = join(dir, 'nested', 'deeper', 'events.sqlite');
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates missing directories and opens the file in WAL mode with synchronous=FULL', () => {
    const { database } = open();

    expect(database.pragma('journal_mode', { simple: true })).toBe('wal');
    // 2 is FULL in SQLite's numbering (0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA).
    expect(database.pragma('synchronous', { simple: true })).toBe(2);
    expect(database.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('refuses to update or delete a stored event, even through the raw connection', async () => {
    const store = open();
    await store.append(streamIn(), [newEvent()], { expectedVersion: 'no_stream' });

    expect(() => store.database.exec("UPDATE events SET data = '{}'")).toThrow(/immutable/);
    expect(() => store.database.exec('DELETE FROM events')).toThrow(/never deleted/);
    expect(await store.count()).toBe(1);
  });

  it('stamps every event of one transaction with the same recordedAt from the clock', async () => {
    const store = open({ now: () => new Date('2025-01-31T09:30:00.000Z') });
    const streamId = streamIn();
    await store.append(streamId, newEvents(3), { expectedVersion: 'no_stream' });

    const read = await store.readStream(streamId);

    expect(read.map((e) => e.recordedAt)).toEqual(Array(3).fill('2025-01-31T09:30:00.000Z'));
  });

  it('commits appends issued together in one transaction, each still all-or-nothing', async () => {
    let clockReads = 0;
    const store = open({ now: () => new Date(Date.UTC(2025, 0, 1, 0, 0, clockReads++)) });
    const [a, b] = [streamIn(), streamIn()];

    const outcomes = await Promise.allSettled([
      store.append(a, newEvents(2), { expectedVersion: 'no_stream' }),
      store.append(b, newEvents(2), { expectedVersion: 7 }),
      store.append(b, newEvents(1), { expectedVersion: 'no_stream' }),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(clockReads).toBe(1);
    expect(new Set((await store.readAll()).map((e) => e.recordedAt)).size).toBe(1);
    expect(await store.count()).toBe(3);
  });

  it('keeps everything across close and reopen, and reopening does not migrate twice', async () => {
    const streamId = streamIn();
    const first = open();
    await first.append(streamId, newEvents(2), { expectedVersion: 'no_stream' });
    const before = await first.readAll();
    await first.close();

    const reopened = open();

    expect(await reopened.readAll()).toEqual(before);
    expect(await reopened.listStreams('unit')).toEqual([streamId]);
    expect(reopened.database.pragma('user_version', { simple: true })).toBe(2);
    await expect(reopened.append(streamId, [newEvent()], { expectedVersion: 1 })).resolves.toMatchObject({ nextExpectedVersion: 2 });
  });

  it('lets a subscriber on one connection see appends made through another, by polling', async () => {
    const reader = open();
    const writer = open();
    const recorder = record(reader, 0n);

    await writer.append(streamIn(), newEvents(2), { expectedVersion: 'no_stream' });
    await recorder.until(2);
    await recorder.subscription.stop();

    expect(recorder.received).toEqual(await writer.readAll());
  });

  it('serialises writers on different connections: a stale expected version loses', async () => {
    const [a, b] = [open(), open()];
    const streamId = streamIn();
    await a.append(streamId, [newEvent()], { expectedVersion: 'no_stream' });
    await b.append(streamId, [newEvent()], { expectedVersion: 0 });

    await expect(a.append(streamId, [newEvent()], { expectedVersion: 0 })).rejects.toMatchObject({ code: 'StreamVersionConflict', actual: 1 });
  });

  it('stops its subscriptions when closed', async () => {
    const store = open();
    const recorder = record(store, 0n);

    await store.close();

    await expect(recorder.subscription.stop()).resolves.toBeUndefined();
    expect(store.database.open).toBe(false);
  });
});

describe('SqliteEventStore recorded time', () => {
  let dir: string;
  const opened: SqliteEventStore[] = [];
  /** A store on `file` whose clock reads `instants` in turn (one read per transaction), then stays on the last. */
  const openOn = (file: string, instants: string[]): SqliteEventStore => {
    let reads = 0;
    const store = new SqliteEventStore({ file, now: () => new Date(instants[Math.min(reads++, instants.length - 1)]) });
    opened.push(store);
    return store;
  };
  const open = (...instants: string[]): SqliteEventStore => openOn(join(dir, 'events.sqlite'), instants);
  const recordedTimes = async (store: SqliteEventStore) => (await store.readAll()).map((e) => e.recordedAt);

  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('never records an event earlier than the one before it when the clock goes back', async () => {
    const store = open('2025-01-01T10:00:00.000Z', '2025-01-01T09:00:00.000Z', '2025-01-01T10:00:05.000Z');
    for (let i = 0; i < 3; i += 1) await store.append(streamIn(), [newEvent()], { expectedVersion: 'no_stream' });

    expect(await recordedTimes(store)).toEqual(['2025-01-01T10:00:00.000Z', '2025-01-01T10:00:00.000Z', '2025-01-01T10:00:05.000Z']);
    expect(store.positionRecordedBy('2025-01-01T10:00:00.000Z')).toBe(2n);
  });

  it('never records an event earlier than the last one written through another connection with a faster clock', async () => {
    const [ahead, behind] = [open('2025-06-01T12:00:00.000Z'), open('2025-06-01T11:59:00.000Z')];
    await ahead.append(streamIn(), [newEvent()], { expectedVersion: 'no_stream' });
    await behind.append(streamIn(), newEvents(2), { expectedVersion: 'no_stream' });

    expect(await recordedTimes(behind)).toEqual(Array(3).fill('2025-06-01T12:00:00.000Z'));
  });

  it('finds the position recorded by an instant: before the first event, between, on a recordedAt and after the last', async () => {
    const [t1, t2, t3] = ['2025-03-01T08:00:00.000Z', '2025-03-01T08:00:01.000Z', '2025-03-02T00:00:00.000Z'];
    const store = open(t1, t2, t3);
    expect(store.positionRecordedBy(t1)).toBe(0n);
    await store.append(streamIn(), newEvents(2), { expectedVersion: 'no_stream' }); // positions 1, 2 at t1
    await store.append(streamIn(), [newEvent()], { expectedVersion: 'no_stream' }); // 3 at t2
    await store.append(streamIn(), newEvents(2), { expectedVersion: 'no_stream' }); // 4, 5 at t3

    const lookups = ['2025-03-01T07:59:59.999Z', t1, '2025-03-01T08:00:00.500Z', t2, '2025-03-01T12:00:00.000Z', t3, '2025-03-02T00:00:00.001Z', '2099-01-01T00:00:00.000Z'];
    expect(lookups.map((instant) => store.positionRecordedBy(instant))).toEqual([0n, 2n, 2n, 3n, 3n, 5n, 5n, 5n]);
  });

  it('agrees with a scan of the log for any clock, forwards or backwards', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ step: fc.integer({ min: -3000, max: 3000 }), events: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 12 }), async (appends) => {
        const start = Date.UTC(2025, 0, 1);
        const instants = appends.reduce<number[]>((at, { step }) => [...at, (at.at(-1) ?? start) + step], []).map((ms) => new Date(ms).toISOString());
        const store = openOn(join(mkdtempSync(join(dir, 'run-')), 'events.sqlite'), instants);
        for (const { events } of appends) await store.append(streamIn(), newEvents(events), { expectedVersion: 'no_stream' });
        const recorded = await recordedTimes(store);
        const probes = recorded.flatMap((at) => [at, new Date(Date.parse(at) - 1).toISOString(), new Date(Date.parse(at) + 1).toISOString()]);

        expect([...recorded].sort()).toEqual(recorded);
        for (const instant of probes) expect(store.positionRecordedBy(instant)).toBe(BigInt(recorded.filter((at) => at <= instant).length));
      }),
      { numRuns: 30 },
    );
  });
});
