/** How often and how patiently a relay tries one notification. */
export type RetryPolicy = Readonly<{
  /** Tries in all, the first included. */
  maxAttempts: number;
  /** Wait before the second try; doubled before each next one. */
  initialDelayMs: number;
  /** The longest wait between two tries. */
  maxDelayMs: number;
}>;

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, initialDelayMs: 500, maxDelayMs: 60_000 };

/** The wait after failed try number `attempt` (from 1): exponential, capped. */
export const backoffDelayMs = (policy: RetryPolicy, attempt: number): number => Math.min(policy.initialDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
