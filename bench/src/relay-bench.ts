import { eventUpcasters } from '@orgchange/domain';
import { chainUpcasters, type NewEvent, SqliteEventStore } from '@orgchange/event-store';
import { ContractSchemas, KafkaPublisher, MessageFactory, OrganisationKeys, OutboxRelay, type OutgoingMessage, topicNames } from '@orgchange/messaging';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnTestBroker } from '../../test/kafka-broker/spawn-test-broker';

export type RelayBenchResult = Readonly<{
  broker: string;
  relayThroughputEvents: number;
  relayThroughputEventsPerSec: number;
  commitToAckCommandsPerSec: number;
  commitToAckCommands: number;
  commitToAckP50Ms: number;
  commitToAckP99Ms: number;
  commitToAckMaxMs: number;
}>;

type Broker = Readonly<{ brokers: string[]; kind: string; stop: () => Promise<void> }>;

const ORGANISATIONS = 50;

/**
 * Issue 7's speed targets: relay throughput (events already in the outbox, drained to the broker) and the
 * time from an append's commit to the broker's acknowledgement of its message, with one command appended per
 * millisecond while the relay runs, against the broker {@link startBroker} picks; the relay uses acks -1,
 * and the idempotent producer where the broker has it (the mock cluster lacks it).
 */
export async function relayBench(options: { throughputEvents?: number; commandsPerSec?: number; seconds?: number } = {}): Promise<RelayBenchResult> {
  const broker = await startBroker();
  const dir = mkdtempSync(join(tmpdir(), 'orgchange-relay-bench-'));
  try {
    const throughput = await measureThroughput(broker, join(dir, 'throughput.sqlite'), options.throughputEvents ?? 50_000);
    const latency = await measureCommitToAck(broker, join(dir, 'latency.sqlite'), options.commandsPerSec ?? 1_000, options.seconds ?? 10);
    return { broker: broker.kind, ...throughput, ...latency };
  } finally {
    await broker.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const renamed = (organisation: number, seq: number): NewEvent => ({
  eventId: randomUUID(),
  type: 'UnitRenamed',
  version: 1,
  data: { organisationId: `org-${organisation}`, unitId: `unit-${seq % 7}`, name: `Division of medicine ${seq}`, effectiveFrom: '2026-04-01', reason: 'annual review' },
  metadata: { actor: 'bench', correlationId: randomUUID() },
});

function relayOver(store: SqliteEventStore, broker: Broker, sink?: (messages: readonly OutgoingMessage[]) => Promise<void>, slices = Number(process.env.RELAY_SLICES ?? 4)): { relay: OutboxRelay; publisher: KafkaPublisher } {
  const topics = topicNames(`bench-${randomUUID().slice(0, 8)}`);
  const publisher = new KafkaPublisher({ brokers: broker.brokers, clientId: 'relay-bench', idempotent: broker.kind !== 'mock-cluster', partitions: 6, replicationFactor: 1 });
  const factory = new MessageFactory({ topics, source: 'urn:orgchange:bench', schemas: new ContractSchemas(), keys: new OrganisationKeys(store) });
  const send = sink ?? ((messages: readonly OutgoingMessage[]) => publisher.send(messages));
  return { relay: new OutboxRelay(store.outbox, factory, { send }, { deadLetterTopic: topics.deadLetter, batchSize: 1000, slices, pollIntervalMs: 5 }), publisher };
}

async function measureThroughput(broker: Broker, file: string, events: number): Promise<Pick<RelayBenchResult, 'relayThroughputEvents' | 'relayThroughputEventsPerSec'>> {
  const setup = new SqliteEventStore({ file, synchronous: 'NORMAL' });
  for (let done = 0; done < events; done += 1000) {
    await setup.appendMany(Array.from({ length: ORGANISATIONS }, (_, o) => ({ streamId: `organisation-org-${o}`, events: Array.from({ length: 20 }, (__, i) => renamed(o, done + i)), expectedVersion: 'any' as const })));
  }
  await setup.close();
  const store = new SqliteEventStore({ file, upcast: chainUpcasters(eventUpcasters), synchronous: 'NORMAL' });
  const { relay, publisher } = relayOver(store, broker);
  try {
    await publisher.connect();
    const started = performance.now();
    const published = await relay.drain();
    const seconds = (performance.now() - started) / 1000;
    return { relayThroughputEvents: published, relayThroughputEventsPerSec: Math.round(published / seconds) };
  } finally {
    await publisher.close();
    await store.close();
  }
}

async function measureCommitToAck(broker: Broker, file: string, perSec: number, seconds: number): Promise<Omit<RelayBenchResult, 'broker' | 'relayThroughputEvents' | 'relayThroughputEventsPerSec'>> {
  const api = new SqliteEventStore({ file });
  // As apps/relay opens it: the relay's own writes are outbox deletes, whose loss on power failure only republishes.
  const relayStore = new SqliteEventStore({ file, upcast: chainUpcasters(eventUpcasters), synchronous: 'NORMAL' });
  const committedAt = new Map<string, number>();
  const latencies: number[] = [];
  let publisher!: KafkaPublisher;
  const ackRecorder = async (messages: readonly OutgoingMessage[]): Promise<void> => {
    await publisher.send(messages);
    const now = performance.now();
    for (const message of messages) {
      const id = (JSON.parse(message.value) as { id: string }).id;
      const committed = committedAt.get(id);
      if (committed !== undefined) latencies.push(now - committed);
    }
  };
  const built = relayOver(relayStore, broker, ackRecorder);
  publisher = built.publisher;
  try {
    await publisher.connect();
    built.relay.start();
    const total = perSec * seconds;
    const started = performance.now();
    const appends: Promise<void>[] = [];
    for (let i = 0; i < total; i += 1) {
      const due = started + (i * 1000) / perSec;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      const event = renamed(i % ORGANISATIONS, i);
      appends.push(api.append(`organisation-org-${i % ORGANISATIONS}`, [event], { expectedVersion: 'any' }).then(() => void committedAt.set(event.eventId, performance.now())));
    }
    await Promise.all(appends);
    const achieved = total / ((performance.now() - started) / 1000);
    for (const deadline = Date.now() + 30_000; latencies.length < total && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 20));
    await built.relay.stop();
    if (latencies.length < total) throw new Error(`relay bench: only ${latencies.length} of ${total} appends were acknowledged within 30 s`);
    latencies.sort((a, b) => a - b);
    const at = (q: number): number => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 10) / 10;
    return { commitToAckCommandsPerSec: Math.round(achieved), commitToAckCommands: total, commitToAckP50Ms: at(0.5), commitToAckP99Ms: at(0.99), commitToAckMaxMs: at(1) };
  } finally {
    await publisher.close();
    await relayStore.close();
    await api.close();
  }
}

