import {
  CLOUDEVENTS_CONTENT_TYPE,
  type CloudEvent,
  NOTIFICATION_CLOUDEVENT_TYPE,
  NOTIFICATION_SCHEMA_URI,
  type OutgoingMessage,
} from '@orgchange/messaging';
import type { Notification } from './notification.types';

/**
 * A notification as a CloudEvents 1.0 structured-mode message, in the same envelope as the relay's events
 * (docs/kafka-contracts.md): `id` = the notification id, which never changes across retries or a replayed
 * saga, so consumers dedupe on it; `subject` = the programme's stream; `orgchangeposition` = the position of
 * the programme event that caused it; `time` = when this copy was published (a notification has no commit
 * time of its own, and a retry may carry a later one: `id` is what identifies it); `effectivefrom` = the
 * day a change took effect, for `change-effective` only. The key is the recipient's organisation, so one
 * organisation's notifications land on one partition.
 */
export function notificationMessage(notification: Notification, options: Readonly<{ topic: string; source: string; now: Date }>): OutgoingMessage {
  const envelope: CloudEvent = {
    specversion: '1.0',
    id: notification.notificationId,
    source: options.source,
    type: NOTIFICATION_CLOUDEVENT_TYPE,
    subject: `programme-${notification.programmeId}`,
    time: options.now.toISOString(),
    datacontenttype: 'application/json',
    dataschema: NOTIFICATION_SCHEMA_URI,
    ...(notification.kind === 'change-effective' ? { effectivefrom: notification.occurredOn } : {}),
    orgchangeposition: notification.cause.globalPosition,
    data: notification,
  };
  return {
    topic: options.topic,
    key: notification.recipient.organisationId,
    value: JSON.stringify(envelope),
    headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE },
  };
}
