import type { RecordedEvent } from '@orgchange/event-store';

type Data = Record<string, unknown>;

/** The subject and a one-line description of an event, for an organisation's change log. */
export function describeChange(event: RecordedEvent): { subjectId: string | null; summary: string } {
  const d = event.data as Data;
  const id = (key: string): string | null => (typeof d[key] === 'string' ? (d[key] as string) : null);
  const subjectId = id('unitId') ?? id('postId') ?? id('targetEventId') ?? id('organisationId') ?? id('successorId') ?? id('predecessorId') ?? id('hostOrganisationId') ?? id('groupOrganisationId') ?? id('fromOrganisationId');
  const facts = Object.entries(d)
    .filter(([key, value]) => key !== 'effectiveFrom' && key !== 'reason' && value !== undefined && typeof value !== 'object')
    .map(([key, value]) => `${key}=${String(value)}`);
  const lists = Object.entries(d)
    .filter(([, value]) => Array.isArray(value))
    .map(([key, value]) => `${key}=[${(value as unknown[]).join(', ')}]`);
  const reason = typeof d.reason === 'string' ? ` — ${d.reason}` : '';
  return { subjectId, summary: `${event.type}: ${[...facts, ...lists].join('; ')}${reason}` };
}

/** Organisations whose change log lists an event of an organisation stream (cross-organisation events name several). */
export function organisationsOf(event: RecordedEvent, fallback: string | undefined): string[] {
  const d = event.data as Data;
  const ids = new Set<string>();
  if (event.streamId.startsWith('organisation-')) ids.add(event.streamId.slice('organisation-'.length));
  else if (fallback) ids.add(fallback);
  if (typeof d.organisationId === 'string' && !event.streamId.startsWith('organisation-')) ids.add(d.organisationId);
  return [...ids];
}
