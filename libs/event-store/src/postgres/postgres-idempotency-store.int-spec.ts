import { PostgresEventStore } from './postgres-event-store';
import { PostgresIdempotencyStore } from './postgres-idempotency-store';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from './postgres-test-schemas';

describe('PostgresIdempotencyStore', () => {
  let schema: string;
  let events: PostgresEventStore;
  let store: PostgresIdempotencyStore;

  beforeEach(async () => {
    schema = freshSchemaName();
    events = await PostgresEventStore.open({ url: TEST_DATABASE_URL, schema });
    store = new PostgresIdempotencyStore(events.connections);
  });
  afterEach(async () => {
    await events.close();
    await dropSchema(schema);
  });

  it('finds nothing for an unknown key', async () => {
    expect(await store.find('unknown')).toBeUndefined();
  });

  it('gives back a saved response, with bigints as decimal strings', async () => {
    const saved = await store.save('key-1', { requestHash: 'sha256:abc', status: 201, body: { globalPosition: 9007199254740993n, ids: ['ü-1'] } });

    const expected = { requestHash: 'sha256:abc', status: 201, body: { globalPosition: '9007199254740993', ids: ['ü-1'] } };
    expect(saved).toEqual(expected);
    expect(await store.find('key-1')).toEqual(expected);
  });

  it('keeps the first response when two instances save one key at once', async () => {
    const other = await PostgresEventStore.open({ url: TEST_DATABASE_URL, schema });
    try {
      const [a, b] = await Promise.all([
        store.save('key-1', { requestHash: 'first', status: 201, body: { n: 1 } }),
        new PostgresIdempotencyStore(other.connections).save('key-1', { requestHash: 'second', status: 200, body: { n: 2 } }),
      ]);

      expect(a).toEqual(b);
      expect(await store.find('key-1')).toEqual(a);
    } finally {
      await other.close();
    }
  });

  it('stores an empty body as null', async () => {
    await store.save('key-1', { requestHash: 'h', status: 204, body: undefined });

    expect(await store.find('key-1')).toEqual({ requestHash: 'h', status: 204, body: null });
  });
});
