import { EventEmitter } from 'node:events';
import { ErrorCode } from './error-codes';
import { PartitionLog } from './partition-log';

const legalTopicName = /^[a-zA-Z0-9._-]{1,249}$/;

/** Topics and their partition logs; emits 'append' after every append so waiting fetches can answer. */
export class TopicRegistry extends EventEmitter {
  private readonly topics = new Map<string, PartitionLog[]>();

  constructor(readonly defaultPartitions: number) {
    super();
    this.setMaxListeners(0);
  }

  names(): string[] {
    return [...this.topics.keys()];
  }

  partitions(topic: string): PartitionLog[] | undefined {
    return this.topics.get(topic);
  }

  partition(topic: string, partition: number): PartitionLog | undefined {
    return this.topics.get(topic)?.[partition];
  }

  /** Creates a topic; returns a Kafka error code and message, as CreateTopics reports them. */
  create(topic: string, partitions: number, replicationFactor: number, validateOnly = false): { errorCode: number; message: string | null } {
    if (!legalTopicName.test(topic) || topic === '.' || topic === '..') {
      return { errorCode: ErrorCode.invalidTopic, message: `Topic name "${topic}" is illegal: use 1-249 of [a-zA-Z0-9._-]` };
    }
    if (this.topics.has(topic)) return { errorCode: ErrorCode.topicAlreadyExists, message: `Topic '${topic}' already exists.` };
    const count = partitions === -1 ? this.defaultPartitions : partitions;
    if (!Number.isInteger(count) || count < 1) {
      return { errorCode: ErrorCode.invalidPartitions, message: `Number of partitions must be at least 1, got ${partitions}.` };
    }
    if (replicationFactor !== -1 && replicationFactor !== 1) {
      return {
        errorCode: ErrorCode.invalidReplicationFactor,
        message: `Replication factor: ${replicationFactor} larger than available brokers: 1 (this test broker is a single node).`,
      };
    }
    if (!validateOnly) this.topics.set(topic, Array.from({ length: count }, () => new PartitionLog()));
    return { errorCode: ErrorCode.none, message: null };
  }

  notifyAppend(): void {
    this.emit('append');
  }
}
