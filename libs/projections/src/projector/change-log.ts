import type { RecordedEvent } from '@orgchange/event-store';

type Described = Pick<RecordedEvent, 'type' | 'data' | 'streamId'>;

type Data = Record<string, unknown>;

/** The subject and a one-line description of an event, for an organisation's change log. */
export function describeChange(event: Described): { subjectId: string | null; summary: string } {
  const d = event.data as Data;
  const id = (key: string): string | null => (typeof d[key] === 'string' ? (d[key] as string) : null);
  const subjectId = id('unitId') ?? id('postId') ?? id('targetEventId') ?? id('organisationId') ?? id('successorId') ?? id('predecessorId') ?? id('hostOrganisationId') ?? id('groupOrganisationId') ?? id('fromOrganisationId');
  // Scalars first, then lists, each in the data's own order (one pass: every non-person event gets a summary).
  const facts: string[] = [];
  const lists: string[] = [];
  for (const key in d) {
    const value = d[key];
    if (Array.isArray(value)) lists.push(`${key}=[${value.join(', ')}]`);
    else if (key !== 'effectiveFrom' && key !== 'reason' && value !== undefined && typeof value !== 'object') facts.push(`${key}=${String(value)}`);
  }
  for (const list of lists) facts.push(list);
  const reason = typeof d.reason === 'string' ? ` — ${d.reason}` : '';
  return { subjectId, summary: `${event.type}: ${facts.join('; ')}${reason}` };
}

/** Organisations whose change log lists an event of an organisation stream (cross-organisation events name several). */
export function organisationsOf(event: Described, fallback: string | undefined): string[] {
  const d = event.data as Data;
  const ids = new Set<string>();
  if (event.streamId.startsWith('organisation-')) ids.add(event.streamId.slice('organisation-'.length));
  else if (fallback) ids.add(fallback);
  if (typeof d.organisationId === 'string' && !event.streamId.startsWith('organisation-')) ids.add(d.organisationId);
  return [...ids];
}
