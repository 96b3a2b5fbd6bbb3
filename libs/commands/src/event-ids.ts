import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';

/** Namespace for event ids derived from an `Idempotency-Key` (a fixed random UUID, never change it). */
const IDEMPOTENCY_NAMESPACE = 'b8f3a9a4-6a52-4d55-9c43-0d2f4a7b1e61';

/**
 * New time-ordered ids (UUID v7), or, when the caller gave an idempotency key, ids derived from the key,
 * the stream and the event's place, so a repeated request can never append its events twice.
 */
export function eventIdFactory(idempotencyKey?: string): (streamId: string, index: number) => string {
  if (!idempotencyKey) return () => uuidv7();
  return (streamId, index) => uuidv5(`${idempotencyKey}\u0000${streamId}\u0000${index}`, IDEMPOTENCY_NAMESPACE);
}

/** A new opaque id for an organisation, unit, post, appointment or person. */
export const newId = (): string => uuidv7();
