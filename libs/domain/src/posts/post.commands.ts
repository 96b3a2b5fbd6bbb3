import type { CalendarDate } from '../shared/calendar-date';
import type { AppointmentEndReason, AppointmentKind, PostFamily } from '../shared/vocabulary';

type Effective = { effectiveFrom: CalendarDate; reason?: string };

/**
 * Facts from other streams that a post decision needs, read by the command handler just before deciding.
 * `unitOpen`: the post's unit is open on the effective date; `personKnown`: the person is registered.
 */
export type PostContext = Readonly<{ unitOpen: boolean; personKnown?: boolean }>;

export type CreatePost = {
  type: 'CreatePost';
  data: Effective & {
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
  };
  context: PostContext;
};
export type RetitlePost = { type: 'RetitlePost'; data: Effective & { postId: string; title: string } };
export type RegradePost = { type: 'RegradePost'; data: Effective & { postId: string; grade: string } };
export type AbolishPost = { type: 'AbolishPost'; data: Effective & { postId: string } };
/** With `endsOn` the appointment is recorded with its end in one step (a fixed term, or history). */
export type StartAppointment = {
  type: 'StartAppointment';
  data: Effective & {
    postId: string;
    appointmentId: string;
    personId: string;
    kind: AppointmentKind;
    fraction?: number;
    programmedActivities?: number;
    coveringForPersonId?: string;
    employingOrganisationId?: string;
    endsOn?: CalendarDate;
    endReason?: AppointmentEndReason;
  };
  context: PostContext;
};
export type EndAppointment = {
  type: 'EndAppointment';
  data: Effective & { postId: string; appointmentId: string; endReason: AppointmentEndReason };
};

export type PostCommand = CreatePost | RetitlePost | RegradePost | AbolishPost | StartAppointment | EndAppointment;
