import { type CalendarDate, groupBy } from '@orgchange/domain';
import type { PersonName } from '@orgchange/people-directory';
import type { ImportReport } from '../shared/import-report';
import type { ImportSession } from '../shared/import-session';
import { ifgPersonId } from './ifg-ids';
import type { IfgAppointment, IfgPersonName } from './ifg-rows';

const FILE = 'person.csv';

/**
 * Registers every person by an opaque id from their first appointment (a minister is known to the record from
 * then); their names go to the person directory, never into events. Returns the names of each person the log
 * knows (registered now or by an earlier run), by orgchange person id.
 */
export async function decidePeople(session: ImportSession, names: readonly IfgPersonName[], appointments: readonly IfgAppointment[], report: ImportReport): Promise<Map<string, PersonName[]>> {
  const firstAppointed = new Map<string, CalendarDate>();
  for (const a of appointments) {
    const known = firstAppointed.get(a.personId);
    if (known === undefined || a.startDate < known) firstAppointed.set(a.personId, a.startDate);
  }
  const registered = new Map<string, PersonName[]>();
  for (const [ifgId, versions] of groupBy(names, (n) => n.personId)) {
    const effectiveFrom = firstAppointed.get(ifgId);
    if (effectiveFrom === undefined) {
      for (const v of versions) report.reject({ file: FILE, row: v.row, rule: 'PersonNeverAppointed', message: `person ${ifgId} holds no appointment in appointment.csv` });
      continue;
    }
    const personId = ifgPersonId(ifgId);
    const fact = { key: `ifg-ministers:person:${ifgId}:registered`, file: FILE, rows: versions.map((v) => v.row) };
    // A minister's profession is none of the clinical or managerial ones the vocabulary names.
    const outcome = await session.person(personId, { type: 'RegisterPerson', data: { personId, profession: 'other', effectiveFrom } }, fact);
    if (outcome !== 'rejected') registered.set(personId, versions.map(({ name, from, until }) => ({ name, ...(from ? { from } : {}), ...(until ? { until } : {}) })));
    await session.flushIfFull();
  }
  return registered;
}
