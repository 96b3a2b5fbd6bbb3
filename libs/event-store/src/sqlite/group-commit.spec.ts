import { GroupCommit, type Outcome } from './group-commit';

describe('GroupCommit', () => {
  const recording = (commit: (items: readonly string[]) => Outcome<string>[] = (items) => items.map((item) => ({ ok: true, value: item.toUpperCase() }))) => {
    const batches: string[][] = [];
    const group = new GroupCommit<string, string>((items) => {
      batches.push([...items]);
      return commit(items);
    });
    return { group, batches };
  };

  it('commits everything submitted in the same turn as one batch, in submission order', async () => {
    const { group, batches } = recording();

    const values = await Promise.all([group.submit('a'), group.submit('b'), group.submit('c')]);

    expect(values).toEqual(['A', 'B', 'C']);
    expect(batches).toEqual([['a', 'b', 'c']]);
  });

  it('starts a new batch for what is submitted after a batch was committed', async () => {
    const { group, batches } = recording();

    await group.submit('a');
    await group.submit('b');

    expect(batches).toEqual([['a'], ['b']]);
  });

  it("settles each item with its own outcome, so one item's failure leaves the others", async () => {
    const failure = new Error('conflict');
    const { group } = recording((items) => items.map((item) => (item === 'b' ? { ok: false, error: failure } : { ok: true, value: item })));

    const outcomes = await Promise.allSettled([group.submit('a'), group.submit('b'), group.submit('c')]);

    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 'a' },
      { status: 'rejected', reason: failure },
      { status: 'fulfilled', value: 'c' },
    ]);
  });

  it('rejects every item when the commit as a whole fails', async () => {
    const failure = new Error('disk full');
    const { group } = recording(() => {
      throw failure;
    });

    const outcomes = await Promise.allSettled([group.submit('a'), group.submit('b')]);

    expect(outcomes).toEqual([
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
    ]);
  });
});
