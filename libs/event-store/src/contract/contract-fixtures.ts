import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, RecordedEvent, Subscription } from '../event-store.port';
import type { Upcaster } from '../upcasting';

/** Builds a fresh, empty store for one test, and disposes of it afterwards. */
export type MakeEventStore = (options?: { upcast?: Upcaster }) => Promise<{ store: EventStore; cleanup: () => Promise<void> }>;

/** Gives every test in the enclosing `describe` a fresh store; read it through the returned getter. */
export function useFreshStore(makeStore: MakeEventStore): () => EventStore {
  let current: Awaited<ReturnType<MakeEventStore>> | undefined;
  beforeEach(async () => {
    current = await makeStore();
  });
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  return () => current!.store;
}

/** A fresh stream id in `category`, so tests never collide even on a shared store. */
export const streamIn = (category = 'unit'): string => `${category}-${randomUUID()}`;

/** A valid event with a new id; `overrides` shape it for the test at hand. */
export function newEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'UnitRenamed',
    version: 1,
    data: { name: 'Cardiology', effectiveFrom: '2024-04-01' },
    metadata: { actor: 'user-1', correlationId: randomUUID() },
    ...overrides,
  };
}

/** `count` events whose data carries their index, to check order on the way back. */
export const newEvents = (count: number): NewEvent[] =>
  Array.from({ length: count }, (_, seq) => newEvent({ data: { seq, effectiveFrom: '2024-04-01' } }));

/** The store's observable size: checked around every rejected append, which must leave no trace. */
export async function snapshot(store: EventStore, ...streamIds: string[]): Promise<{ count: number; versions: number[] }> {
  return { count: await store.count(), versions: await Promise.all(streamIds.map((id) => store.streamVersion(id))) };
}

export type Recorder = Readonly<{
  received: RecordedEvent[];
  subscription: Subscription;
  /** Resolves once `count` events have arrived: tests wait for a checkpoint, never for a fixed time. */
  until: (count: number) => Promise<void>;
  /** Resolves with the error the subscription reported through `onError`. */
  failure: Promise<unknown>;
}>;

/** Subscribes and records what arrives. */
export function record(
  store: EventStore,
  from: bigint,
  onEvent: (event: RecordedEvent) => Promise<void> | void = () => undefined,
): Recorder {
  const received: RecordedEvent[] = [];
  let reportFailure!: (error: unknown) => void;
  const failure = new Promise<unknown>((resolve) => (reportFailure = resolve));
  const waiters = new Set<{ count: number; resolve: () => void }>();
  const settle = (): void => {
    for (const waiter of waiters) {
      if (received.length >= waiter.count) {
        waiters.delete(waiter);
        waiter.resolve();
      }
    }
  };
  const subscription = store.subscribe({
    from,
    onEvent: async (event) => {
      await onEvent(event);
      received.push(event);
      settle();
    },
    onError: (error) => reportFailure(error),
  });
  const until = (count: number): Promise<void> =>
    new Promise((resolve) => {
      waiters.add({ count, resolve });
      settle();
    });
  return { received, subscription, until, failure };
}

/** Global positions, for comparing order. */
export const positionsOf = (events: readonly { globalPosition: bigint }[]): bigint[] => events.map((e) => e.globalPosition);

/** Event ids, for comparing which events came back. */
export const idsOf = (events: readonly { eventId: string }[]): string[] => events.map((e) => e.eventId);
