import type { RecordedEvent } from '@orgchange/event-store';
import { toCloudEvent } from './cloud-event';
import type { ContractSchemas } from './contract-schemas';
import type { OrganisationKeys } from './organisation-key';
import { isPublishedEventType, TOPIC_OF_EVENT_TYPE, type TopicNames } from './topics';

export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json';
/** Header set (to `true`) on messages published again by `orgchange kafka republish`. */
export const REPLAY_HEADER = 'orgchange-replay';

/** One message ready for the producer. */
export type OutgoingMessage = Readonly<{ topic: string; key: string; value: string; headers: Record<string, string> }>;

/** Thrown when an event cannot become a valid message: the relay dead-letters it rather than retry forever. */
export class PoisonEventError extends Error {
  readonly code = 'PoisonEvent';
}

export type MessageFactoryOptions = Readonly<{ topics: TopicNames; source: string; schemas: ContractSchemas; keys: OrganisationKeys }>;

/** Turns stored events into Kafka messages: topic by type, key by organisation, value the checked CloudEvent. */
export class MessageFactory {
  constructor(private readonly options: MessageFactoryOptions) {}

  /** @throws PoisonEventError for an event of an unknown type, without a key, or breaking its schema. */
  async messageOf(event: RecordedEvent, replay = false): Promise<OutgoingMessage> {
    if (!isPublishedEventType(event.type)) throw new PoisonEventError(`event type ${event.type} has no Kafka contract`);
    let key: string;
    try {
      key = await this.options.keys.keyOf(event);
    } catch (error) {
      throw new PoisonEventError((error as Error).message);
    }
    const envelope = toCloudEvent(event, this.options.source);
    const problem = this.options.schemas.problemWith(envelope);
    if (problem) throw new PoisonEventError(`event ${event.eventId} breaks its contract: ${problem}`);
    const headers: Record<string, string> = { 'content-type': CLOUDEVENTS_CONTENT_TYPE };
    if (replay) headers[REPLAY_HEADER] = 'true';
    return { topic: this.options.topics[TOPIC_OF_EVENT_TYPE[event.type]], key, value: JSON.stringify(envelope), headers };
  }
}
