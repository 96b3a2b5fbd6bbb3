import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEvents, record, streamIn } from '../contract/contract-fixtures';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../postgres/postgres-test-schemas';
import { ReplicatedEventStore } from './replicated-event-store';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'orgchange-replica-'));

describeEventStoreContract(
  'ReplicatedEventStore over PostgreSQL',
  async (options) => {
    const [dir, schema] = [tempDir(), freshSchemaName()];
    const primary = await PostgresEventStore.open({ url: TEST_DATABASE_URL, schema });
    const store = await ReplicatedEventStore.open({ primary, file: join(dir, 'local.sqlite'), ...options });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await dropSchema(schema);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  // The 100k-event stream runs against PostgresEventStore itself; here it would only time the copy twice.
  { largeStreamSize: 10_000 },
);

describe('ReplicatedEventStore: two instances on one PostgreSQL log', () => {
  let dir: string;
  let schema: string;
  const opened: ReplicatedEventStore[] = [];
  const open = async (name: string): Promise<ReplicatedEventStore> => {
    const primary = await PostgresEventStore.open({ url: TEST_DATABASE_URL, schema });
    const store = await ReplicatedEventStore.open({ primary, file: join(dir, `${name}.sqlite`) });
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    dir = tempDir();
    schema = freshSchemaName();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await dropSchema(schema);
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads its own writes locally as soon as an append returns, with the log's positions and times", async () => {
    const api = await open('api');

    await api.append(streamIn(), newEvents(3), { expectedVersion: 'no_stream' });
    const direct = await PostgresEventStore.open({ url: TEST_DATABASE_URL, schema });
    try {
      expect(await api.readAll()).toEqual(await direct.readAll());
      expect(api.database.prepare('SELECT count(*) FROM events').pluck().get()).toBe(3);
    } finally {
      await direct.close();
    }
  });

  it("delivers another instance's appends to local subscribers, and a conflict refreshes the loser's replica", async () => {
    const [first, second] = [await open('first'), await open('second')];
    const streamId = streamIn();
    const watcher = record(second, 0n);

    await first.append(streamId, newEvents(2), { expectedVersion: 'no_stream' });
    await watcher.until(2);
    await expect(second.append(streamId, newEvents(1), { expectedVersion: 'no_stream' })).rejects.toMatchObject({ code: 'StreamVersionConflict', actual: 1 });
    await second.append(streamId, newEvents(1), { expectedVersion: 1 });
    await watcher.until(3);
    await watcher.subscription.stop();

    expect(await first.readStream(streamId)).toHaveLength(3);
    expect(watcher.received.map((e) => e.streamVersion)).toEqual([0, 1, 2]);
  });

  it('rebuilds a deleted local file from the log on the next start', async () => {
    const api = await open('api');
    await api.append(streamIn(), newEvents(5), { expectedVersion: 'no_stream' });
    const before = await api.readAll();
    await api.close();
    rmSync(join(dir, 'api.sqlite'));

    const reopened = await open('api');

    expect(await reopened.readAll()).toEqual(before);
  });
});
