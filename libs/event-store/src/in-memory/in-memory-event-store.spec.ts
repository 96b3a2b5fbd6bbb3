import { describeEventStoreContract } from '../contract/event-store.contract';
import { InMemoryEventStore } from './in-memory-event-store';

describeEventStoreContract('InMemoryEventStore', async (options) => {
  const store = new InMemoryEventStore(options);
  return { store, cleanup: () => store.close() };
});
