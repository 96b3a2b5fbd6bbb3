import type { CalendarDate } from '../shared/calendar-date';
import type { DomainEvent } from '../shared/domain-event';
import type { UnitKind } from '../shared/vocabulary';

type Effective = { effectiveFrom: CalendarDate; reason?: string };

/**
 * A service or team moves from one organisation to another. Appended to both organisations' streams.
 * Hosting and employment are kept apart: `employingOrganisationId` is who employs the staff after the move
 * (the losing organisation when staff stay on their old contracts).
 */
export type ServiceTransferred = DomainEvent<
  'ServiceTransferred',
  1,
  Effective & {
    unitId: string;
    unitName: string;
    unitKind: UnitKind;
    fromOrganisationId: string;
    toOrganisationId: string;
    toParentUnitId?: string;
    employingOrganisationId: string;
  }
>;
/**
 * An organisation joins or leaves a group: a GP practice and a CCG (no `partnershipUnitId`), or a council and a
 * partnership unit (`partnershipUnitId`). Appended to the group's stream and to the member's stream.
 */
export type MembershipChanged = DomainEvent<
  'MembershipChanged',
  1,
  Effective & {
    groupOrganisationId: string;
    partnershipUnitId?: string;
    memberOrganisationId: string;
    change: 'joined' | 'left';
  }
>;
/** Population, geography or budget moves between organisations. Appended to both streams. */
export type BoundaryRedrawn = DomainEvent<
  'BoundaryRedrawn',
  1,
  Effective & {
    fromOrganisationId: string;
    toOrganisationId: string;
    description: string;
    population?: number;
    budgetGbp?: number;
    areaKm2?: number;
  }
>;
/**
 * People's employer changes while their team may stay where it is (e.g. staff of a neighbourhood team move
 * to a council contract). Appended to the host organisation's stream and to both employers' streams.
 */
export type EmploymentTransferred = DomainEvent<
  'EmploymentTransferred',
  1,
  Effective & {
    hostOrganisationId: string;
    unitId: string;
    personIds: string[];
    fromEmployerId: string;
    toEmployerId: string;
  }
>;

export type BoundaryEvent = ServiceTransferred | MembershipChanged | BoundaryRedrawn | EmploymentTransferred;
