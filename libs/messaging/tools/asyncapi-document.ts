import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cloudEventType, schemaUri } from '../src/cloud-event';
import { CLOUDEVENTS_CONTENT_TYPE, REPLAY_HEADER } from '../src/kafka-message';
import { ERROR_HEADER, ORIGINAL_TOPIC_HEADER } from '../src/dead-letter';
import { TOPIC_OF_NOTIFICATION_TYPE, TOPIC_OF_PUBLISHED_TYPE } from '../src/notification-contract';
import { TOPIC_CATEGORIES, topicNames, type TopicCategory } from '../src/topics';
import { SCHEMA_DIR } from './event-schemas';

/** Where docs/asyncapi.yaml finds the schemas, relative to itself. */
const SCHEMAS_FROM_DOCS = '../libs/messaging/schemas';

const CATEGORY_DESCRIPTIONS: Record<TopicCategory, string> = {
  restructures: 'Organisations and their unit trees: established, renamed, reclassified, closed, merged, split; units established, renamed, moved, merged, split, dissolved; and corrections (retractions and corrected facts) of any event.',
  appointments: 'Posts (created, retitled, regraded, abolished), appointments to them (started, ended) and people registered.',
  boundaries: 'Changes between organisations: services transferred, memberships changed, boundaries redrawn, employment transferred.',
  programmes: 'Change programmes: drafted, proposal published, consultation, decision, changes applied or failed on their dates, review, close or withdrawal.',
  notifications: 'Notifications about change programmes, one message per notification to one recipient (a post, unit or organisation), published by the worker\'s Kafka notification channel once the notification saga has decided them.',
};

/** The Kafka key of every event message (inline: the binding's key does not take a reference). */
const ORGANISATION_KEY = { type: 'string', description: 'The organisation the stream belongs to (see docs/kafka-contracts.md); a person id for person streams.' };

/** The schema folder of a published type: generated event schemas, or the hand-written notification ones. */
const schemaFolderOf = (type: string): string => (Object.hasOwn(TOPIC_OF_NOTIFICATION_TYPE, type) ? 'notifications' : 'events');

/** The Kafka key of a notification message. */
const RECIPIENT_ORGANISATION_KEY = { type: 'string', description: "The recipient's organisation (recipient.organisationId), so one organisation's notifications stay in order." };

/** Each published type at the version its checked-in schema has (`Type.vN.json`). */
function publishedVersions(): Map<string, number> {
  const versions = new Map<string, number>();
  for (const name of [...readdirSync(SCHEMA_DIR), ...readdirSync(join(SCHEMA_DIR, '..', 'notifications'))]) {
    const match = /^(\w+)\.v(\d+)\.json$/.exec(name);
    if (match) versions.set(match[1], Math.max(versions.get(match[1]) ?? 0, Number(match[2])));
  }
  return versions;
}

/**
 * The AsyncAPI 3.0 document of the topics, built from the code's own tables (topic of each type, envelope,
 * headers, schemas), so docs/asyncapi.yaml can be regenerated and a test can hold it to the code.
 */
