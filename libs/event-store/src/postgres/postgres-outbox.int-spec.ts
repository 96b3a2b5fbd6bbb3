import { newEvents, streamIn } from '../contract/contract-fixtures';
import { describeOutboxContract } from '../contract/outbox.contract';
import { PostgresEventStore } from './postgres-event-store';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from './postgres-test-schemas';

describeOutboxContract('PostgresEventStore', async (options) => {
  const schema = freshSchemaName();
  const store = await PostgresEventStore.open({ url: TEST_DATABASE_URL, schema, ...options });
  return {
    store,
    outbox: store.outbox,
    cleanup: async () => {
      await store.close();
      await dropSchema(schema);
    },
  };
});

describe('PostgresEventStore outbox across processes', () => {
  it('is drained by a second store on the same schema (the relay process) while the first appends; imports enqueue nothing', async () => {
    const schema = freshSchemaName();
    const api = await PostgresEventStore.open({ url: TEST_DATABASE_URL, schema });
    const relay = await PostgresEventStore.open({ url: TEST_DATABASE_URL, schema });
    try {
      await api.append(streamIn(), newEvents(3), { expectedVersion: 'no_stream' });
      const seen = await relay.outbox.pending(10);
      await relay.outbox.markSent(seen.map((e) => e.event.globalPosition));
      const [copied] = await api.readAll({ limit: 1 });
      await api.importEvents([{ ...copied, eventId: 'imported-1', streamId: streamIn(), streamVersion: 0, globalPosition: 100n }]);

      await api.append(streamIn(), newEvents(1), { expectedVersion: 'no_stream' });

      expect(seen).toHaveLength(3);
      expect((await api.outbox.pending(10)).map((e) => e.event.globalPosition)).toEqual([101n]);
    } finally {
      await api.close();
      await relay.close();
      await dropSchema(schema);
    }
  });
});
