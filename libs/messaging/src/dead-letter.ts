import type { RecordedEvent } from '@orgchange/event-store';
import type { OutgoingMessage } from './kafka-message';

/** Headers of a dead-letter message. */
export const ERROR_HEADER = 'orgchange-error';
export const ORIGINAL_TOPIC_HEADER = 'orgchange-original-topic';

/** Data larger than this is left out of a dead letter, so the dead letter itself stays small enough to be accepted. */
const MAX_DATA_CHARS = 100_000;

/**
 * The dead-letter message of an event: the raw stored event (not a CloudEvent: it may be exactly what could not
 * become one) and the error, keyed by stream so an operator can find it.
 */
export function deadLetterMessage(topic: string, event: RecordedEvent, error: string, originalTopic?: string): OutgoingMessage {
  const data = JSON.stringify(event.data) ?? 'null';
  const value = JSON.stringify({
    error,
    event: {
      eventId: event.eventId,
      type: event.type,
      version: event.version,
      streamId: event.streamId,
      streamVersion: event.streamVersion,
      globalPosition: event.globalPosition.toString(),
      recordedAt: event.recordedAt,
      // A message the broker refused (originalTopic set) may be refused again for its size: its data stays in the log.
      ...(originalTopic === undefined && data.length <= MAX_DATA_CHARS ? { data: event.data } : { dataOmitted: `${data.length} characters, read it from the log by eventId` }),
    },
  });
  const headers: Record<string, string> = { 'content-type': 'application/json', [ERROR_HEADER]: error.slice(0, 1000) };
  if (originalTopic) headers[ORIGINAL_TOPIC_HEADER] = originalTopic;
  return { topic, key: event.streamId, value, headers };
}