export function asyncApiDocument(): Record<string, unknown> {
  const topics = topicNames();
  const versions = publishedVersions();
  const messageName = (type: string): string => `${type}.v${versions.get(type)}`;
  const typesOf = (category: TopicCategory): string[] =>
    Object.entries(TOPIC_OF_PUBLISHED_TYPE)
      .filter(([, c]) => c === category)
      .map(([type]) => type);
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const category of TOPIC_CATEGORIES) {
    const messages = Object.fromEntries(typesOf(category).map((type) => [messageName(type), { $ref: `#/components/messages/${messageName(type)}` }]));
    channels[category] = { address: topics[category], title: topics[category], description: CATEGORY_DESCRIPTIONS[category], messages };
    operations[`publish-${category}`] = {
      action: 'send',
      summary:
        category === 'notifications'
          ? 'The worker\'s Kafka notification channel publishes each notification once the broker acknowledges it (at least once: dedupe on id), keyed by the recipient\'s organisation.'
          : `The relay publishes ${category} events, keyed by organisation, in log order per key.`,
      channel: { $ref: `#/channels/${category}` },
      messages: Object.keys(messages).map((name) => ({ $ref: `#/channels/${category}/messages/${name}` })),
    };
  }
  channels.deadletter = {
    address: topics.deadLetter,
    title: topics.deadLetter,
    description: 'Events that could not be published (no contract, no organisation key, data breaking its schema, rejected by the broker).',
    messages: { DeadLetter: { $ref: '#/components/messages/DeadLetter' } },
  };
  operations['publish-deadletter'] = {
    action: 'send',
    summary: 'The relay dead-letters a poison event and moves on.',
    channel: { $ref: '#/channels/deadletter' },
    messages: [{ $ref: '#/channels/deadletter/messages/DeadLetter' }],
  };
  const messages: Record<string, unknown> = {};
  for (const type of Object.keys(TOPIC_OF_PUBLISHED_TYPE)) {
    const version = versions.get(type)!;
    messages[messageName(type)] = {
      name: cloudEventType(type, version),
      title: `${type} v${version}`,
      contentType: CLOUDEVENTS_CONTENT_TYPE,
      headers: { $ref: '#/components/schemas/EventHeaders' },
      bindings: { kafka: { key: schemaFolderOf(type) === 'notifications' ? RECIPIENT_ORGANISATION_KEY : ORGANISATION_KEY, bindingVersion: '0.5.0' } },
      payload: {
        allOf: [
          { $ref: `${SCHEMAS_FROM_DOCS}/cloudevent.json` },
          {
            type: 'object',
            properties: {
              type: { const: cloudEventType(type, version) },
              dataschema: { const: schemaUri(type, version) },
              data: { $ref: `${SCHEMAS_FROM_DOCS}/${schemaFolderOf(type)}/${type}.v${version}.json` },
            },
          },
        ],
      },
    };
  }
  messages.DeadLetter = {
    name: 'orgchange.DeadLetter',
    title: 'A poison event',
    contentType: 'application/json',
    headers: {
      type: 'object',
      properties: {
        'content-type': { const: 'application/json' },
        [ERROR_HEADER]: { type: 'string', description: 'Why the event could not be published (first 1,000 characters).' },
        [ORIGINAL_TOPIC_HEADER]: { type: 'string', description: 'The topic it was meant for, when the broker rejected it there.' },
      },
    },
    bindings: { kafka: { key: { type: 'string', description: 'The stream id of the event.' }, bindingVersion: '0.5.0' } },
    payload: {
      type: 'object',
      required: ['error', 'event'],
      properties: {
        error: { type: 'string' },
        event: {
          type: 'object',
          description: 'The stored event as the relay read it; `data` is left out (see `dataOmitted`) when the broker refused the message or above 100,000 characters.',
          required: ['eventId', 'type', 'version', 'streamId', 'streamVersion', 'globalPosition', 'recordedAt'],
          properties: {
            eventId: { type: 'string' },
            type: { type: 'string' },
            version: { type: 'integer' },
            streamId: { type: 'string' },
            streamVersion: { type: 'integer' },
            globalPosition: { type: 'string' },
            recordedAt: { type: 'string', format: 'date-time' },
            data: {},
            dataOmitted: { type: 'string' },
          },
        },
      },
    },
  };
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'orgchange events',
      version: '1.0.0',
      description:
        'What orgchange publishes to Kafka through its transactional outbox: CloudEvents 1.0 in structured mode, at least once (dedupe on `id`), in log order per key (the organisation id). See docs/kafka-contracts.md. Generated by libs/messaging/tools/write-asyncapi.ts; a test holds it to the code.',
    },
    defaultContentType: CLOUDEVENTS_CONTENT_TYPE,
    servers: {
      kafka: { host: 'kafka:9092', protocol: 'kafka', description: 'Any Kafka cluster (KAFKA_BROKERS); topics carry the prefix KAFKA_TOPIC_PREFIX, `orgchange` by default.' },
    },
    channels,
    operations,
    components: {
      schemas: {
        EventHeaders: {
          type: 'object',
          required: ['content-type'],
          properties: {
            'content-type': { const: CLOUDEVENTS_CONTENT_TYPE },
            [REPLAY_HEADER]: { const: 'true', description: 'Present on messages published again by `orgchange kafka republish`.' },
          },
        },
      },
      messages,
    },
  };
}
