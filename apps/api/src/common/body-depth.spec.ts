import { pathDeeperThan } from './body-depth';

describe('pathDeeperThan', () => {
  it('accepts a body within the limit', () => {
    expect(pathDeeperThan({ a: { b: [1, { c: 'x' }] } }, 4)).toBeUndefined();
    expect(pathDeeperThan('scalar', 0)).toBeUndefined();
  });

  it('names the path where the body goes too deep', () => {
    expect(pathDeeperThan({ a: { b: [{ c: {} }] } }, 3)).toBe('a.b[0]');
  });

  it('walks 100,000 levels without overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(pathDeeperThan({ name: deep }, 32)).toMatch(/^name(\[0\])+$/);
  });
});
