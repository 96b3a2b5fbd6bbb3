import type { CalendarDate, CrossOrganisationCommand } from '@orgchange/domain';
import type { ImportReport } from '../shared/import-report';
import type { Fact, ImportSession } from '../shared/import-session';
import { ifgOrganisationId } from './ifg-ids';
import { involvedIn, type IfgRestructure } from './ifg-restructures';
import type { RowProblem } from '../shared/row-problem';
import type { IfgOrganisation } from './ifg-rows';

const FILE = 'organisation_link.csv';

/**
 * Records each restructure across the departments involved. Every one must be open on the effective day (the
 * domain's rule for changes across organisations); where the IfG dates leave a gap (a department closing the
 * day before its successor opens) the link is reported here, naming both departments, and appends nothing.
 */
export async function decideRestructures(
  session: ImportSession,
  restructures: readonly IfgRestructure[],
  departments: ReadonlyMap<string, IfgOrganisation>,
  opensOn: ReadonlyMap<string, CalendarDate>,
  report: ImportReport,
): Promise<void> {
  for (const r of restructures) {
    const fact: Fact = { key: `ifg-ministers:link:${r.kind}:${involvedIn(r).join('+')}:${r.effectiveFrom}`, file: FILE, rows: r.rows };
    const problem = notOpen(r, departments, opensOn);
    if (problem) {
      for (const row of r.rows) report.reject({ file: FILE, row, ...problem });
      continue;
    }
    await session.acrossOrganisations(commandFor(r, departments), fact);
    await session.flushIfFull();
  }
}

function commandFor(r: IfgRestructure, departments: ReadonlyMap<string, IfgOrganisation>): CrossOrganisationCommand {
  const reason = `IfG Ministers Database organisation_link: ${r.linkTypes.join(' + ')}`;
  const effectiveFrom = r.effectiveFrom;
  switch (r.kind) {
    case 'merger':
      return { type: 'MergeOrganisations', data: { predecessorIds: r.predecessorIds.map(ifgOrganisationId), successorId: ifgOrganisationId(r.successorId), effectiveFrom, reason } };
    case 'split':
      return { type: 'SplitOrganisation', data: { predecessorId: ifgOrganisationId(r.predecessorId), successorIds: r.successorIds.map(ifgOrganisationId), effectiveFrom, reason } };
    case 'transfer': {
      const [from, to] = [departments.get(r.predecessorId)!, departments.get(r.successorId)!];
      const description = `${r.functions ? `${r.functions} functions` : 'functions'} of ${from.name} moved to ${to.name}`;
      return { type: 'RedrawBoundary', data: { fromOrganisationId: ifgOrganisationId(r.predecessorId), toOrganisationId: ifgOrganisationId(r.successorId), description, effectiveFrom, reason } };
    }
  }
}

/**
 * Checked against the departments' own dates, not the log, so a re-run (whose log already has the predecessor
 * closed) reaches the session and counts the fact as already imported. A predecessor a restructure closes
 * needs to be open only up to the day before.
 */
function notOpen(r: IfgRestructure, departments: ReadonlyMap<string, IfgOrganisation>, opensOn: ReadonlyMap<string, CalendarDate>): RowProblem | undefined {
  const closing = r.kind === 'merger' ? r.predecessorIds : r.kind === 'split' ? [r.predecessorId] : [];
  for (const id of involvedIn(r)) {
    const department = departments.get(id);
    if (!department) return { rule: 'OrganisationNotInFile', message: `organisation ${id} is not in organisation.csv` };
    const opens = opensOn.get(id);
    const closes = department.endDate;
    if (opens !== undefined && opens <= r.effectiveFrom && (closes === undefined || r.effectiveFrom < closes || closing.includes(id))) continue;
    const life = opens === undefined ? 'not imported' : `open from ${opens}${closes ? ` until ${closes} (first day closed)` : ''}`;
    return {
      rule: 'OrganisationNotOpenOnLinkDate',
      message: `${r.kind} of ${involvedIn(r).map((d) => departments.get(d)?.shortName ?? d).join(', ')} on ${r.effectiveFrom}: ${department.name} is ${life}; the IfG dates leave a gap, so the departments are recorded unlinked`,
    };
  }
  return undefined;
}