/**
 * KAFKA_BROKERS; else the in-repo test broker (test/kafka-broker, a test double) in its own process on
 * loopback, which has the idempotent producer; or with RELAY_BENCH_BROKER=mock-cluster, librdkafka's
 * 3-broker mock cluster in a kcat process (no idempotent producer). Either is stopped by its PID.
 */
async function startBroker(): Promise<Broker> {
  const external = (process.env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  if (external.length > 0) return { brokers: external, kind: 'external', stop: async () => undefined };
  if (process.env.RELAY_BENCH_BROKER === 'mock-cluster') return startMockCluster();
  const broker = await spawnTestBroker({ partitions: 6 });
  return { brokers: broker.brokers, kind: 'test-broker', stop: broker.stop };
}

async function startMockCluster(): Promise<Broker> {
  const kcat = spawn('kcat', ['-X', 'test.mock.num.brokers=3', '-b', 'ignored', '-C', '-t', 'keepalive', '-o', 'end'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const brokers = await new Promise<string[]>((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`kcat printed no mock cluster within 10 s: ${stderr}`)), 10_000);
    kcat.once('error', (error) => reject(new Error(`RELAY_BENCH_BROKER=mock-cluster needs kcat (apt-get install -y kcat): ${error.message}`)));
    kcat.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /replaced with ((?:127\.0\.0\.1:\d+,?)+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        kcat.stderr!.removeAllListeners('data').resume();
        resolve(match[1].split(',').filter(Boolean));
      }
    });
  });
  return { brokers, kind: 'mock-cluster', stop: () => stopProcess(kcat) };
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

if (require.main === module) {
  void relayBench().then((result) => console.log(JSON.stringify(result, null, 2)));
}
