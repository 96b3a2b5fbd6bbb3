type Pending = { retracted: boolean; patch: Record<string, unknown> };

type Envelope = Readonly<{ eventId: string; type: string; data: unknown }>;

/**
 * The corrections and retractions known at an instant, gathered in a first pass over the log, so the second
 * pass meets every event already in its final form and never has to keep an event in case a later correction
 * points at it. Corrections are rare, so this stays small where remembering every event id would not.
 */
export class CorrectionOverlay {
  private readonly byTarget = new Map<string, Pending>();

  get size(): number {
    return this.byTarget.size;
  }

  /** Takes note of an EventCorrected or EventRetracted (in log order); other events are ignored. */
  collect(event: Envelope): void {
    if (event.type !== 'EventCorrected' && event.type !== 'EventRetracted') return;
    const data = event.data as { targetEventId: string; correctedData?: Record<string, unknown> };
    const pending = this.byTarget.get(data.targetEventId) ?? { retracted: false, patch: {} };
    if (event.type === 'EventRetracted') pending.retracted = true;
    else Object.assign(pending.patch, data.correctedData);
    this.byTarget.set(data.targetEventId, pending);
  }

  /** The event's data with every known correction laid over it (later ones win), or undefined when retracted. */
  finalData(event: Envelope): unknown {
    const pending = this.byTarget.get(event.eventId);
    if (!pending) return event.data;
    if (pending.retracted) return undefined;
    return { ...(event.data as object), ...pending.patch };
  }
}
