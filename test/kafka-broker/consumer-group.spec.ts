import { ConsumerGroup, type JoinRequest } from './consumer-group';
import { ErrorCode } from './error-codes';

const request = (memberId = '', protocols = ['RoundRobinAssigner']): JoinRequest => ({
  memberId,
  clientId: 'client',
  sessionTimeoutMs: 10_000,
  rebalanceTimeoutMs: 30_000,
  protocolType: 'consumer',
  protocols: protocols.map((name) => ({ name, metadata: Buffer.from(name) })),
});

describe('ConsumerGroup (test broker coordinator)', () => {
  let group: ConsumerGroup;
  beforeEach(() => (group = new ConsumerGroup('g')));
  afterEach(() => group.close());

  it('makes the first member leader, sends it the members, and hands the leader’s assignment out on sync', async () => {
    const joined = await group.join(request());
    expect(joined).toMatchObject({ errorCode: ErrorCode.none, generationId: 1, protocol: 'RoundRobinAssigner', leaderId: joined.memberId });
    expect(joined.members).toEqual([{ memberId: joined.memberId, metadata: Buffer.from('RoundRobinAssigner') }]);
    const synced = await group.sync(joined.memberId, 1, [{ memberId: joined.memberId, assignment: Buffer.from('all') }]);
    expect(synced).toEqual({ errorCode: ErrorCode.none, assignment: Buffer.from('all') });
    expect(group.heartbeat(joined.memberId, 1)).toBe(ErrorCode.none);
  });

  it('tells a stable member of a rebalance through its heartbeat, and completes once every member rejoined', async () => {
    const first = await group.join(request());
    await group.sync(first.memberId, 1, [{ memberId: first.memberId, assignment: Buffer.from('all') }]);
    const second = group.join(request());
    expect(group.heartbeat(first.memberId, 1)).toBe(ErrorCode.rebalanceInProgress);
    const [again, joined] = await Promise.all([group.join(request(first.memberId)), second]);
    expect(again).toMatchObject({ generationId: 2, leaderId: first.memberId });
    expect(again.members).toHaveLength(2);
    expect(joined).toMatchObject({ generationId: 2, leaderId: first.memberId, members: [] });
    const followerSync = group.sync(joined.memberId, 2, []);
    await group.sync(first.memberId, 2, [
      { memberId: first.memberId, assignment: Buffer.from('half-1') },
      { memberId: joined.memberId, assignment: Buffer.from('half-2') },
    ]);
    expect(await followerSync).toEqual({ errorCode: ErrorCode.none, assignment: Buffer.from('half-2') });
  });

  it('refuses unknown members, stale generations and protocols nobody shares', async () => {
    const member = await group.join(request());
    expect(group.heartbeat('nobody', 1)).toBe(ErrorCode.unknownMemberId);
    await group.sync(member.memberId, 1, []);
    expect(group.heartbeat(member.memberId, 0)).toBe(ErrorCode.illegalGeneration);
    expect(group.commitAllowed(member.memberId, 0)).toBe(ErrorCode.illegalGeneration);
    expect(await group.join(request('', ['Other']))).toMatchObject({ errorCode: ErrorCode.inconsistentGroupProtocol });
    expect(await group.join(request('ghost'))).toMatchObject({ errorCode: ErrorCode.unknownMemberId });
  });

  it('drops a member whose session expired; the group left empty accepts generation -1 commits', async () => {
    const first = await group.join(request());
    await group.sync(first.memberId, 1, []);
    group.expireSessions(Date.now() + 10_001);
    expect(group.heartbeat(first.memberId, 1)).toBe(ErrorCode.unknownMemberId);
    expect(group.commitAllowed('', -1)).toBe(ErrorCode.none);
  });

  it('drops members that do not rejoin within the rebalance timeout', async () => {
    jest.useFakeTimers();
    try {
      const first = await group.join(request());
      await group.sync(first.memberId, 1, []);
      const newcomer = group.join(request());
      jest.advanceTimersByTime(30_000);
      expect(await newcomer).toMatchObject({ errorCode: ErrorCode.none, generationId: 2, members: [expect.anything()] });
      expect(group.heartbeat(first.memberId, 2)).toBe(ErrorCode.unknownMemberId);
    } finally {
      jest.useRealTimers();
    }
  });

  it('lets the last member leave and empties the group', async () => {
    const member = await group.join(request());
    expect(group.leave(member.memberId)).toBe(ErrorCode.none);
    expect(group.leave(member.memberId)).toBe(ErrorCode.unknownMemberId);
  });
});
