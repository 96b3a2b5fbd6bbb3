import { cloudEventType, schemaUri } from './cloud-event';
import { TOPIC_OF_EVENT_TYPE, type TopicCategory } from './topics';

/**
 * Message types published by the notification channel rather than the outbox relay, with their topic. They are
 * not domain events (no stream of their own): the workflow's notification saga decides them and a Kafka
 * channel publishes them, one message per notification to one recipient.
 */
export const TOPIC_OF_NOTIFICATION_TYPE = { Notification: 'notifications' } as const satisfies Readonly<Record<string, TopicCategory>>;

export type PublishedNotificationType = keyof typeof TOPIC_OF_NOTIFICATION_TYPE;

export const PUBLISHED_NOTIFICATION_TYPES = Object.keys(TOPIC_OF_NOTIFICATION_TYPE) as PublishedNotificationType[];

/** Schema version of the notification message; a breaking change to it means a new topic (`v2`). */
export const NOTIFICATION_VERSION = 1;

/** `orgchange.Notification.v1`. */
export const NOTIFICATION_CLOUDEVENT_TYPE = cloudEventType('Notification', NOTIFICATION_VERSION);

/** `urn:orgchange:schema:Notification:v1`: `$id` of libs/messaging/schemas/notifications/Notification.v1.json. */
export const NOTIFICATION_SCHEMA_URI = schemaUri('Notification', NOTIFICATION_VERSION);

/** Every type published on a topic, domain events and notifications alike: what docs/asyncapi.yaml must list. */
export const TOPIC_OF_PUBLISHED_TYPE: Readonly<Record<string, TopicCategory>> = { ...TOPIC_OF_EVENT_TYPE, ...TOPIC_OF_NOTIFICATION_TYPE };
