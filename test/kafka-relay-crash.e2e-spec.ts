import { SqliteEventStore, type NewEvent } from '@orgchange/event-store';
import { schemaDirectory, topicNames } from '@orgchange/messaging';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileForChild } from '../libs/testing/src/compile-for-child';
import { byKey, consumeAll, type ConsumedMessage } from './support/kafka/consume-all';
import { startTestKafka, type TestKafka } from './support/kafka/test-kafka';

jest.setTimeout(600_000);

const ROOT = join(__dirname, '..');
const TRIALS = 20;
const ORGANISATIONS = 6;
const EVENTS = 300;
const BATCH_SIZE = 40;
/** The relay sends a batch as this many produce requests (slices), each acknowledged on its own. */
const SLICES = 4;
const SEND_SIZE = BATCH_SIZE / SLICES;
const CHILD_DEADLINE_MS = 60_000;
const LANES = 2;

/**
 * The child: the relay core over the trial's database, publishing to the trial's topics. With a kill point
 * it SIGKILLs itself right after the broker acknowledged its n-th produce request and before its outbox rows are marked
 * sent: the worst moment, mid-batch, where the batch is in Kafka but the outbox still holds it. Without one it
 * drains the outbox and exits 0.
 */
const CHILD_SOURCE = `
const { join } = require('node:path');
const [compiled, file, brokers, prefix, schemaDir, idempotent, killAfter] = process.argv.slice(2);
const { SqliteEventStore } = require(join(compiled, 'libs/event-store/src/index.js'));
const m = require(join(compiled, 'libs/messaging/src/index.js'));
(async () => {
  const store = new SqliteEventStore({ file });
  const topics = m.topicNames(prefix);
  const publisher = new m.KafkaPublisher({ brokers: brokers.split(','), clientId: 'crash-relay', idempotent: idempotent === 'true', partitions: 3, replicationFactor: 1 });
  let acks = 0;
  const sink = { send: async (messages) => {
    await publisher.send(messages);
    acks += 1;
    if (Number(killAfter) > 0 && acks >= Number(killAfter)) process.kill(process.pid, 'SIGKILL');
  } };
  const factory = new m.MessageFactory({ topics, source: 'urn:orgchange:crash', schemas: new m.ContractSchemas(schemaDir), keys: new m.OrganisationKeys(store) });
  const relay = new m.OutboxRelay(store.outbox, factory, sink, { deadLetterTopic: topics.deadLetter, batchSize: ${BATCH_SIZE}, slices: ${SLICES} });
  await relay.drain();
  await publisher.close();
  await store.close();
  process.exit(0);
})().catch((error) => { console.error(error); process.exit(1); });
`;

const unitRenamed = (organisationId: string, seq: number): NewEvent => ({
  eventId: randomUUID(),
  type: 'UnitRenamed',
  version: 1,
  data: { organisationId, unitId: 'u1', name: `Name ${seq}`, effectiveFrom: '2024-04-01' },
  metadata: { actor: 'test', correlationId: randomUUID() },
});

