import { hash32, NONE, OPEN_END, PostTable } from './post-table';

const post = { organisation: 0, unit: 0, family: 0, groupRole: NONE, created: 100 };
const holding = (appointment: string, from: number, person = NONE) => ({ appointment: hash32(appointment), from, kind: 0, person });
const holdings = (table: PostTable, p: number) => table.holdingsOf(p, []).map((h) => [table.from.get(h), table.until.get(h), table.person.get(h)]);

describe('PostTable', () => {
  it('lists a post’s holdings oldest first and ends the one named by its appointment', () => {
    const table = new PostTable();
    table.create('cd', post);
    const p = table.find('cd');
    table.startHolding(p, holding('a-1', 100, 7));
    table.startHolding(p, holding('a-2', 150, 8));
    table.endHolding(p, hash32('a-1'), 120);
    expect(holdings(table, p)).toEqual([[100, 120, 7], [150, OPEN_END, 8]]);
  });

  it('does not know a post that was never created', () => expect(new PostTable().find('ghost')).toBe(NONE));

  it('keeps a re-created post’s number but none of its old holdings, and an abolition until then', () => {
    const table = new PostTable();
    table.create('cd', post);
    table.startHolding(0, holding('a-1', 100));
    table.abolish(0, 300);
    table.create('cd', { ...post, created: 400 });
    expect([table.size, table.created.get(0), table.abolished.get(0), holdings(table, 0)]).toEqual([1, 400, OPEN_END, []]);
  });
});
