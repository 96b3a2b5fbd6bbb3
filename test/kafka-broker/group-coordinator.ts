import { ConsumerGroup } from './consumer-group';

type CommittedOffset = { offset: bigint; metadata: string | null };

/** Consumer groups and their committed offsets, in memory; checks sessions every 200 ms. */
export class GroupCoordinator {
  private readonly groups = new Map<string, ConsumerGroup>();
  private readonly offsets = new Map<string, Map<string, CommittedOffset>>();
  private readonly sessionCheck: NodeJS.Timeout;

  constructor() {
    this.sessionCheck = setInterval(() => {
      const now = Date.now();
      for (const group of this.groups.values()) group.expireSessions(now);
    }, 200);
    this.sessionCheck.unref();
  }

  group(groupId: string): ConsumerGroup {
    let group = this.groups.get(groupId);
    if (!group) {
      group = new ConsumerGroup(groupId);
      this.groups.set(groupId, group);
    }
    return group;
  }

  commit(groupId: string, topic: string, partition: number, offset: bigint, metadata: string | null): void {
    const committed = this.offsets.get(groupId) ?? new Map<string, CommittedOffset>();
    committed.set(`${topic}\u0000${partition}`, { offset, metadata });
    this.offsets.set(groupId, committed);
  }

  committed(groupId: string, topic: string, partition: number): CommittedOffset | undefined {
    return this.offsets.get(groupId)?.get(`${topic}\u0000${partition}`);
  }

  /** Every (topic, partition) the group has committed, for an OffsetFetch that names no topics. */
  committedPartitions(groupId: string): { topic: string; partition: number }[] {
    return [...(this.offsets.get(groupId)?.keys() ?? [])].map((key) => {
      const [topic, partition] = key.split('\u0000');
      return { topic, partition: Number(partition) };
    });
  }

  close(): void {
    clearInterval(this.sessionCheck);
    for (const group of this.groups.values()) group.close();
  }
}
