import { categoryOf, type EventStore, readAllPages, type RecordedEvent } from '@orgchange/event-store';

/** One change in the audit trail: who recorded which event, when, in which organisations. */
export type AuditEntry = Readonly<{
  globalPosition: number;
  recordedAt: string;
  actor: string;
  type: string;
  streamId: string;
  organisationIds: readonly string[];
  effectiveFrom: string | null;
  correlationId: string;
  causationId: string | null;
}>;

export type AuditFilter = Readonly<{ organisationId?: string; from?: Date; to?: Date; after: number; limit: number }>;

/**
 * Reads who changed what from the log itself (every event carries its actor). Posts and programmes are tied to
 * their organisations by their first events, so the scan starts at the beginning of the log; it stops once a
 * page is full. Cost grows with the log: fine for an operator's question, not for a hot path.
 */
export async function auditTrail(store: EventStore, filter: AuditFilter): Promise<{ entries: AuditEntry[]; next: number }> {
  const owners = new Map<string, readonly string[]>();
  const entries: AuditEntry[] = [];
  for await (const page of readAllPages(store)) {
    for (const event of page) {
      const organisationIds = organisationsOf(event, owners);
      if (Number(event.globalPosition) <= filter.after || !matches(event, organisationIds, filter)) continue;
      entries.push(entryOf(event, organisationIds));
      if (entries.length >= filter.limit) return { entries, next: entries[entries.length - 1].globalPosition };
    }
  }
  return { entries, next: entries.length > 0 ? entries[entries.length - 1].globalPosition : filter.after };
}

function organisationsOf(event: RecordedEvent, owners: Map<string, readonly string[]>): readonly string[] {
  const category = categoryOf(event.streamId);
  if (category === 'organisation') return [event.streamId.slice('organisation-'.length)];
  const data = event.data as { organisationId?: unknown; organisationIds?: unknown };
  if (event.type === 'PostCreated' && typeof data.organisationId === 'string') owners.set(event.streamId, [data.organisationId]);
  if (event.type === 'ProgrammeDrafted' && Array.isArray(data.organisationIds)) owners.set(event.streamId, data.organisationIds as string[]);
  return owners.get(event.streamId) ?? [];
}

function matches(event: RecordedEvent, organisationIds: readonly string[], filter: AuditFilter): boolean {
  if (filter.organisationId !== undefined && !organisationIds.includes(filter.organisationId)) return false;
  const recorded = Date.parse(event.recordedAt);
  return (filter.from === undefined || recorded >= filter.from.getTime()) && (filter.to === undefined || recorded < filter.to.getTime());
}

const entryOf = (event: RecordedEvent, organisationIds: readonly string[]): AuditEntry => ({
  globalPosition: Number(event.globalPosition),
  recordedAt: event.recordedAt,
  actor: event.metadata.actor,
  type: event.type,
  streamId: event.streamId,
  organisationIds,
  effectiveFrom: (event.data as { effectiveFrom?: string }).effectiveFrom ?? null,
  correlationId: event.metadata.correlationId,
  causationId: event.metadata.causationId ?? null,
});
