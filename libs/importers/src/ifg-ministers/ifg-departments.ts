import type { CalendarDate } from '@orgchange/domain';
import type { ImportReport } from '../shared/import-report';
import type { Fact, ImportSession } from '../shared/import-session';
import { ifgOrganisationId, ifgTeamUnitId } from './ifg-ids';
import { involvedIn, type IfgRestructure } from './ifg-restructures';
import type { IfgAppointment, IfgOrganisation, IfgPost } from './ifg-rows';

const FILE = 'organisation.csv';
const fact = (o: IfgOrganisation, what: string): Fact => ({ key: `ifg-ministers:organisation:${o.id}:${what}`, file: FILE, rows: [o.row] });

/**
 * The day each department opens: its start_date, or, where the IfG gives none (departments older than the
 * database, such as the Home Office), the first day the data needs it: its earliest appointment or restructure.
 * A department with neither is reported and not imported.
 */
export function openingDays(
  organisations: readonly IfgOrganisation[],
  restructures: readonly IfgRestructure[],
  appointments: readonly IfgAppointment[],
  posts: ReadonlyMap<string, IfgPost>,
  report: ImportReport,
): Map<string, CalendarDate> {
  const firstNeeded = new Map<string, CalendarDate>();
  const need = (id: string | undefined, day: CalendarDate) => {
    const known = id === undefined ? undefined : firstNeeded.get(id);
    if (id !== undefined && (known === undefined || day < known)) firstNeeded.set(id, day);
  };
  for (const a of appointments) need(posts.get(a.postId)?.organisationId, a.startDate);
  for (const r of restructures) for (const id of involvedIn(r)) need(id, r.effectiveFrom);
  const opens = new Map<string, CalendarDate>();
  for (const o of organisations) {
    const day = o.startDate ?? firstNeeded.get(o.id);
    if (day !== undefined) opens.set(o.id, day);
    else report.reject({ file: FILE, row: o.row, rule: 'NoStartDate', message: `${o.name} has no start_date and no appointment or restructure that dates it` });
  }
  return opens;
}

/** Each department as a government department, and its ministerial team (the one unit its posts sit in). */
export async function establishDepartments(session: ImportSession, organisations: readonly IfgOrganisation[], opensOn: ReadonlyMap<string, CalendarDate>): Promise<void> {
  for (const o of organisations) {
    const effectiveFrom = opensOn.get(o.id);
    if (effectiveFrom === undefined) continue;
    const organisationId = ifgOrganisationId(o.id);
    const reason = o.startDate ? 'IfG Ministers Database start_date' : 'no start_date in the IfG data: the first day it shows the department';
    const data = { organisationId, name: o.name, kind: 'government-department' as const, ...(o.shortName ? { externalCode: o.shortName } : {}), effectiveFrom, reason };
    if ((await session.organisation(organisationId, { type: 'EstablishOrganisation', data }, fact(o, 'established'))) === 'rejected') continue;
    const team = { organisationId, unitId: ifgTeamUnitId(organisationId), name: 'Ministerial team', kind: 'team' as const, effectiveFrom };
    await session.organisation(organisationId, { type: 'EstablishUnit', data: team }, fact(o, 'ministerial-team'));
    await session.flushIfFull();
  }
}

/** Closes each department on its end_date (the first day it no longer existed), unless a restructure closed it already. */
export async function closeDepartments(session: ImportSession, organisations: readonly IfgOrganisation[]): Promise<void> {
  for (const o of organisations) {
    if (o.endDate === undefined) continue;
    const organisationId = ifgOrganisationId(o.id);
    const state = await session.organisationState(organisationId);
    if (state.status !== 'established' || state.closedOn === o.endDate) continue;
    const data = { organisationId, effectiveFrom: o.endDate, reason: 'IfG Ministers Database end_date' };
    await session.organisation(organisationId, { type: 'CloseOrganisation', data }, fact(o, `closed:${o.endDate}`));
    await session.flushIfFull();
  }
}
