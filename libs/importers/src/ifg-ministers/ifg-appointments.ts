import type { CalendarDate } from '@orgchange/domain';
import type { ImportSession } from '../shared/import-session';
import type { HoldingKind } from './ifg-holdings';
import { ifgAppointmentId, ifgPersonId, ifgPostId } from './ifg-ids';
import type { UnitOpen } from './ifg-posts';
import type { IfgAppointment, IfgPost } from './ifg-rows';

const FILE = 'appointment.csv';

export type AppointmentContext = Readonly<{
  postsById: ReadonlyMap<string, IfgPost>;
  kinds: ReadonlyMap<string, HoldingKind>;
  /** orgchange ids of the people the log knows. */
  registered: ReadonlySet<string>;
  unitOpen: UnitOpen;
  /** A department's end_date, to tell an appointment ended by a restructure from one ended for another reason. */
  closesOn: (ifgOrganisationId: string) => CalendarDate | undefined;
}>;

/**
 * Records each appointment with its start and (half-open) end in one fact, so a refused row appends nothing.
 * Covers are decided after the holdings they stand in for, which the domain checks them against.
 */
export async function decideAppointments(session: ImportSession, appointments: readonly IfgAppointment[], context: AppointmentContext): Promise<void> {
  const isCover = (a: IfgAppointment) => context.kinds.get(a.id)?.coveringForPersonId !== undefined;
  const ordered = [...appointments].sort((a, b) => Number(isCover(a)) - Number(isCover(b)) || (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.row - b.row));
  for (const a of ordered) {
    const post = context.postsById.get(a.postId);
    const personId = ifgPersonId(a.personId);
    const endReason = a.endDate !== undefined && post && a.endDate === context.closesOn(post.organisationId) ? 'restructured-out' : 'other';
    const data = {
      postId: ifgPostId(a.postId),
      appointmentId: ifgAppointmentId(a.id),
      personId,
      ...holdingOf(context.kinds.get(a.id)),
      effectiveFrom: a.startDate,
      ...(a.endDate !== undefined ? { endsOn: a.endDate, endReason: endReason as 'restructured-out' | 'other' } : {}),
      reason: 'IfG Ministers Database appointment',
    };
    const unitOpen = post ? await context.unitOpen(post.organisationId, a.startDate) : false;
    const fact = { key: `ifg-ministers:appointment:${a.id}`, file: FILE, rows: [a.row] };
    await session.post(data.postId, { type: 'StartAppointment', data, context: { unitOpen, personKnown: context.registered.has(personId) } }, fact);
    await session.flushIfFull();
  }
}

/** The holding's kind, naming the covered holder by their orgchange id. */
function holdingOf(holding: HoldingKind | undefined): { kind: HoldingKind['kind']; coveringForPersonId?: string } {
  if (holding?.coveringForPersonId === undefined) return { kind: holding?.kind ?? 'substantive' };
  return { kind: holding.kind, coveringForPersonId: ifgPersonId(holding.coveringForPersonId) };
}
