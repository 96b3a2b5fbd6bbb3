import type { RecordedEvent } from '@orgchange/event-store';
import { effectiveDateOf } from './effective-date';

/** `dataschema` of an event type and version, also the `$id` of its JSON Schema in libs/messaging/schemas/events. */
export const schemaUri = (type: string, version: number): string => `urn:orgchange:schema:${type}:v${version}`;

/** CloudEvents `type` of an event type and version. */
export const cloudEventType = (type: string, version: number): string => `orgchange.${type}.v${version}`;

/**
 * A published event, CloudEvents 1.0 in structured mode: this object, as JSON, is the Kafka message value
 * (header `content-type: application/cloudevents+json`). See docs/kafka-contracts.md.
 */
export type CloudEvent = Readonly<{
  specversion: '1.0';
  /** The event id: consumers dedupe on it (a relay crash may publish an event twice). */
  id: string;
  /** `urn:orgchange:<deployment>`. */
  source: string;
  type: string;
  /** The stream the event belongs to (`organisation-…`, `post-…`, `person-…`, `programme-…`). */
  subject: string;
  /** recordedAt: when the store committed the event. */
  time: string;
  datacontenttype: 'application/json';
  dataschema: string;
  /** The event's valid-time date (YYYY-MM-DD), absent for events without one. */
  effectivefrom?: string;
  /** Global position in the log, as a decimal string: a consumer's resume point for `kafka republish --from`. */
  orgchangeposition: string;
  data: unknown;
}>;

/** The source attribute of a deployment (`ORGCHANGE_DEPLOYMENT`, default `default`). */
export function sourceOf(deployment: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(deployment)) throw new Error(`deployment ${JSON.stringify(deployment)} may only use letters, digits, '.', '_' and '-'`);
  return `urn:orgchange:${deployment}`;
}

/** The envelope of a stored event (already upcast to its latest version, so `type` names that version). */
export function toCloudEvent(event: RecordedEvent, source: string): CloudEvent {
  const effectivefrom = effectiveDateOf(event.type, event.data);
  return {
    specversion: '1.0',
    id: event.eventId,
    source,
    type: cloudEventType(event.type, event.version),
    subject: event.streamId,
    time: event.recordedAt,
    datacontenttype: 'application/json',
    dataschema: schemaUri(event.type, event.version),
    ...(effectivefrom === undefined ? {} : { effectivefrom }),
    orgchangeposition: event.globalPosition.toString(),
    data: event.data,
  };
}
