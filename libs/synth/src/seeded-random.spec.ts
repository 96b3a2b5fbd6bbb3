import { ActionQueue } from './action-queue';
import { IdSource } from './id-source';
import { SeededRandom } from './seeded-random';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const draw = (random: SeededRandom, n = 5) => Array.from({ length: n }, () => random.nextUint32());

describe('a seeded random source', () => {
  it('repeats its sequence for the same parts', () => expect(draw(new SeededRandom(1, 0, 'history'))).toEqual(draw(new SeededRandom(1, 0, 'history'))));
  it('gives unrelated sequences for another seed or purpose', () => {
    expect(draw(new SeededRandom(2, 0, 'history'))).not.toEqual(draw(new SeededRandom(1, 0, 'history')));
    expect(draw(new SeededRandom(1, 0, 'ids'))).not.toEqual(draw(new SeededRandom(1, 0, 'history')));
  });
  it('draws whole numbers within both bounds', () => {
    const random = new SeededRandom(3);
    const values = new Set(Array.from({ length: 1000 }, () => random.between(2, 5)));
    expect([...values].sort()).toEqual([2, 3, 4, 5]);
  });
});

describe('ids of a simulated day', () => {
  const ids = new IdSource(1, 0);
  ids.today = 16_436; // 2015-01-01
  const made = Array.from({ length: 100 }, () => ids.next());

  it('have the UUID version 7 layout', () => made.forEach((id) => expect(id).toMatch(UUID_V7)));
  it('carry the day in their time stamp and sort in the order they were made', () => {
    expect(made[0].slice(0, 8)).toBe(Date.UTC(2015, 0, 1, 9).toString(16).padStart(12, '0').slice(0, 8));
    expect([...made].sort()).toEqual(made);
  });
});

describe('the action queue', () => {
  it('gives back actions by day, and on the same day in the order they were scheduled', () => {
    const queue = new ActionQueue<string>();
    for (const [day, item] of [[3, 'c'], [1, 'a1'], [2, 'b'], [1, 'a2'], [3, 'c2']] as const) queue.push(day, item);
    const order: string[] = [];
    for (let next = queue.pop(); next; next = queue.pop()) order.push(next.item);
    expect(order).toEqual(['a1', 'a2', 'b', 'c', 'c2']);
  });
});
