import { organisationsHoldingCopies, organisationStream } from '@orgchange/domain';
import type { RecordedEvent } from '@orgchange/event-store';

/**
 * The streams that may hold copies of a cross-organisation event, the event's own first, or undefined for an
 * event that has none. A cross-organisation decision (a merger, a transfer, a boundary change…) appends one event
 * to each organisation involved, in one transaction.
 */
export function streamsHoldingCopies(target: RecordedEvent): readonly string[] | undefined {
  const holders = organisationsHoldingCopies(target);
  if (!holders) return undefined;
  return [target.streamId, ...holders.map(organisationStream).filter((streamId) => streamId !== target.streamId)];
}

/**
 * Whether an event is a copy of `target`: of the same type, appended by the same command (same correlation id),
 * with the same data. The target is a copy of itself. An organisation whose stream holds no such copy (its facts
 * recorded separately, by an import say) has nothing to correct.
 */
export function isCopyOf(target: RecordedEvent): (event: RecordedEvent) => boolean {
  const data = JSON.stringify(target.data);
  return (event) => event.type === target.type && event.metadata.correlationId === target.metadata.correlationId && JSON.stringify(event.data) === data;
}
