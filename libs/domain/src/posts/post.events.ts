import type { CalendarDate } from '../shared/calendar-date';
import type { DomainEvent } from '../shared/domain-event';
import type { AppointmentEndReason, AppointmentKind, PostFamily } from '../shared/vocabulary';

type Effective = { effectiveFrom: CalendarDate; reason?: string };

/**
 * A role in a unit. `maxHolders` 1 = single-holder post, 2 = joint post. Posts sharing a `groupId` form a
 * leadership group, such as a triumvirate (clinical director + nurse manager + business manager), each
 * member named by `groupRole`.
 */
export type PostCreated = DomainEvent<
  'PostCreated',
  1,
  Effective & {
    postId: string;
    organisationId: string;
    unitId: string;
    title: string;
    family: PostFamily;
    grade: string;
    maxHolders: number;
    programmedActivities?: number;
    groupId?: string;
    groupRole?: string;
  }
>;
export type PostRetitled = DomainEvent<'PostRetitled', 1, Effective & { postId: string; title: string }>;
export type PostRegraded = DomainEvent<'PostRegraded', 1, Effective & { postId: string; grade: string }>;
export type PostAbolished = DomainEvent<'PostAbolished', 1, Effective & { postId: string }>;

/**
 * Someone starts holding a post. `coveringForPersonId` names the absent holder an acting/covering holder stands
 * in for; without it a cover fills a vacancy. `employingOrganisationId` is set when the holder is employed by
 * another organisation than the post's (e.g. council staff in a partnership team).
 */
export type AppointmentStarted = DomainEvent<
  'AppointmentStarted',
  1,
  Effective & {
    postId: string;
    appointmentId: string;
    personId: string;
    kind: AppointmentKind;
    fraction?: number;
    programmedActivities?: number;
    coveringForPersonId?: string;
    employingOrganisationId?: string;
  }
>;
/** `effectiveFrom` is the first day the person no longer holds the post. */
export type AppointmentEnded = DomainEvent<
  'AppointmentEnded',
  1,
  Effective & { postId: string; appointmentId: string; personId: string; endReason: AppointmentEndReason }
>;

export type PostEvent = PostCreated | PostRetitled | PostRegraded | PostAbolished | AppointmentStarted | AppointmentEnded;
