import { organisationsHoldingCopies, organisationStream } from '@orgchange/domain';
import type { EventStore, RecordedEvent } from '@orgchange/event-store';

/**
 * An event with its copies in other organisations' streams, the event itself first. A cross-organisation
 * decision (a merger, a transfer, a boundary change…) appends one event to each organisation involved, in one
 * transaction: a copy is the event of the same type, appended by the same command (same correlation id), with
 * the same data. Any other event comes back alone. An organisation whose stream holds no such copy (its facts
 * recorded separately, by an import say) is left out.
 */
export async function withCopies(store: EventStore, target: RecordedEvent): Promise<readonly RecordedEvent[]> {
  const holders = organisationsHoldingCopies(target);
  if (!holders) return [target];
  const data = JSON.stringify(target.data);
  const isCopy = (event: RecordedEvent) => event.type === target.type && event.metadata.correlationId === target.metadata.correlationId && JSON.stringify(event.data) === data;
  const copies = [target];
  for (const organisationId of holders) {
    const streamId = organisationStream(organisationId);
    if (streamId === target.streamId) continue;
    const copy = (await store.readStream(streamId)).find(isCopy);
    if (copy) copies.push(copy);
  }
  return copies;
}
