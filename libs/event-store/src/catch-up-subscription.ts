import type { RecordedEvent, Subscription } from './event-store.port';

/**
 * Wakes live subscriptions of one store instance after each of its commits.
 * The generation counter lets a subscription tell that a commit happened while it was busy delivering,
 * so a notification that fires between "read a short page" and "go to sleep" is never lost.
 */
export class CommitNotifier {
  private generation = 0;
  private readonly waiters = new Set<() => void>();

  /** Number of commits notified so far. */
  get current(): number {
    return this.generation;
  }

  /** Called by the store after a commit, never inside the transaction (a rollback must wake nobody). */
  notify(): void {
    this.generation += 1;
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  /** Resolves on the next commit, or at once if one happened since `seen`. */
  nextCommit(seen: number): { promise: Promise<void>; cancel: () => void } {
    if (this.generation !== seen) return { promise: Promise.resolve(), cancel: () => undefined };
    let wake!: () => void;
    const promise = new Promise<void>((resolve) => (wake = resolve));
    this.waiters.add(wake);
    return { promise, cancel: () => (this.waiters.delete(wake), wake()) };
  }
}

/** What a store hands to {@link startCatchUpSubscription}. */
export type CatchUpOptions = Readonly<{
  from: bigint;
  onEvent: (event: RecordedEvent) => Promise<void> | void;
  onError?: (error: unknown) => void;
  /** Reads events after a position in global order, as `readAll` does. */
  readPage: (after: bigint, limit: number) => readonly RecordedEvent[] | Promise<readonly RecordedEvent[]>;
  notifier: CommitNotifier;
  /** Re-read this often while idle, to see commits made by other processes; omit when none can write. */
  pollIntervalMs?: number;
  pageSize?: number;
}>;

/**
 * Runs one subscription: reads pages after the last delivered position until a short page, then sleeps
 * until a commit, a poll tick or `stop()`. Exactly one `onEvent` runs at a time, in global order.
 * `stop()` resolves once the loop has returned, which waits for an `onEvent` already running; so an
 * `onEvent` that stops its own subscription must not await `stop()`.
 */
export function startCatchUpSubscription(options: CatchUpOptions): Subscription {
  const { onEvent, onError, readPage, notifier, pollIntervalMs } = options;
  const pageSize = options.pageSize ?? 1000;
  let stopped = false;
  let interruptSleep: (() => void) | undefined;

  const sleep = async (seen: number): Promise<void> => {
    const commit = notifier.nextCommit(seen);
    interruptSleep = commit.cancel;
    const timer = pollIntervalMs === undefined ? undefined : setTimeout(commit.cancel, pollIntervalMs);
    await commit.promise;
    clearTimeout(timer);
    interruptSleep = undefined;
  };

  const run = async (): Promise<void> => {
    let position = options.from;
    while (!stopped) {
      const seen = notifier.current;
      const page = await readPage(position, pageSize);
      for (const event of page) {
        if (stopped) return;
        await onEvent(event);
        position = event.globalPosition;
      }
      if (page.length < pageSize && !stopped) await sleep(seen);
    }
  };

  const done = run().catch((error: unknown) => {
    stopped = true;
    if (onError) onError(error);
    // Without a handler the failure is left unhandled on purpose: a dead subscriber must not go unnoticed.
    else void Promise.reject(error);
  });

  return {
    stop: async () => {
      stopped = true;
      interruptSleep?.();
      await done;
    },
  };
}

/** The running subscriptions of one store, so that closing the store can stop them all first. */
export class SubscriptionSet {
  private readonly running = new Set<Subscription>();

  /** Starts a subscription that leaves the set when stopped. */
  start(options: CatchUpOptions): Subscription {
    const subscription = startCatchUpSubscription(options);
    this.running.add(subscription);
    return {
      stop: () => {
        this.running.delete(subscription);
        return subscription.stop();
      },
    };
  }

  /** Resolves once every subscription has stopped, including any delivery in progress. */
  async stopAll(): Promise<void> {
    const stopping = [...this.running].map((s) => s.stop());
    this.running.clear();
    await Promise.all(stopping);
  }
}