describe('relay SIGKILLed mid-batch and restarted (20 trials)', () => {
  let kafka: TestKafka;
  let dir: string;
  let child: string;
  let expected: { eventId: string; key: string; position: bigint }[];
  const prefixes: string[] = [];

  beforeAll(async () => {
    kafka = await startTestKafka();
    dir = mkdtempSync(join(tmpdir(), 'orgchange-relay-crash-'));
    await compileForChild(join(dir, 'compiled'), ['domain/src', 'event-store/src', 'messaging/src']);
    child = join(dir, 'relay-child.js');
    writeFileSync(child, CHILD_SOURCE);
    const template = new SqliteEventStore({ file: join(dir, 'template.sqlite') });
    expected = [];
    for (let seq = 0; seq < EVENTS; seq += 1) {
      const key = `org-${seq % ORGANISATIONS}`;
      const event = unitRenamed(key, seq);
      const [stored] = (await template.append(`organisation-${key}`, [event], { expectedVersion: 'any' })).events;
      expected.push({ eventId: event.eventId, key, position: stored.globalPosition });
    }
    await template.close();
  });
  afterAll(async () => {
    await kafka?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function runChild(file: string, prefix: string, killAfter: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
    const idempotent = String(kafka.kind !== 'mock-cluster');
    const running = spawn(process.execPath, [child, join(dir, 'compiled'), file, kafka.brokers.join(','), prefix, schemaDirectory(), idempotent, String(killAfter)], {
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    running.stderr!.on('data', (chunk) => (stderr += String(chunk)));
    const deadline = setTimeout(() => running.kill('SIGKILL'), CHILD_DEADLINE_MS);
    return new Promise((resolve) =>
      running.on('exit', (code, signal) => {
        clearTimeout(deadline);
        resolve({ code, signal, stderr });
      }),
    );
  }

  it('delivers each event exactly once to a consumer that dedupes on id, in order per key', async () => {
    const trial = async (index: number): Promise<void> => {
      const file = join(dir, `trial-${index}.sqlite`);
      copyFileSync(join(dir, 'template.sqlite'), file);
      const prefix = prefixes[index];
      const killAfter = 1 + ((index * 7) % (EVENTS / SEND_SIZE - 1));

      const killed = await runChild(file, prefix, killAfter);
      expect(killed).toMatchObject({ signal: 'SIGKILL' });
      const leftAfterKill = await waiting(file);
      expect(leftAfterKill).toBe(EVENTS - (killAfter - 1) * SEND_SIZE);

      const restarted = await runChild(file, prefix, 0);
      expect({ code: restarted.code, stderr: restarted.stderr }).toEqual({ code: 0, stderr: '' });
      expect(await waiting(file)).toBe(0);
    };
    for (let index = 0; index < TRIALS; index += 1) prefixes.push(`crash-${index}-${randomUUID().slice(0, 8)}`);
    // Trials side by side, LANES at a time: each mostly waits for its child to start and for the broker.
    for (let first = 0; first < TRIALS; first += LANES) {
      await Promise.all(Array.from({ length: Math.min(LANES, TRIALS - first) }, (_, lane) => trial(first + lane)));
    }

    const topicsOfTrials = prefixes.map((prefix) => topicNames(prefix).restructures);
    const messages = await consumeAll(kafka.brokers, topicsOfTrials, {
      until: (all) => distinctPerTopic(all).every((ids) => ids.size >= EVENTS) && distinctPerTopic(all).length === TRIALS,
      timeoutMs: 180_000,
    });

    let duplicates = 0;
    for (const topic of topicsOfTrials) {
      const ofTrial = messages.filter((m) => m.topic === topic);
      const seen = dedupe(ofTrial);
      duplicates += ofTrial.length - seen.length;
      expect(seen.map(idOf).sort()).toEqual(expected.map((e) => e.eventId).sort());
      for (const [key, list] of byKey(seen)) {
        expect(list.map(idOf)).toEqual(expected.filter((e) => e.key === key).map((e) => e.eventId));
      }
    }
    // Each kill landed between an ack and its mark, so the request acknowledged last went out twice.
    expect(duplicates).toBe(TRIALS * SEND_SIZE);
  });

  async function waiting(file: string): Promise<number> {
    const store = new SqliteEventStore({ file });
    try {
      return (await store.outbox.lag()).waiting;
    } finally {
      await store.close();
    }
  }

  function distinctPerTopic(messages: readonly ConsumedMessage[]): Set<string>[] {
    const ids = new Map<string, Set<string>>();
    for (const m of messages) ids.set(m.topic, (ids.get(m.topic) ?? new Set()).add(idOf(m)));
    return [...ids.values()];
  }
});

const idOf = (message: ConsumedMessage): string => JSON.parse(message.value!).id;

function dedupe(messages: readonly ConsumedMessage[]): ConsumedMessage[] {
  const seen = new Set<string>();
  return messages.filter((m) => {
    if (seen.has(idOf(m))) return false;
    seen.add(idOf(m));
    return true;
  });
}
