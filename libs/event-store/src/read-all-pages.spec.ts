import { InMemoryEventStore } from './in-memory/in-memory-event-store';
import { readAllPages } from './read-all-pages';

describe('readAllPages', () => {
  it('walks the whole log in global order, a page at a time, from a position', async () => {
    const store = new InMemoryEventStore();
    for (let i = 0; i < 25; i += 1) {
      await store.append(`post-${i % 3}`, [{ type: 'PostRetitled', version: 1, data: { i }, eventId: `e-${i}`, metadata: { actor: 't', correlationId: 'c' } }], { expectedVersion: 'any' });
    }
    const pages: number[][] = [];
    for await (const page of readAllPages(store, { after: 5n, pageSize: 7 })) pages.push(page.map((e) => Number(e.globalPosition)));

    expect(pages.map((p) => p.length)).toEqual([7, 7, 6]);
    expect(pages.flat()).toEqual(Array.from({ length: 20 }, (_, i) => i + 6));
    await store.close();
  });
});
