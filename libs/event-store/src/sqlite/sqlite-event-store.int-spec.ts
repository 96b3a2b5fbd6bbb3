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
    expect(reopened.database.pragma('user_version', { simple: true })).toBe(1);
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
