/** DI token for the configured {@link IdempotencyStore}. */
export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');

/**
 * The response first given to a request carrying an `Idempotency-Key`, kept so a retry gets it again.
 * `requestHash` lets the caller tell a retry (same hash) from a different request reusing the key.
 */
export type IdempotencyRecord = Readonly<{
  requestHash: string;
  status: number;
  /** The response body as sent: JSON, with any bigint written as a decimal string. */
  body: unknown;
}>;

/**
 * Responses by idempotency key. The first record saved for a key wins and is never replaced, so two racing
 * requests with one key both end up answering with the same stored response.
 */
export interface IdempotencyStore {
  /** The record saved for `key`, or undefined if none was. */
  find(key: string): Promise<IdempotencyRecord | undefined>;
  /** Saves the record unless one already exists for `key`; returns the record that is stored afterwards. */
  save(key: string, record: IdempotencyRecord): Promise<IdempotencyRecord>;
}
