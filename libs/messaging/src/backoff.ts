/** Capped exponential backoff: how long to wait before retry `attempt` (from 1). */
export type Backoff = Readonly<{ initialMs: number; maxMs: number }>;

export const DEFAULT_BACKOFF: Backoff = { initialMs: 100, maxMs: 10_000 };

/** Doubles from `initialMs` up to `maxMs`, with up to 20% jitter so many relays do not retry in step. */
export function backoffDelayMs(backoff: Backoff, attempt: number, random: () => number = Math.random): number {
  const base = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(30, Math.max(0, attempt - 1)));
  return Math.round(base * (0.8 + 0.2 * random()));
}
