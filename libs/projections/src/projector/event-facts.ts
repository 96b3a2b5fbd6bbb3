import type { CreatedPost, PostState } from '@orgchange/domain';
import { describeChange, organisationsOf } from './change-log';
import type { ProjectedEvent } from './log-pages';
import type { StreamView } from './stream-states';

/**
 * Where the facts of an event that are not versions of a stream's state go: a person's profession, an
 * organisation's change-log line, a transfer of employment. The projector writes them at once, a rebuild in bulk.
 */
export interface EventFactSink {
  person(personId: string, profession: string, position: number): void;
  change(organisationId: string, position: number, eventId: string, type: string, subjectId: string | null, effectiveFrom: string | null, recordedAt: string, summary: string): void;
  employment(personId: string, hostOrganisationId: string, unitId: string, employerId: string, validFrom: string, position: number): void;
}

/** Sends `event`'s own facts to `sink`; `view` is its stream's view after the event (undefined for streams without one). */
export function emitEventFacts(event: ProjectedEvent, view: StreamView | undefined, sink: EventFactSink): void {
  const position = Number(event.globalPosition);
  if (event.type === 'PersonRegistered') {
    const d = event.data as { personId: string; profession: string };
    sink.person(d.personId, d.profession, position);
  }
  if (event.type === 'EmploymentTransferred' && event.streamId.startsWith('organisation-')) emitEmployment(event, position, sink);
  const organisationId = view?.category === 'post' && (view.state as PostState).status === 'created' ? (view.state as CreatedPost).organisationId : undefined;
  const organisations = organisationsOf(event, organisationId);
  if (organisations.length === 0) return;
  const { subjectId, summary } = describeChange(event);
  const effectiveFrom = (event.data as { effectiveFrom?: string }).effectiveFrom ?? null;
  for (const org of organisations) sink.change(org, position, event.eventId, event.type, subjectId, effectiveFrom, event.recordedAt, summary);
}

/** Employment changes are point facts: a person's employer from a date, until a later change says otherwise. */
function emitEmployment(event: ProjectedEvent, position: number, sink: EventFactSink): void {
  const d = event.data as { hostOrganisationId: string; unitId: string; personIds: string[]; toEmployerId: string; effectiveFrom: string };
  // Recorded once although the event is in every involved organisation's stream.
  if (event.streamId !== `organisation-${d.hostOrganisationId}`) return;
  for (const personId of d.personIds) sink.employment(personId, d.hostOrganisationId, d.unitId, d.toEmployerId, d.effectiveFrom, position);
}
