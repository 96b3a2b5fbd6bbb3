import { randomUUID } from 'node:crypto';
import { ErrorCode } from './error-codes';

export type JoinRequest = {
  memberId: string;
  clientId: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocolType: string;
  protocols: { name: string; metadata: Buffer }[];
};
export type JoinResult = {
  errorCode: number;
  generationId: number;
  protocol: string;
  leaderId: string;
  memberId: string;
  members: { memberId: string; metadata: Buffer }[];
};
export type SyncResult = { errorCode: number; assignment: Buffer };

type Member = {
  id: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocols: { name: string; metadata: Buffer }[];
  lastSeen: number;
  assignment: Buffer;
  pendingJoin?: (result: JoinResult) => void;
  pendingSync?: (result: SyncResult) => void;
};

type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable';

/**
 * One consumer group's membership protocol, as Kafka's group coordinator runs it (simplified):
 * a join moves the group to PreparingRebalance; the rebalance completes once every known member has
 * rejoined, or when the longest rebalance timeout passes (members that did not rejoin are dropped); the
 * leader's SyncGroup hands out assignments; heartbeats keep members alive and tell them of a rebalance.
 */
export class ConsumerGroup {
  private state: GroupState = 'Empty';
  private generationId = 0;
  private protocol = '';
  private leaderId = '';
  private readonly members = new Map<string, Member>();
  private rebalanceDeadline?: NodeJS.Timeout;

  constructor(readonly groupId: string) {}

  join(request: JoinRequest): Promise<JoinResult> {
    const failed = (errorCode: number): Promise<JoinResult> =>
      Promise.resolve({ errorCode, generationId: -1, protocol: '', leaderId: '', memberId: request.memberId, members: [] });
    if (request.memberId !== '' && !this.members.has(request.memberId)) return failed(ErrorCode.unknownMemberId);
    if (this.members.size > 0 && !request.protocols.some((p) => this.commonProtocols().includes(p.name))) {
      return failed(ErrorCode.inconsistentGroupProtocol);
    }
    const memberId = request.memberId || `${request.clientId}-${randomUUID()}`;
    const existing = this.members.get(memberId);
    existing?.pendingSync?.({ errorCode: ErrorCode.rebalanceInProgress, assignment: Buffer.alloc(0) });
    const member: Member = {
      id: memberId,
      sessionTimeoutMs: request.sessionTimeoutMs,
      rebalanceTimeoutMs: request.rebalanceTimeoutMs,
      protocols: request.protocols,
      lastSeen: Date.now(),
      assignment: Buffer.alloc(0),
    };
    this.members.set(memberId, member);
    const result = new Promise<JoinResult>((resolve) => (member.pendingJoin = resolve));
    this.prepareRebalance();
    this.completeRebalanceIfReady();
    return result;
  }

  sync(memberId: string, generationId: number, assignments: { memberId: string; assignment: Buffer }[]): Promise<SyncResult> {
    const member = this.members.get(memberId);
    const failed = (errorCode: number) => Promise.resolve({ errorCode, assignment: Buffer.alloc(0) });
    if (!member) return failed(ErrorCode.unknownMemberId);
    if (generationId !== this.generationId) return failed(ErrorCode.illegalGeneration);
    if (this.state === 'PreparingRebalance') return failed(ErrorCode.rebalanceInProgress);
    member.lastSeen = Date.now();
    if (this.state === 'Stable') return Promise.resolve({ errorCode: ErrorCode.none, assignment: member.assignment });
    const result = new Promise<SyncResult>((resolve) => (member.pendingSync = resolve));
    if (memberId === this.leaderId) {
      const given = new Map(assignments.map((a) => [a.memberId, a.assignment]));
      this.state = 'Stable';
      for (const each of this.members.values()) {
        each.assignment = given.get(each.id) ?? Buffer.alloc(0);
        each.pendingSync?.({ errorCode: ErrorCode.none, assignment: each.assignment });
        each.pendingSync = undefined;
      }
    }
    return result;
  }

