import type { CalendarDate } from '@orgchange/domain';
import { notificationMessage } from './kafka-notification-message';
import type { Notification } from './notification.types';

const notification = (overrides: Partial<Notification> = {}): Notification => ({
  notificationId: '0b3c2f3e-5f0a-5d6b-9c1e-2a4b6c8d0e1f',
  kind: 'programme-decided',
  programmeId: 'reorg',
  programmeTitle: 'Reorganise the estates team',
  changeId: null,
  recipient: { recipientKind: 'unit', recipientId: 'estates', organisationId: 'trust-a', personIds: [], reasons: ['unit-member'], changeIds: ['c1'] },
  occurredOn: '2026-06-20' as CalendarDate,
  details: { decision: 'approved' },
  cause: { eventId: 'e-42', globalPosition: '42' },
  ...overrides,
});

const options = { topic: 'orgchange.notifications.v1', source: 'urn:orgchange:test', now: new Date('2026-06-20T10:00:00.000Z') };

describe('a notification as a Kafka message', () => {
  it('is a structured-mode CloudEvent on the topic, keyed by the recipient organisation, with the notification id as its id', () => {
    const message = notificationMessage(notification(), options);

    expect({ ...message, value: JSON.parse(message.value) }).toEqual({
      topic: 'orgchange.notifications.v1',
      key: 'trust-a',
      headers: { 'content-type': 'application/cloudevents+json' },
      value: {
        specversion: '1.0',
        id: '0b3c2f3e-5f0a-5d6b-9c1e-2a4b6c8d0e1f',
        source: 'urn:orgchange:test',
        type: 'orgchange.Notification.v1',
        subject: 'programme-reorg',
        time: '2026-06-20T10:00:00.000Z',
        datacontenttype: 'application/json',
        dataschema: 'urn:orgchange:schema:Notification:v1',
        orgchangeposition: '42',
        data: notification(),
      },
    });
  });

  it('keeps its id and key on a retry, whatever the time', () => {
    const first = JSON.parse(notificationMessage(notification(), options).value);
    const retry = notificationMessage(notification(), { ...options, now: new Date('2026-06-21T00:00:00Z') });
    expect([retry.key, JSON.parse(retry.value).id]).toEqual(['trust-a', first.id]);
  });

  it('carries the day a change took effect as effectivefrom, for change-effective only', () => {
    const effective = notification({ kind: 'change-effective', changeId: 'c1', occurredOn: '2026-09-01' as CalendarDate });
    expect(JSON.parse(notificationMessage(effective, options).value).effectivefrom).toBe('2026-09-01');
    expect(JSON.parse(notificationMessage(notification(), options).value)).not.toHaveProperty('effectivefrom');
  });
});
