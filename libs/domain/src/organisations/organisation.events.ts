import type { CalendarDate } from '../shared/calendar-date';
import type { DomainEvent } from '../shared/domain-event';
import type { OrganisationKind } from '../shared/vocabulary';

type Effective = { effectiveFrom: CalendarDate; reason?: string };

export type OrganisationEstablished = DomainEvent<
  'OrganisationEstablished',
  1,
  Effective & { organisationId: string; name: string; kind: OrganisationKind; externalCode?: string }
>;
export type OrganisationRenamed = DomainEvent<'OrganisationRenamed', 1, Effective & { organisationId: string; name: string }>;
/** The organisation changes kind, keeping its identity: a trust gains foundation status, a CCG becomes a sub-ICB location. */
export type OrganisationReclassified = DomainEvent<'OrganisationReclassified', 1, Effective & { organisationId: string; kind: OrganisationKind }>;
export type OrganisationClosed = DomainEvent<'OrganisationClosed', 1, Effective & { organisationId: string }>;
/**
 * n → 1. Appended to the stream of every predecessor (which closes on `effectiveFrom`) and of the successor,
 * in one transaction.
 */
export type OrganisationsMerged = DomainEvent<
  'OrganisationsMerged',
  1,
  Effective & { predecessorIds: string[]; successorId: string }
>;
/** 1 → n. Appended to the predecessor's stream (it closes) and to each successor's stream, in one transaction. */
export type OrganisationSplit = DomainEvent<
  'OrganisationSplit',
  1,
  Effective & { predecessorId: string; successorIds: string[] }
>;

export type OrganisationLifecycleEvent =
  | OrganisationEstablished
  | OrganisationRenamed
  | OrganisationReclassified
  | OrganisationClosed
  | OrganisationsMerged
  | OrganisationSplit;
