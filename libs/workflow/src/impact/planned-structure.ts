import type { CalendarDate, CreatePost, NewUnit, StartAppointment } from '@orgchange/domain';
import type { ImpactChange } from './impact.types';

type PlannedAppointment = StartAppointment['data'] & { endedOn?: CalendarDate };

/**
 * The units and posts a set of changes creates, and the appointments it makes to those posts, so that a later
 * change to them is analysed although the record does not show them yet: a programme that creates a clinical
 * director post and fills it on the same day, or fills it later, names the person appointed; a post created in a
 * new directorate is the concern of the leaders of the unit above it. Holdings follow valid time as the read
 * model's do: held on `on` when `from <= on < until`.
 */
export class PlannedStructure {
  private readonly created = new Map<string, CreatePost['data']>();
  private readonly units = new Map<string, NewUnit & { effectiveFrom: CalendarDate }>();
  private readonly appointments = new Map<string, PlannedAppointment[]>();

  constructor(changes: readonly ImpactChange[]) {
    for (const { command } of changes) {
      if (command.type === 'CreatePost') this.created.set(command.data.postId, command.data);
      if (command.type === 'EstablishUnit') this.units.set(command.data.unitId, command.data);
      if (command.type === 'MergeUnits' && command.data.newSuccessor) this.units.set(command.data.newSuccessor.unitId, { ...command.data.newSuccessor, effectiveFrom: command.data.effectiveFrom });
      if (command.type === 'SplitUnit') for (const successor of command.data.successors) this.units.set(successor.unitId, { ...successor, effectiveFrom: command.data.effectiveFrom });
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

  /** The unit as planned, when one of the changes establishes it (or creates it by a merger or split) on or before `by`. */
  establishedBy(unitId: string, by: CalendarDate): NewUnit | undefined {
    const unit = this.units.get(unitId);
    return unit && unit.effectiveFrom <= by ? unit : undefined;
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
