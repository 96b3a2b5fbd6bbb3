import type { CalendarDate } from '../shared/calendar-date';
import type { IdRecord } from '../shared/id-record';
import type { OrganisationKind, UnitKind } from '../shared/vocabulary';

/** A value that changes over valid time: each entry holds from its `from` date until the next entry's. */
export type Timeline<T> = readonly Readonly<{ from: CalendarDate; value: T }>[];

export type UnitClosure = 'merged' | 'split' | 'dissolved' | 'transferred-out';

/** A period during which an organisation belongs to a group (a practice in a CCG, a council in a partnership). */
export type MembershipPeriod = Readonly<{ organisationId: string; from: CalendarDate; until?: CalendarDate }>;

export type UnitRecord = Readonly<{
  unitId: string;
  kind: UnitKind;
  names: Timeline<string>;
  /** Parent unit over time; `undefined` value = directly under the organisation. */
  parents: Timeline<string | undefined>;
  establishedOn: CalendarDate;
  closedOn?: CalendarDate;
  closure?: UnitClosure;
  successorUnitIds?: readonly string[];
  /** Other organisations taking part in a partnership unit, over time. */
  members: readonly MembershipPeriod[];
  /** Set when the unit arrived by a service transfer and its staff stay employed elsewhere. */
  employingOrganisationId?: string;
  /** Set when the unit arrived by a service transfer: its posts keep being recorded in that organisation's post streams. */
  arrivedFromOrganisationId?: string;
}>;

/** State of an organisation stream: the organisation and its unit tree over valid time. */
export type OrganisationState =
  | Readonly<{ status: 'none' }>
  | Readonly<{
      status: 'established';
      organisationId: string;
      /** Kind over valid time: a trust becomes a foundation trust, a CCG a sub-ICB location. */
      kinds: Timeline<OrganisationKind>;
      externalCode?: string;
      names: Timeline<string>;
      establishedOn: CalendarDate;
      closedOn?: CalendarDate;
      predecessorIds: readonly string[];
      successorIds: readonly string[];
      /** By unit id. */
      units: IdRecord<UnitRecord>;
      /** Organisations that belong to this one as a group (e.g. practices of a CCG). */
      members: readonly MembershipPeriod[];
      /** Groups this organisation belongs to. */
      memberships: readonly (MembershipPeriod & { partnershipUnitId?: string })[];
    }>;

export type EstablishedOrganisation = Extract<OrganisationState, { status: 'established' }>;

/** The value of a timeline on a date, or undefined before its first entry. */
export function valueOn<T>(timeline: Timeline<T>, date: CalendarDate): T | undefined {
  let current: T | undefined;
  for (const entry of timeline) {
    if (entry.from > date) break;
    current = entry.value;
  }
  return current;
}

/** Inserts a change into a timeline, kept in date order (a backdated change lands in its place). */
export function withChange<T>(timeline: Timeline<T>, from: CalendarDate, value: T): Timeline<T> {
  const kept = timeline.filter((entry) => entry.from !== from);
  return [...kept, { from, value }].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

export const isOrganisationOpenOn = (state: OrganisationState, date: CalendarDate): state is EstablishedOrganisation =>
  state.status === 'established' && state.establishedOn <= date && (state.closedOn === undefined || date < state.closedOn);

export const isUnitOpenOn = (unit: UnitRecord | undefined, date: CalendarDate): unit is UnitRecord =>
  unit !== undefined && unit.establishedOn <= date && (unit.closedOn === undefined || date < unit.closedOn);

export const isMemberOn = (periods: readonly MembershipPeriod[], organisationId: string, date: CalendarDate): boolean =>
  periods.some((p) => p.organisationId === organisationId && p.from <= date && (p.until === undefined || date < p.until));