  heartbeat(memberId: string, generationId: number): number {
    const member = this.members.get(memberId);
    if (!member) return ErrorCode.unknownMemberId;
    member.lastSeen = Date.now();
    if (this.state === 'PreparingRebalance') return ErrorCode.rebalanceInProgress;
    if (generationId !== this.generationId) return ErrorCode.illegalGeneration;
    return ErrorCode.none;
  }

  leave(memberId: string): number {
    if (!this.members.has(memberId)) return ErrorCode.unknownMemberId;
    this.remove(memberId);
    return ErrorCode.none;
  }

  /** Whether an offset commit from this member and generation is accepted (-1 = a commit outside the group protocol). */
  commitAllowed(memberId: string, generationId: number): number {
    if (generationId === -1 && this.members.size === 0) return ErrorCode.none;
    if (!this.members.has(memberId)) return ErrorCode.unknownMemberId;
    if (generationId !== this.generationId) return ErrorCode.illegalGeneration;
    return ErrorCode.none;
  }

  /** Drops members whose session timed out without a heartbeat, join or sync. */
  expireSessions(now: number): void {
    for (const member of [...this.members.values()]) {
      if (!member.pendingJoin && now - member.lastSeen > member.sessionTimeoutMs) this.remove(member.id);
    }
  }

  close(): void {
    clearTimeout(this.rebalanceDeadline);
  }

  private remove(memberId: string): void {
    const member = this.members.get(memberId);
    this.members.delete(memberId);
    member?.pendingSync?.({ errorCode: ErrorCode.unknownMemberId, assignment: Buffer.alloc(0) });
    if (this.members.size === 0) {
      clearTimeout(this.rebalanceDeadline);
      this.state = 'Empty';
      return;
    }
    this.prepareRebalance();
    this.completeRebalanceIfReady();
  }

  private prepareRebalance(): void {
    if (this.state === 'PreparingRebalance') return;
    this.state = 'PreparingRebalance';
    for (const member of this.members.values()) {
      member.pendingSync?.({ errorCode: ErrorCode.rebalanceInProgress, assignment: Buffer.alloc(0) });
      member.pendingSync = undefined;
    }
    const timeout = Math.max(...[...this.members.values()].map((m) => m.rebalanceTimeoutMs));
    clearTimeout(this.rebalanceDeadline);
    this.rebalanceDeadline = setTimeout(() => this.dropLaggardsAndComplete(), timeout);
    this.rebalanceDeadline.unref();
  }

  private dropLaggardsAndComplete(): void {
    for (const member of [...this.members.values()]) if (!member.pendingJoin) this.members.delete(member.id);
    this.completeRebalanceIfReady();
  }

  private completeRebalanceIfReady(): void {
    const members = [...this.members.values()];
    if (this.state !== 'PreparingRebalance' || members.length === 0 || members.some((m) => !m.pendingJoin)) return;
    clearTimeout(this.rebalanceDeadline);
    this.generationId += 1;
    this.state = 'CompletingRebalance';
    if (!this.members.has(this.leaderId)) this.leaderId = members[0].id;
    const leader = this.members.get(this.leaderId)!;
    const common = this.commonProtocols();
    this.protocol = leader.protocols.map((p) => p.name).find((name) => common.includes(name)) ?? '';
    const metadataOf = (m: Member) => m.protocols.find((p) => p.name === this.protocol)?.metadata ?? Buffer.alloc(0);
    for (const member of members) {
      const reply = member.pendingJoin!;
      member.pendingJoin = undefined;
      member.lastSeen = Date.now();
      reply({
        errorCode: ErrorCode.none,
        generationId: this.generationId,
        protocol: this.protocol,
        leaderId: this.leaderId,
        memberId: member.id,
        members: member.id === this.leaderId ? members.map((m) => ({ memberId: m.id, metadata: metadataOf(m) })) : [],
      });
    }
  }

  private commonProtocols(): string[] {
    const [first, ...rest] = [...this.members.values()];
    if (!first) return [];
    return first.protocols.map((p) => p.name).filter((name) => rest.every((m) => m.protocols.some((p) => p.name === name)));
  }
}
