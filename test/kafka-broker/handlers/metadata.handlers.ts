import type { ApiDefinition, BrokerContext } from '../broker-context';
import { ErrorCode } from '../error-codes';
import { newEncoder, type WireDecoder, type WireEncoder } from '../kafka-codec';

export const apiVersionsKey = 18;

const versionList = (all: readonly ApiDefinition[], errorCode: number) =>
  newEncoder()
    .writeInt16(errorCode)
    .writeArray(all.map((d) => newEncoder().writeInt16(d.apiKey).writeInt16(d.minVersion).writeInt16(d.maxVersion)));

/** ApiVersions v0-v2: the versions this broker implements, so kafkajs picks exactly those. */
export function apiVersionsDefinition(all: () => readonly ApiDefinition[]): ApiDefinition {
  return {
    apiKey: apiVersionsKey,
    name: 'ApiVersions',
    minVersion: 0,
    maxVersion: 2,
    handle: (_body, version) => {
      const response = versionList(all(), ErrorCode.none);
      if (version >= 1) response.writeInt32(0);
      return response;
    },
  };
}

/** The v0-shaped answer to an ApiVersions request of a newer version than this broker serves. */
export const unsupportedApiVersions = (all: readonly ApiDefinition[]): WireEncoder => versionList(all, ErrorCode.unsupportedVersion);

/** Metadata v1: one broker, which is also the controller (admin operations need one). */
export const metadataDefinition: ApiDefinition = {
  apiKey: 3,
  name: 'Metadata',
  minVersion: 1,
  maxVersion: 1,
  handle: (body: WireDecoder, _version, context: BrokerContext) => {
    const requested = body.readArray((d) => d.readString()!);
    const names = requested.length === 0 ? context.topics.names() : requested;
    const topics = names.map((name) => topicMetadata(name, context));
    return newEncoder()
      .writeArray([newEncoder().writeInt32(context.nodeId).writeString(context.host).writeInt32(context.port).writeString(null)])
      .writeInt32(context.nodeId)
      .writeArray(topics);
  },
};

function topicMetadata(name: string, context: BrokerContext): WireEncoder {
  if (!context.topics.partitions(name) && context.autoCreateTopics) context.topics.create(name, -1, -1);
  const partitions = context.topics.partitions(name);
  if (!partitions) return newEncoder().writeInt16(ErrorCode.unknownTopicOrPartition).writeString(name).writeBoolean(false).writeArray([]);
  const node = [context.nodeId];
  return newEncoder()
    .writeInt16(ErrorCode.none)
    .writeString(name)
    .writeBoolean(false)
    .writeArray(
      partitions.map((_log, id) =>
        newEncoder().writeInt16(ErrorCode.none).writeInt32(id).writeInt32(context.nodeId).writeArray(node, 'int32').writeArray(node, 'int32'),
      ),
    );
}

/** CreateTopics v0-v2 (v1 adds validate_only and error messages, v2 a throttle time). */
export const createTopicsDefinition: ApiDefinition = {
  apiKey: 19,
  name: 'CreateTopics',
  minVersion: 0,
  maxVersion: 2,
  handle: (body, version, context) => {
    const requests = body.readArray((d) => {
      const topic = d.readString()!;
      const partitions = d.readInt32();
      const replicationFactor = d.readInt16();
      const assignments = d.readArray((a) => ({ partition: a.readInt32(), replicas: a.readArray((r) => r.readInt32()) }));
      d.readArray((c) => ({ name: c.readString(), value: c.readString() }));
      return { topic, partitions, replicationFactor, assignments };
    });
    body.readInt32();
    const validateOnly = version >= 1 ? body.readBoolean() : false;
    const results = requests.map((r) => {
      const partitions = r.assignments.length > 0 ? r.assignments.length : r.partitions;
      const outcome = context.topics.create(r.topic, partitions, r.assignments.length > 0 ? 1 : r.replicationFactor, validateOnly);
      const entry = newEncoder().writeString(r.topic).writeInt16(outcome.errorCode);
      return version >= 1 ? entry.writeString(outcome.message) : entry;
    });
    const response = newEncoder();
    if (version >= 2) response.writeInt32(0);
    return response.writeArray(results);
  },
};
