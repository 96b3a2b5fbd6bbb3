/**
 * Broker error codes that reject a message itself rather than say the broker is unavailable: retrying the
 * same message cannot succeed, so the relay counts it against the message and in the end dead-letters it.
 */
const MESSAGE_REJECTIONS = new Set(['MESSAGE_TOO_LARGE', 'INVALID_RECORD', 'CORRUPT_MESSAGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_TIMESTAMP']);

/** The protocol error type (e.g. MESSAGE_TOO_LARGE) found anywhere in kafkajs's chain of wrapped errors. */
function protocolTypes(error: unknown): string[] {
  const types: string[] = [];
  const seen = new Set<unknown>();
  for (let current = error as { type?: unknown; cause?: unknown; originalError?: unknown } | undefined; current && !seen.has(current); ) {
    seen.add(current);
    if (typeof current.type === 'string') types.push(current.type);
    current = (current.originalError ?? current.cause) as typeof current;
  }
  return types;
}

/** True when the broker refused the message (not the connection): see {@link MESSAGE_REJECTIONS}. */
export function isMessageRejection(error: unknown): boolean {
  return protocolTypes(error).some((type) => MESSAGE_REJECTIONS.has(type));
}

export const errorText = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
