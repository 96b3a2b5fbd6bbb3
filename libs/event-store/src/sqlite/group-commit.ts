/** What one submitted item came to inside a shared commit: its own value or its own error. */
export type Outcome<R> = Readonly<{ ok: true; value: R }> | Readonly<{ ok: false; error: unknown }>;

type Waiting<T, R> = Readonly<{ item: T; resolve: (value: R) => void; reject: (error: unknown) => void }>;

/**
 * Group commit: items submitted while the current microtasks run are handed to `commit` together, so
 * concurrent writers share one transaction and one fsync instead of paying one each. With
 * `synchronous=FULL` the fsync is most of an append's cost, so this is where throughput under load comes from.
 *
 * `commit` returns one outcome per item (an item's failure must not fail the others) or throws when the
 * transaction as a whole failed, which rejects every item. Promises settle only after `commit` returns,
 * that is after the data is durable.
 */
export class GroupCommit<T, R> {
  private queue: Waiting<T, R>[] = [];

  constructor(private readonly commit: (items: readonly T[]) => readonly Outcome<R>[]) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      // A promise job rather than setImmediate/queueMicrotask: jest's fake timers replace those, not this.
      if (this.queue.length === 1) void Promise.resolve().then(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    let outcomes: readonly Outcome<R>[];
    try {
      outcomes = this.commit(batch.map((waiting) => waiting.item));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    batch.forEach((waiting, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) waiting.resolve(outcome.value);
      else waiting.reject(outcome.error);
    });
  }
}
