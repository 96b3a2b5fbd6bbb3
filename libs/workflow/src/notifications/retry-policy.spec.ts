import { backoffDelayMs } from './retry-policy';

describe('backoff between tries', () => {
  it('doubles from the initial delay after each failed try, up to the cap', () => {
    const policy = { maxAttempts: 8, initialDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelayMs(policy, attempt))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });
});
