import type { CalendarDate } from '@orgchange/domain';
import type { RecordedEvent } from '@orgchange/event-store';

/** A link between an organisation and another through a merger or a split, as its own stream records it. */
export type OrganisationLink = Readonly<{
  relation: 'predecessor' | 'successor';
  organisationId: string;
  change: 'merger' | 'split';
  effectiveFrom: CalendarDate;
  reason?: string;
}>;

type Data = Record<string, unknown>;

/**
 * The predecessors and successors one organisation's stream names, with corrections applied: a retracted
 * merger or split links nothing, and a corrected one links as corrected.
 */
export function organisationLinks(organisationId: string, stream: readonly RecordedEvent[]): OrganisationLink[] {
  const data = new Map<string, Data>();
  const retracted = new Set<string>();
  for (const event of stream) {
    const d = event.data as Data;
    if (event.type === 'OrganisationsMerged' || event.type === 'OrganisationSplit') data.set(event.eventId, d);
    else if (event.type === 'EventRetracted') retracted.add(d.targetEventId as string);
    else if (event.type === 'EventCorrected' && data.has(d.targetEventId as string)) {
      data.set(d.targetEventId as string, { ...data.get(d.targetEventId as string), ...(d.correctedData as Data) });
    }
  }
  const links: OrganisationLink[] = [];
  for (const event of stream) {
    const d = data.get(event.eventId);
    if (!d || retracted.has(event.eventId)) continue;
    const common = { effectiveFrom: d.effectiveFrom as CalendarDate, ...(typeof d.reason === 'string' ? { reason: d.reason } : {}) };
    if (event.type === 'OrganisationsMerged') {
      if (d.successorId === organisationId) for (const id of d.predecessorIds as string[]) links.push({ relation: 'predecessor', organisationId: id, change: 'merger', ...common });
      else links.push({ relation: 'successor', organisationId: d.successorId as string, change: 'merger', ...common });
    } else if (d.predecessorId === organisationId) {
      for (const id of d.successorIds as string[]) links.push({ relation: 'successor', organisationId: id, change: 'split', ...common });
    } else links.push({ relation: 'predecessor', organisationId: d.predecessorId as string, change: 'split', ...common });
  }
  return links;
}
