import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEvents, streamIn } from '../contract/contract-fixtures';
import { describeOutboxContract } from '../contract/outbox.contract';
import { SqliteEventStore } from './sqlite-event-store';

describeOutboxContract('SqliteEventStore', async (options) => {
  const dir = mkdtempSync(join(tmpdir(), 'orgchange-outbox-'));
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), ...options });
  return {
    store,
    outbox: store.outbox,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteEventStore outbox on disk', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'orgchange-outbox-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is drained by a second connection to the same file (the relay process) while the first appends', async () => {
    const file = join(dir, 'events.sqlite');
    const api = new SqliteEventStore({ file });
    const relay = new SqliteEventStore({ file });
    try {
      await api.append(streamIn(), newEvents(3), { expectedVersion: 'no_stream' });
      const seen = await relay.outbox.pending(10);
      await relay.outbox.markSent(seen.map((e) => e.event.globalPosition));

      await api.append(streamIn(), newEvents(1), { expectedVersion: 'no_stream' });

      expect(seen).toHaveLength(3);
      expect(await api.outbox.pending(10)).toHaveLength(1);
    } finally {
      await api.close();
      await relay.close();
    }
  });

  it('enqueues nothing for events stored before the outbox migration (history is republished on request)', async () => {
    const file = join(dir, 'old.sqlite');
    const store = new SqliteEventStore({ file });
    await store.append(streamIn(), newEvents(2), { expectedVersion: 'no_stream' });
    await store.close();
    // Roll the file back to the first schema version, as a database from before issue 7 would be.
    const raw = new Database(file);
    raw.exec('DROP TABLE outbox; DROP TABLE outbox_dead_letters; PRAGMA user_version = 1;');
    raw.close();

    const upgraded = new SqliteEventStore({ file });
    try {
      expect(await upgraded.outbox.pending(10)).toEqual([]);
      await upgraded.append(streamIn(), newEvents(1), { expectedVersion: 'no_stream' });
      expect((await upgraded.outbox.pending(10)).map((e) => e.event.globalPosition)).toEqual([3n]);
    } finally {
      await upgraded.close();
    }
  });
});
