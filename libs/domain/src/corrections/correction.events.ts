import type { DomainEvent } from '../shared/domain-event';

/**
 * A recorded event is withdrawn: it should never have been recorded. Appended to the same stream as the
 * event it retracts; the retracted event stays in the log for ever.
 */
export type EventRetracted = DomainEvent<'EventRetracted', 1, { targetEventId: string; reason: string }>;

/**
 * A recorded event's facts were wrong (most often its effective date). `correctedData` holds the fields that
 * were wrong, with their right values; it is laid over the target's data from now on. Identifiers cannot
 * change. Appended to the target's stream.
 */
export type EventCorrected = DomainEvent<
  'EventCorrected',
  1,
  { targetEventId: string; targetType: string; correctedData: Record<string, unknown>; reason: string }
>;

export type CorrectionEvent = EventRetracted | EventCorrected;
