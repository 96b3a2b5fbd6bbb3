import { holdingsByPost } from './holdings-by-post';
import { hash32, NONE, PostTable } from './post-table';

describe('holdingsByPost', () => {
  it('lays the holdings out post after post, oldest first, whatever order they started in', () => {
    const table = new PostTable();
    for (const id of ['a', 'b', 'c']) table.create(id, { organisation: 0, unit: 0, family: 0, groupRole: NONE, created: 0 });
    const start = (p: number, from: number) => table.startHolding(p, { appointment: hash32(`${p}-${from}`), from, kind: p, person: p });
    start(2, 10);
    start(0, 20);
    start(2, 30);
    start(0, 40);
    const laid = holdingsByPost(table);
    expect([[...laid.first], [...laid.from], [...laid.kind]]).toEqual([[0, 2, 2, 4], [20, 40, 10, 30], [0, 0, 2, 2]]);
  });
});
