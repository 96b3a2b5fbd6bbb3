import type { ApiDefinition } from '../broker-context';
import { ErrorCode } from '../error-codes';
import { newEncoder, type WireEncoder } from '../kafka-codec';

const withThrottle = (version: number, fromVersion: number) => (version >= fromVersion ? newEncoder().writeInt32(0) : newEncoder());

/** FindCoordinator v0-v1: this node coordinates every group. */
export const findCoordinatorDefinition: ApiDefinition = {
  apiKey: 10,
  name: 'FindCoordinator',
  minVersion: 0,
  maxVersion: 1,
  handle: (body, version, context) => {
    body.readString();
    if (version >= 1) body.readInt8();
    const response = withThrottle(version, 1).writeInt16(ErrorCode.none);
    if (version >= 1) response.writeString(null);
    return response.writeInt32(context.nodeId).writeString(context.host).writeInt32(context.port);
  },
};

/** JoinGroup v1-v2: answers once the group's rebalance completes (see ConsumerGroup). */
export const joinGroupDefinition: ApiDefinition = {
  apiKey: 11,
  name: 'JoinGroup',
  minVersion: 1,
  maxVersion: 2,
  handle: async (body, version, context, clientId) => {
    const groupId = body.readString()!;
    const sessionTimeoutMs = body.readInt32();
    const rebalanceTimeoutMs = body.readInt32();
    const memberId = body.readString() ?? '';
    const protocolType = body.readString()!;
    const protocols = body.readArray((p) => ({ name: p.readString()!, metadata: p.readBytes() }));
    const result = await context.groups
      .group(groupId)
      .join({ memberId, clientId: clientId ?? 'member', sessionTimeoutMs, rebalanceTimeoutMs, protocolType, protocols });
    return withThrottle(version, 2)
      .writeInt16(result.errorCode)
      .writeInt32(result.generationId)
      .writeString(result.protocol)
      .writeString(result.leaderId)
      .writeString(result.memberId)
      .writeArray(result.members.map((m) => newEncoder().writeString(m.memberId).writeBytes(m.metadata)));
  },
};

/** SyncGroup v0-v1: the leader's assignments, handed to every member. */
export const syncGroupDefinition: ApiDefinition = {
  apiKey: 14,
  name: 'SyncGroup',
  minVersion: 0,
  maxVersion: 1,
  handle: async (body, version, context) => {
    const groupId = body.readString()!;
    const generationId = body.readInt32();
    const memberId = body.readString()!;
    const assignments = body.readArray((a) => ({ memberId: a.readString()!, assignment: a.readBytes() }));
    const result = await context.groups.group(groupId).sync(memberId, generationId, assignments);
    return withThrottle(version, 1).writeInt16(result.errorCode).writeBytes(result.assignment);
  },
};

/** Heartbeat v0-v1. */
export const heartbeatDefinition: ApiDefinition = {
  apiKey: 12,
  name: 'Heartbeat',
  minVersion: 0,
  maxVersion: 1,
  handle: (body, version, context) => {
    const groupId = body.readString()!;
    const generationId = body.readInt32();
    const memberId = body.readString()!;
    return withThrottle(version, 1).writeInt16(context.groups.group(groupId).heartbeat(memberId, generationId));
  },
};

/** LeaveGroup v0-v1. */
export const leaveGroupDefinition: ApiDefinition = {
  apiKey: 13,
  name: 'LeaveGroup',
  minVersion: 0,
  maxVersion: 1,
  handle: (body, version, context) => {
    const groupId = body.readString()!;
    const memberId = body.readString()!;
    return withThrottle(version, 1).writeInt16(context.groups.group(groupId).leave(memberId));
  },
};

/** OffsetCommit v2: accepted from the group's current members and generation (or -1 for a group nobody is in). */
export const offsetCommitDefinition: ApiDefinition = {
  apiKey: 8,
  name: 'OffsetCommit',
  minVersion: 2,
  maxVersion: 2,
  handle: (body, _version, context) => {
    const groupId = body.readString()!;
    const generationId = body.readInt32();
    const memberId = body.readString() ?? '';
    body.readInt64();
    const topics = body.readArray((t) => ({
      topic: t.readString()!,
      partitions: t.readArray((p) => ({ partition: p.readInt32(), offset: p.readInt64(), metadata: p.readString() })),
    }));
    const allowed = context.groups.group(groupId).commitAllowed(memberId, generationId);
    const responses: WireEncoder[] = topics.map(({ topic, partitions }) =>
      newEncoder()
        .writeString(topic)
        .writeArray(
          partitions.map(({ partition, offset, metadata }) => {
            let errorCode: number = allowed;
            if (errorCode === ErrorCode.none && !context.topics.partition(topic, partition)) errorCode = ErrorCode.unknownTopicOrPartition;
            if (errorCode === ErrorCode.none) context.groups.commit(groupId, topic, partition, offset, metadata);
            return newEncoder().writeInt32(partition).writeInt16(errorCode);
          }),
        ),
    );
    return newEncoder().writeArray(responses);
  },
};

/** OffsetFetch v1-v2: committed offsets, -1 where none; no topics listed = everything the group committed. */
export const offsetFetchDefinition: ApiDefinition = {
  apiKey: 9,
  name: 'OffsetFetch',
  minVersion: 1,
  maxVersion: 2,
  handle: (body, version, context) => {
    const groupId = body.readString()!;
    let topics = body.readArray((t) => ({ topic: t.readString()!, partitions: t.readArray((p) => p.readInt32()) }));
    if (topics.length === 0) {
      const byTopic = new Map<string, number[]>();
      for (const { topic, partition } of context.groups.committedPartitions(groupId)) {
        byTopic.set(topic, [...(byTopic.get(topic) ?? []), partition]);
      }
      topics = [...byTopic].map(([topic, partitions]) => ({ topic, partitions }));
    }
    const response = newEncoder().writeArray(
      topics.map(({ topic, partitions }) =>
        newEncoder()
          .writeString(topic)
          .writeArray(
            partitions.map((partition) => {
              const committed = context.groups.committed(groupId, topic, partition);
              return newEncoder()
                .writeInt32(partition)
                .writeInt64(committed?.offset ?? -1n)
                .writeString(committed?.metadata ?? '')
                .writeInt16(ErrorCode.none);
            }),
          ),
      ),
    );
    if (version >= 2) response.writeInt16(ErrorCode.none);
    return response;
  },
};
