/**
 * TEST DOUBLE — an in-memory, single-node stand-in for a Kafka broker, speaking the real Kafka wire protocol
 * over TCP on 127.0.0.1 so unmodified kafkajs 2.2.4 clients (producer, idempotent producer, consumer group,
 * admin createTopics) run against it. Built on kafkajs's own Encoder/Decoder and CRC-32C classes.
 *
 * What it models: ApiVersions, Metadata (this node is leader of every partition and the controller),
 * CreateTopics, auto-created topics, InitProducerId and idempotent Produce (per producer id, epoch and
 * partition sequence checks; a resent batch among the last 5 is acknowledged with its first offset and not
 * stored twice; gaps and other overlaps are refused), Produce with any acks (acks 0 gets no answer), Fetch
 * with a long poll, ListOffsets, FindCoordinator, JoinGroup, SyncGroup, Heartbeat, LeaveGroup (a simplified
 * group coordinator with session and rebalance timeouts), OffsetCommit and OffsetFetch.
 *
 * Limits — do not read its behaviour as Kafka's beyond these:
 * - one node, no replication (replication factor > 1 is refused as a one-broker cluster refuses it), no ISR,
 *   so acks 1 and -1 behave the same;
 * - in memory only: everything is gone on stop(); no retention, compaction, deletion or log segments;
 * - no transactions (transactional ids and transactional batches are refused with INVALID_REQUEST), no
 *   read_committed distinction, no control batches;
 * - compressed batches are stored and served as sent, never decompressed or validated inside;
 * - ListOffsets by timestamp resolves to batch granularity; throttling, quotas, ACLs, SASL/TLS, DeleteTopics,
 *   CreatePartitions, DescribeGroups/ListGroups and configs are not implemented (not advertised in ApiVersions);
 * - only the protocol versions listed in its ApiVersions answer (the ones kafkajs 2.2.4 then chooses).
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { ApiDefinition, BrokerContext } from './broker-context';
import { GroupCoordinator } from './group-coordinator';
import { fetchDefinition, listOffsetsDefinition } from './handlers/fetch.handlers';
import {
  findCoordinatorDefinition,
  heartbeatDefinition,
  joinGroupDefinition,
  leaveGroupDefinition,
  offsetCommitDefinition,
  offsetFetchDefinition,
  syncGroupDefinition,
} from './handlers/group.handlers';
import { apiVersionsDefinition, apiVersionsKey, createTopicsDefinition, metadataDefinition, unsupportedApiVersions } from './handlers/metadata.handlers';
import { initProducerIdDefinition, produceDefinition } from './handlers/produce.handlers';
import { ProducerSequences } from './producer-sequences';
import { FrameReader, parseRequest, responseFrame } from './request-frame';
import { TopicRegistry } from './topic-registry';

export type TestBrokerOptions = {
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Partitions of an auto-created topic or of CreateTopics with -1 (Kafka's num.partitions); default 1. */
  defaultPartitions?: number;
  /** Create unknown topics on Metadata requests (Kafka's auto.create.topics.enable); default true. */
  autoCreateTopics?: boolean;
};

export type TestBroker = { brokers: string[]; port: number; stop(): Promise<void> };

export async function startTestBroker(options: TestBrokerOptions = {}): Promise<TestBroker> {
  const host = '127.0.0.1';
  const topics = new TopicRegistry(options.defaultPartitions ?? 1);
  const groups = new GroupCoordinator();
  const context: BrokerContext = {
    nodeId: 0,
    host,
    port: 0,
    autoCreateTopics: options.autoCreateTopics ?? true,
    topics,
    producers: new ProducerSequences(),
    groups,
  };
  const apis: ApiDefinition[] = [];
  apis.push(
    apiVersionsDefinition(() => apis),
    metadataDefinition,
    createTopicsDefinition,
    produceDefinition,
    initProducerIdDefinition,
    fetchDefinition,
    listOffsetsDefinition,
    findCoordinatorDefinition,
    joinGroupDefinition,
    syncGroupDefinition,
    heartbeatDefinition,
    leaveGroupDefinition,
    offsetCommitDefinition,
    offsetFetchDefinition,
  );
  const byKey = new Map(apis.map((api) => [api.apiKey, api]));
  const sockets = new Set<Socket>();
  const server = createServer((socket) => serve(socket, byKey, context, sockets));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  context.port = (server.address() as AddressInfo).port;
  return {
    brokers: [`${host}:${context.port}`],
    port: context.port,
    stop: () => stopServer(server, sockets, groups),
  };
}

/** Requests on one connection are handled one at a time and answered in order, as a Kafka broker does. */
function serve(socket: Socket, apis: Map<number, ApiDefinition>, context: BrokerContext, sockets: Set<Socket>): void {
  sockets.add(socket);
  socket.setNoDelay(true);
  const reader = new FrameReader();
  let queue = Promise.resolve();
  socket.on('data', (chunk) => {
    let frames: Buffer[];
    try {
      frames = reader.push(chunk);
    } catch {
      socket.destroy();
      return;
    }
    for (const frame of frames) queue = queue.then(() => answer(frame, socket, apis, context));
  });
  socket.on('error', () => socket.destroy());
  socket.on('close', () => sockets.delete(socket));
}

async function answer(frame: Buffer, socket: Socket, apis: Map<number, ApiDefinition>, context: BrokerContext): Promise<void> {
  if (socket.destroyed) return;
  try {
    const request = parseRequest(frame);
    const api = apis.get(request.apiKey);
    if (request.apiKey === apiVersionsKey && request.apiVersion > api!.maxVersion) {
      // As a broker does: a v0 answer with UNSUPPORTED_VERSION and the supported list, so the client can step down.
      socket.write(responseFrame(request.correlationId, unsupportedApiVersions([...apis.values()])));
      return;
    }
    if (!api || request.apiVersion < api.minVersion || request.apiVersion > api.maxVersion) {
      // A broker closes the connection on an API or version it does not serve.
      socket.destroy();
      return;
    }
    const body = await api.handle(request.body, request.apiVersion, context, request.clientId);
    if (body && !socket.destroyed) socket.write(responseFrame(request.correlationId, body));
  } catch {
    // An undecodable request: a broker drops the connection rather than guess.
    socket.destroy();
  }
}

async function stopServer(server: Server, sockets: Set<Socket>, groups: GroupCoordinator): Promise<void> {
  groups.close();
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
