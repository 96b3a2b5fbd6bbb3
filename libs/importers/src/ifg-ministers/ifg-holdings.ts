import { type CalendarDate, groupBy } from '@orgchange/domain';
import type { IfgAppointment, IfgCharacteristic } from './ifg-rows';

/** How an appointment is held: acting when every sub-period of it is acting; a cover names the holder on leave it stands in for. */
export type HoldingKind = Readonly<{ kind: 'substantive' | 'acting'; coveringForPersonId?: string }>;

/**
 * The span and size of a post, which post.csv does not give: it exists from its first appointment (not before its
 * department) until the last appointment ends, when every appointment has ended; `maxHolders` is the most
 * people holding it at once (generic posts such as "Minister of State" have several).
 */
export type PostPlan = Readonly<{ createdOn: CalendarDate; abolishedOn?: CalendarDate; maxHolders: number }>;

/** An appointment that ends before it starts is left to the domain to refuse; it counts for nothing here. */
const hasExtent = (a: IfgAppointment): boolean => a.endDate === undefined || a.endDate >= a.startDate;

export function holdingKinds(appointments: readonly IfgAppointment[], characteristics: readonly IfgCharacteristic[]): Map<string, HoldingKind> {
  const byAppointment = groupBy(characteristics, (c) => c.appointmentId);
  const byPost = groupBy(appointments, (a) => a.postId);
  const kinds = new Map<string, HoldingKind>();
  for (const a of appointments) {
    const periods = byAppointment.get(a.id) ?? [];
    if (periods.length === 0 || !periods.every((c) => c.isActing)) {
      kinds.set(a.id, { kind: 'substantive' });
      continue;
    }
    const absent = (byPost.get(a.postId) ?? []).find(
      (other) => other.personId !== a.personId && (byAppointment.get(other.id) ?? []).some((c) => c.isOnLeave && c.startDate <= a.startDate && (c.endDate === undefined || a.startDate < c.endDate)),
    );
    kinds.set(a.id, absent ? { kind: 'acting', coveringForPersonId: absent.personId } : { kind: 'acting' });
  }
  return kinds;
}

export function planPost(appointments: readonly IfgAppointment[], kinds: ReadonlyMap<string, HoldingKind>, organisationOpensOn: CalendarDate): PostPlan | undefined {
  if (appointments.length === 0) return undefined;
  const firstStart = appointments.reduce((min, a) => (a.startDate < min ? a.startDate : min), appointments[0].startDate);
  const createdOn = firstStart > organisationOpensOn ? firstStart : organisationOpensOn;
  const held = appointments.filter(hasExtent);
  const seated = held.filter((a) => kinds.get(a.id)?.coveringForPersonId === undefined);
  const lastEnd = held.every((a) => a.endDate !== undefined) ? held.reduce((max, a) => (a.endDate! > max ? a.endDate! : max), createdOn) : undefined;
  // Someone appointed on or after that day (even by a row the domain will refuse) means the post had not gone.
  const abolishedOn = lastEnd !== undefined && lastEnd > createdOn && appointments.every((a) => a.startDate < lastEnd) ? lastEnd : undefined;
  return { createdOn, ...(abolishedOn ? { abolishedOn } : {}), maxHolders: Math.max(1, mostAtOnce(seated)) };
}

/** The most appointments in force on one day (half-open intervals: one ending on D and one starting on D do not overlap). */
function mostAtOnce(appointments: readonly IfgAppointment[]): number {
  let most = 0;
  for (const { startDate: day } of appointments) {
    const count = appointments.filter((a) => a.startDate <= day && (a.endDate === undefined || day < a.endDate)).length;
    most = Math.max(most, count);
  }
  return most;
}
