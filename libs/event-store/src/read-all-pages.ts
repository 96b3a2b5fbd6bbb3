import type { EventStore, RecordedEvent } from './event-store.port';

/**
 * The log in global order, one page at a time, from just after `after` to the end as it stood when each
 * page was read. For readers that go through the whole log (exports, benchmarks, tests); projectors keep
 * their own checkpoint instead.
 */
export async function* readAllPages(store: Pick<EventStore, 'readAll'>, options: { after?: bigint; pageSize?: number } = {}): AsyncGenerator<readonly RecordedEvent[]> {
  let after = options.after ?? 0n;
  for (;;) {
    const page = await store.readAll({ after, limit: options.pageSize ?? 1000 });
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1].globalPosition;
  }
}
