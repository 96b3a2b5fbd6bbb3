import type { CalendarDate, DateInterval } from '../shared/calendar-date';
import type { AppointmentKind, PostFamily } from '../shared/vocabulary';
import type { Timeline } from '../organisations/organisation.state';
import type { IdRecord } from '../shared/id-record';

export type Holding = Readonly<
  DateInterval & {
    appointmentId: string;
    personId: string;
    kind: AppointmentKind;
    coveringForPersonId?: string;
    fraction?: number;
    programmedActivities?: number;
    employingOrganisationId?: string;
  }
>;

export type PostState =
  | Readonly<{ status: 'none' }>
  | Readonly<{
      status: 'created';
      postId: string;
      organisationId: string;
      unitId: string;
      family: PostFamily;
      maxHolders: number;
      programmedActivities?: number;
      groupId?: string;
      groupRole?: string;
      titles: Timeline<string>;
      grades: Timeline<string>;
      createdOn: CalendarDate;
      abolishedOn?: CalendarDate;
      /** By appointment id. */
      holdings: IdRecord<Holding>;
    }>;

export type CreatedPost = Extract<PostState, { status: 'created' }>;

/** A post exists on a date from its creation until (not including) its abolition. */
export const isPostActiveOn = (post: CreatedPost, date: CalendarDate): boolean =>
  post.createdOn <= date && (post.abolishedOn === undefined || date < post.abolishedOn);
