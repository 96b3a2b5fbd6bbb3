import type { CalendarDate } from '../shared/calendar-date';
import type { DomainEvent } from '../shared/domain-event';
import type { UnitKind } from '../shared/vocabulary';

type Effective = { effectiveFrom: CalendarDate; reason?: string };

/**
 * A unit of an organisation. `parentUnitId` absent = directly under the organisation.
 * `memberOrganisationIds` makes it a partnership unit spanning those organisations as well as its host.
 */
export type UnitEstablished = DomainEvent<
  'UnitEstablished',
  1,
  Effective & {
    organisationId: string;
    unitId: string;
    name: string;
    kind: UnitKind;
    parentUnitId?: string;
    memberOrganisationIds?: string[];
  }
>;
export type UnitRenamed = DomainEvent<'UnitRenamed', 1, Effective & { organisationId: string; unitId: string; name: string }>;
export type UnitMoved = DomainEvent<
  'UnitMoved',
  1,
  Effective & { organisationId: string; unitId: string; fromParentUnitId?: string; toParentUnitId?: string }
>;
/** n → 1 inside one organisation: the merged units close, the successor (new or existing) carries on. */
export type UnitsMerged = DomainEvent<
  'UnitsMerged',
  1,
  Effective & { organisationId: string; unitIds: string[]; successorUnitId: string }
>;
/** 1 → n: the unit closes; its successors must already be established (in the same command or before). */
export type UnitSplit = DomainEvent<
  'UnitSplit',
  1,
  Effective & { organisationId: string; unitId: string; successorUnitIds: string[] }
>;
export type UnitDissolved = DomainEvent<'UnitDissolved', 1, Effective & { organisationId: string; unitId: string }>;

export type UnitEvent = UnitEstablished | UnitRenamed | UnitMoved | UnitsMerged | UnitSplit | UnitDissolved;
