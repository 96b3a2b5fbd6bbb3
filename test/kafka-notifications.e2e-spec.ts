import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ContractSchemas, topicNames } from '@orgchange/messaging';
import { notificationsConfigFrom } from '@orgchange/workflow';
import { randomUUID } from 'node:crypto';
import { validateWorkerConfig } from '../apps/worker/src/worker-config';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { type ApiHarness, startApi } from './support/api-harness';
import { createPost, establishOrganisation, establishUnit, given } from './support/fixtures';
import { byKey, consumeAll } from './support/kafka/consume-all';
import { startTestKafka, type TestKafka } from './support/kafka/test-kafka';
import { abolishPost, draftProgramme, fakeClock } from './support/programme-fixtures';

jest.setTimeout(90_000);

type NotificationView = { notificationId: string; recipient: { recipientId: string; organisationId: string }; deliveries: { channel: string; status: string }[] };
type Envelope = { id: string; type: string; subject: string; data: { notificationId: string; recipient: { organisationId: string } } };

/** Resolves once `condition` holds, checking every 50 ms; fails after `timeoutMs`. */
async function eventually(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await condition()); ) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Issue 7's notifications topic, end to end: commands through the API schedule a programme whose changes
 * reach teams in two organisations; the worker app (its notification saga and the Kafka channel configured
 * by NOTIFY_KAFKA_BROKERS) publishes every notification to `<prefix>.notifications.v1`. Against the in-repo
 * test broker (idempotent producer, CreateTopics), or the cluster named by KAFKA_BROKERS.
 */
describe('the worker publishes programme notifications to Kafka', () => {
  let kafka: TestKafka;
  let api: ApiHarness;
  let worker: INestApplicationContext | undefined;
  // A fresh prefix per run: a real cluster keeps its topics.
  const topic = topicNames(`e2e-${randomUUID().slice(0, 8)}`).notifications;

  beforeAll(async () => {
    kafka = await startTestKafka({ features: 'full' });
    api = await startApi({ clock: fakeClock('2026-05-01') });
    for (const [organisationId, unitId, postId] of [
      ['trust-a', 'estates', 'estates-lead'],
      ['trust-a', 'catering', 'catering-lead'],
      ['trust-b', 'pharmacy', 'pharmacy-lead'],
    ]) {
      if (unitId !== 'catering') await establishOrganisation(api, organisationId);
      await establishUnit(api, organisationId, unitId);
      await createPost(api, postId, organisationId, unitId);
    }
    const changes = [abolishPost('c-estates', 'estates-lead', '2026-09-01'), abolishPost('c-catering', 'catering-lead', '2026-09-01'), abolishPost('c-pharmacy', 'pharmacy-lead', '2026-09-01')];
    await draftProgramme(api, 'p1', changes, ['trust-a', 'trust-b']);
    await given(api, '/programmes/p1/proposal', {});
    await given(api, '/programmes/p1/waiver', { reason: 'urgent: patient safety' });
    await given(api, '/programmes/p1/decision', { decision: 'approved' });
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await kafka?.stop();
  });

  it('publishes each notification, keyed by the organisation it reaches, valid against its contract, and records it delivered', async () => {
    const config = validateWorkerConfig({ ORGCHANGE_DB: api.database.file, TIMER_INTERVAL_MS: '100', WORKER_HEALTH_PORT: '0', LOG_LEVEL: 'silent' });
    const notifications = notificationsConfigFrom({
      NOTIFY_KAFKA_BROKERS: kafka.brokers.join(','),
      KAFKA_TOPIC_PREFIX: topic.replace(/\.notifications\.v1$/, ''),
      KAFKA_PARTITIONS: '3',
      KAFKA_REPLICATION_FACTOR: '1',
      NOTIFY_LOG: 'false',
      NOTIFY_BACKOFF_MS: '50',
    });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, fakeClock('2026-05-01'), notifications), { logger: false });
    await worker.init();

    const listed = async (): Promise<NotificationView[]> => (await api.http.get('/programmes/p1/notifications').expect(200)).body.notifications;
    await eventually(async () => {
      const all = await listed();
      return all.length > 0 && all.every((n) => n.deliveries.some((d) => d.channel === 'kafka' && d.status === 'delivered'));
    });
    const expected = await listed();
    // Proposal published and programme decided (consultation waived), each to the three posts abolished.
    expect(expected).toHaveLength(6);
    expect(new Set(expected.map((n) => n.recipient.organisationId))).toEqual(new Set(['trust-a', 'trust-b']));

    const messages = await consumeAll(kafka.brokers, [topic], { until: (read) => new Set(read.map((m) => (JSON.parse(m.value!) as Envelope).id)).size >= expected.length });
    const schemas = new ContractSchemas();
    const envelopes = messages.map((m) => JSON.parse(m.value!) as Envelope);
    expect(envelopes.map((e) => schemas.problemWith(e)).filter(Boolean)).toEqual([]);
    expect(new Set(envelopes.map((e) => `${e.type} ${e.subject}`))).toEqual(new Set(['orgchange.Notification.v1 programme-p1']));
    expect(messages.every((m, i) => m.key === envelopes[i].data.recipient.organisationId && envelopes[i].id === envelopes[i].data.notificationId)).toBe(true);
    // Dedupe on id leaves each notification the worker recorded exactly once.
    expect([...new Set(envelopes.map((e) => e.id))].sort()).toEqual(expected.map((n) => n.notificationId).sort());
    expect([...byKey(messages).keys()].sort()).toEqual(['trust-a', 'trust-b']);
  });
});
