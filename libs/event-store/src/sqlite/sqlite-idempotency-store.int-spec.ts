import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store';

describe('SqliteIdempotencyStore', () => {
  let dir: string;
  let events: SqliteEventStore;
  let store: SqliteIdempotencyStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'orgchange-idempotency-'));
    events = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    store = new SqliteIdempotencyStore(events.database, { now: () => new Date('2025-02-01T12:00:00.000Z') });
  });
  afterEach(async () => {
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds nothing for an unknown key', async () => {
    expect(await store.find('unknown')).toBeUndefined();
  });

  it('gives back a saved response, with bigints as decimal strings', async () => {
    const record = { requestHash: 'sha256:abc', status: 201, body: { streamVersion: 3, globalPosition: 9007199254740993n, ids: ['ü-1'] } };

    const saved = await store.save('key-1', record);

    const expected = { requestHash: 'sha256:abc', status: 201, body: { streamVersion: 3, globalPosition: '9007199254740993', ids: ['ü-1'] } };
    expect(saved).toEqual(expected);
    expect(await store.find('key-1')).toEqual(expected);
  });

  it('keeps the first response when a key is saved twice', async () => {
    await store.save('key-1', { requestHash: 'first', status: 201, body: { n: 1 } });

    const second = await store.save('key-1', { requestHash: 'second', status: 200, body: { n: 2 } });

    expect(second).toEqual({ requestHash: 'first', status: 201, body: { n: 1 } });
    expect(await store.find('key-1')).toEqual(second);
  });

  it('stores an empty body as null', async () => {
    await store.save('key-1', { requestHash: 'h', status: 204, body: undefined });

    expect(await store.find('key-1')).toEqual({ requestHash: 'h', status: 204, body: null });
  });

  it('lives in the event store file, surviving a reopen', async () => {
    await store.save('key-1', { requestHash: 'h', status: 201, body: { ok: true } });
    await events.close();

    events = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    const reopened = new SqliteIdempotencyStore(events.database);

    expect(await reopened.find('key-1')).toEqual({ requestHash: 'h', status: 201, body: { ok: true } });
    expect(events.database.prepare('SELECT created_at FROM idempotency_keys').pluck().get()).toBe('2025-02-01T12:00:00.000Z');
  });
});
