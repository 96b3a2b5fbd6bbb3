import type { CalendarDate, CreatePost, StartAppointment } from '@orgchange/domain';
import type { ImpactChange } from './impact.types';

type PlannedAppointment = StartAppointment['data'] & { endedOn?: CalendarDate };

/**
 * The posts a set of changes creates, and the appointments it makes to them, so that a later change to such a
 * post is analysed although the record does not show the post yet: a programme that creates a clinical
 * director post and fills it on the same day, or fills it later, names the person appointed. Holdings follow
 * valid time as the read model's do: held on `on` when `from <= on < until`.
 */
export class PlannedPosts {
  private readonly created = new Map<string, CreatePost['data']>();
  private readonly appointments = new Map<string, PlannedAppointment[]>();

  constructor(changes: readonly ImpactChange[]) {
    for (const { command } of changes) {
      if (command.type === 'CreatePost') this.created.set(command.data.postId, command.data);
      if (command.type === 'StartAppointment') this.appointments.set(command.data.postId, [...(this.appointments.get(command.data.postId) ?? []), { ...command.data }]);
    }
    for (const { command } of changes) {
      if (command.type !== 'EndAppointment') continue;
      const appointment = this.appointments.get(command.data.postId)?.find((a) => a.appointmentId === command.data.appointmentId);
      if (appointment) appointment.endedOn = command.data.effectiveFrom;
    }
  }

  /** The post as planned, when one of the changes creates it on or before `by`. */
  createdBy(postId: string, by: CalendarDate): CreatePost['data'] | undefined {
    const post = this.created.get(postId);
    return post && post.effectiveFrom <= by ? post : undefined;
  }

  /** The people the planned appointments put in the post on `on`. */
  holdersOn(postId: string, on: CalendarDate): string[] {
    return (this.appointments.get(postId) ?? []).filter((a) => a.effectiveFrom <= on && on < (earliest(a.endsOn, a.endedOn) ?? '9999-12-31')).map((a) => a.personId);
  }
}

function earliest(a: CalendarDate | undefined, b: CalendarDate | undefined): CalendarDate | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? a : b;
}
