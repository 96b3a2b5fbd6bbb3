import { type KurrentDBClient, START, streamNameFilter } from '@kurrent/kurrentdb-client';
import type { EventStore, RecordedEvent, Subscription } from '../event-store.port';
import type { Upcaster } from '../upcasting';
import { assertOwnPosition, commitPositionOf, toRecordedEvent } from './kurrentdb-event-mapping';
import type { KurrentDbStreamNames } from './kurrentdb-stream-names';

type SubscribeOptions = Parameters<EventStore['subscribe']>[0];

/**
 * One catch-up subscription to `$all` from a checkpoint (the caller's last global position), with a
 * server-side filter that drops KurrentDB's system events and the adapter's claim streams, so the client
 * only receives our events. KurrentDB starts after the position given; events at or before it are also
 * skipped here, so a checkpoint is never delivered twice. Events are pulled one at a time through the async
 * iterator, so `onEvent` is awaited before the next and the stream's flow control holds the rest back.
 */
export function subscribeToOurEvents(
  client: KurrentDBClient,
  names: KurrentDbStreamNames,
  upcast: Upcaster | undefined,
  { from, onEvent, onError }: SubscribeOptions,
): Subscription {
  const subscription = client.subscribeToAll({
    fromPosition: from > 0n ? { commit: from, prepare: from } : START,
    filter: streamNameFilter({ regex: names.ourStreamsRegex }),
  });
  let stopped = false;

  const deliver = async (): Promise<void> => {
    let previous: { id: string; position: bigint } | undefined;
    for await (const resolved of subscription) {
      if (stopped) return;
      const position = resolved.event && commitPositionOf(resolved.event);
      if (resolved.event === undefined || position === undefined) continue;
      assertOwnPosition(previous, resolved.event, position);
      previous = { id: resolved.event.id, position };
      if (position <= from) continue;
      const event: RecordedEvent = toRecordedEvent(resolved.event, names, upcast);
      await onEvent(event);
    }
    if (!stopped) throw new Error('KurrentDB ended the $all subscription');
  };

  const done = deliver().catch(async (error: unknown) => {
    // Errors after stop() are the cancelled stream closing, not failures.
    if (stopped) return;
    stopped = true;
    await subscription.unsubscribe().catch(() => undefined);
    if (onError) onError(error);
    // Without a handler the failure is left unhandled on purpose: a dead subscriber must not go unnoticed.
    else void Promise.reject(error);
  });

  return {
    stop: async () => {
      stopped = true;
      await subscription.unsubscribe();
      await done;
    },
  };
}
