import { backoffDelayMs } from './backoff';

describe('backoffDelayMs', () => {
  const backoff = { initialMs: 100, maxMs: 1000 };

  it('doubles from the initial delay and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 50].map((attempt) => backoffDelayMs(backoff, attempt, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('takes off at most a fifth as jitter', () => {
    expect(backoffDelayMs(backoff, 1, () => 0)).toBe(80);
  });
});
