import { ConcurrencyError } from './event-store.errors';
import type { ExpectedVersion } from './event-store.port';

/**
 * Checks a stream's current revision (-1 when it does not exist) against the writer's expectation,
 * with KurrentDB's meaning for each expected state, so every adapter rejects exactly the same appends.
 *
 * @throws ConcurrencyError when the stream is not in the expected state.
 */
export function assertExpectedVersion(streamId: string, expected: ExpectedVersion, actual: number): void {
  if (!meetsExpectedVersion(expected, actual)) throw new ConcurrencyError(streamId, expected, actual);
}

/** Whether a stream at version `actual` (-1: no stream) is what a writer expecting `expected` may append to. */
export const meetsExpectedVersion = (expected: ExpectedVersion, actual: number): boolean =>
  expected === 'any' || (expected === 'no_stream' && actual === -1) || (expected === 'stream_exists' && actual >= 0) || expected === actual;

/**
 * The category of a stream id `<category>-<id>`: the text before the first dash (KurrentDB's rule).
 * Stream ids always have a dash by convention; one without is given its own id as category so it still
 * has somewhere to be listed.
 */
export function categoryOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}
