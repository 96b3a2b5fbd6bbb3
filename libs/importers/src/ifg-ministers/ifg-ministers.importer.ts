import { type CalendarDate, isOrganisationOpenOn, isUnitOpenOn } from '@orgchange/domain';
import type { EventStore } from '@orgchange/event-store';
import type { PersonDirectory } from '@orgchange/people-directory';
import { ImportReport } from '../shared/import-report';
import { type ImportProgress, silentProgress } from '../shared/import-progress';
import { ImportSession } from '../shared/import-session';
import { decideAppointments } from './ifg-appointments';
import { closeDepartments, establishDepartments, openingDays } from './ifg-departments';
import { holdingKinds } from './ifg-holdings';
import { ifgOrganisationId, ifgTeamUnitId } from './ifg-ids';
import { decidePeople } from './ifg-people';
import { abolishUnheldPosts, createPosts } from './ifg-posts';
import { decideRestructures } from './ifg-restructure-decisions';
import { planRestructures } from './ifg-restructures';
import { parseAppointment, parseCharacteristic, parseLink, parseOrganisation, parsePersonName, parsePost } from './ifg-rows';
import { checkIfgHeaders, readIfgTable } from './ifg-tables';

export const IFG_SOURCE = 'ifg-ministers';

/**
 * Imports the IfG Ministers Database from `dir`: departments with their dates and ministerial teams, their
 * restructures, people (opaque ids in the log, names in `names`), posts and appointments. Every header is
 * checked and every table read before the first event, so a wrong file appends nothing; a row the domain
 * refuses is reported and appends nothing. Departments are closed before posts are decided: the domain's
 * states are over valid time, so a closed department still accepts appointments dated while it was open.
 * Idempotent: every fact's event ids derive from what it says, and a person's names are replaced, not added.
 */
export async function importIfgMinisters(store: EventStore, names: PersonDirectory, dir: string, progress: ImportProgress = silentProgress): Promise<ImportReport> {
  await checkIfgHeaders(dir);
  const report = new ImportReport(IFG_SOURCE);
  const organisations = await readIfgTable(dir, 'organisation.csv', parseOrganisation, report, progress);
  const links = await readIfgTable(dir, 'organisation_link.csv', parseLink, report, progress);
  const posts = await readIfgTable(dir, 'post.csv', parsePost, report, progress);
  const personNames = await readIfgTable(dir, 'person.csv', parsePersonName, report, progress);
  const appointments = await readIfgTable(dir, 'appointment.csv', parseAppointment, report, progress);
  const characteristics = await readIfgTable(dir, 'appointment_characteristics.csv', parseCharacteristic, report, progress);

  const session = new ImportSession(store, report, { actor: `import:${IFG_SOURCE}` });
  const departments = new Map(organisations.map((o) => [o.id, o]));
  const postsById = new Map(posts.map((p) => [p.id, p]));
  const restructures = planRestructures(links, departments);
  const opensOn = openingDays(organisations, restructures, appointments, postsById, report);
  await establishDepartments(session, organisations, opensOn);
  await decideRestructures(session, restructures, departments, opensOn, report);
  await closeDepartments(session, organisations);

  const unitOpen = async (department: string, on: CalendarDate): Promise<boolean> => {
    const organisationId = ifgOrganisationId(department);
    const state = await session.organisationState(organisationId);
    return isOrganisationOpenOn(state, on) && isUnitOpenOn(state.units[ifgTeamUnitId(organisationId)], on);
  };
  const people = await decidePeople(session, personNames, appointments, report);
  const kinds = holdingKinds(appointments, characteristics);
  const created = await createPosts(session, posts, appointments, kinds, opensOn, unitOpen, report);
  const closesOn = (department: string) => departments.get(department)?.endDate;
  await decideAppointments(session, appointments, { postsById, kinds, registered: new Set(people.keys()), unitOpen, closesOn });
  await abolishUnheldPosts(session, created);
  await session.flush();

  for (const [personId, versions] of people) await names.recordNames(personId, IFG_SOURCE, versions);
  return report;
}
