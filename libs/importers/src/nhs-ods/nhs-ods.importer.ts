import { join } from 'node:path';
import type { CalendarDate } from '@orgchange/domain';
import type { EventStore } from '@orgchange/event-store';
import { eachSourceRow } from '../shared/each-source-row';
import { ImportReport } from '../shared/import-report';
import { type ImportProgress, silentProgress } from '../shared/import-progress';
import { type Fact, ImportSession } from '../shared/import-session';
import { isRowProblem } from '../shared/row-problem';
import { ODS_DIRECTORY_FILES, odsOrganisationId, type OdsOrganisation, parseDirectoryRow } from './ods-directory';
import { parseMembershipRow } from './ods-memberships';
import { groupSuccessions, type OdsRestructure, type OdsSuccessionRow, parseSuccessionRow } from './ods-successions';

const SOURCE = 'nhs-ods';
const MEMBERSHIPS_FILE = 'epcmem.csv';
const SUCCESSIONS_FILE = 'succ.csv';
/** Every file the importer reads; all must be present before anything is appended. */
export const NHS_ODS_FILES = [...ODS_DIRECTORY_FILES, MEMBERSHIPS_FILE, SUCCESSIONS_FILE] as const;

/**
 * Imports NHS ODS extracts from `dir`: organisations from the directory files with their real open dates,
 * practice memberships, successions as mergers, splits, re-codings and take-overs, then closures on the day
 * after each inclusive ODS close date (unless a succession already closed the organisation that day).
 * Memberships are decided before successions and closures so that a membership ending on the day its group
 * closes is still accepted. Idempotent: every fact's event ids derive from what it says.
 */
export async function importNhsOds(store: EventStore, dir: string, progress: ImportProgress = silentProgress): Promise<ImportReport> {
  const report = new ImportReport(SOURCE);
  const session = new ImportSession(store, report, { actor: `import:${SOURCE}` });
  const directory = new Map<string, OdsOrganisation>();

  for (const file of ODS_DIRECTORY_FILES) {
    await eachSourceRow(join(dir, file), file, { header: false }, report, progress, async (row, fields) => {
      const org = parseDirectoryRow(file, row, fields);
      if (isRowProblem(org)) return report.reject({ file, row, ...org });
      const earlier = directory.get(org.code);
      if (earlier) return report.reject({ file, row, rule: 'DuplicateCode', message: `${org.code} is already listed in ${earlier.file} row ${earlier.row}` });
      directory.set(org.code, org);
      await establish(session, org);
    });
  }

  const unknown = (code: string) => `${code} is not in ${ODS_DIRECTORY_FILES.join(', ')} (predecessor bodies such as PCTs, trust sites and T-coded trusts are published in other ODS files)`;

  await eachSourceRow(join(dir, MEMBERSHIPS_FILE), MEMBERSHIPS_FILE, { header: false }, report, progress, async (row, fields) => {
    const m = parseMembershipRow(row, fields);
    if (isRowProblem(m)) return report.reject({ file: MEMBERSHIPS_FILE, row, ...m });
    const missing = [m.parentCode, m.practiceCode].find((code) => !directory.has(code));
    if (missing) return report.reject({ file: MEMBERSHIPS_FILE, row, rule: 'OrganisationNotImported', message: unknown(missing) });
    const membership = { groupOrganisationId: odsOrganisationId(m.parentCode), memberOrganisationId: odsOrganisationId(m.practiceCode) };
    const fact = (what: string): Fact => ({ key: `${SOURCE}:membership:${m.practiceCode}:${m.parentCode}:${m.joinedOn}:${what}`, file: MEMBERSHIPS_FILE, rows: [row] });
    const joined = await session.acrossOrganisations({ type: 'ChangeMembership', data: { ...membership, change: 'joined', effectiveFrom: m.joinedOn } }, fact('joined'));
    if (joined !== 'rejected' && m.leftFrom) {
      await session.acrossOrganisations({ type: 'ChangeMembership', data: { ...membership, change: 'left', effectiveFrom: m.leftFrom } }, fact(`left:${m.leftFrom}`));
    }
  });

  const successions: OdsSuccessionRow[] = [];
  await eachSourceRow(join(dir, SUCCESSIONS_FILE), SUCCESSIONS_FILE, { header: false }, report, progress, async (row, fields) => {
    const s = parseSuccessionRow(row, fields);
    if (isRowProblem(s)) return report.reject({ file: SUCCESSIONS_FILE, row, ...s });
    const missing = [s.oldCode, s.newCode].find((code) => !directory.has(code));
    if (missing) return report.reject({ file: SUCCESSIONS_FILE, row, rule: 'OrganisationNotImported', message: unknown(missing) });
    successions.push(s);
  });
  for (const restructure of groupSuccessions(successions, (code) => directory.get(code)?.openedOn)) {
    await decideRestructure(session, restructure);
    await session.flushIfFull();
  }

  for (const org of directory.values()) {
    if (org.closedFrom) await close(session, org, org.closedFrom);
    await session.flushIfFull();
  }
  await session.flush();
  return report;
}

async function establish(session: ImportSession, org: OdsOrganisation): Promise<void> {
  const organisationId = odsOrganisationId(org.code);
  const fact: Fact = { key: `${SOURCE}:organisation:${org.code}:established`, file: org.file, rows: [org.row] };
  const data = { organisationId, name: org.name, kind: org.kind, externalCode: org.code, effectiveFrom: org.openedOn, reason: `listed in ODS ${org.file}` };
  if ((await session.organisation(organisationId, { type: 'EstablishOrganisation', data }, fact)) === 'rejected') return;
  if (org.becomesSubIcbLocationOn) {
    const reclassify = { organisationId, kind: 'sub-icb-location' as const, effectiveFrom: org.becomesSubIcbLocationOn, reason: 'CCGs abolished; the code carries on as a sub-ICB location (Health and Care Act 2022)' };
    await session.organisation(organisationId, { type: 'ReclassifyOrganisation', data: reclassify }, { ...fact, key: `${SOURCE}:organisation:${org.code}:sub-icb-location` });
  }
  await session.flushIfFull();
}

async function decideRestructure(session: ImportSession, r: OdsRestructure): Promise<void> {
  const fact: Fact = { key: `${SOURCE}:succession:${r.kind === 'split' ? r.predecessor : r.predecessors.join('+')}>${r.kind === 'split' ? r.successors.join('+') : r.successor}:${r.effectiveFrom}`, file: SUCCESSIONS_FILE, rows: r.rows };
  const reason = `ODS succession (${r.kind})`;
  if (r.kind === 'split') {
    const data = { predecessorId: odsOrganisationId(r.predecessor), successorIds: r.successors.map(odsOrganisationId), effectiveFrom: r.effectiveFrom, reason };
    await session.acrossOrganisations({ type: 'SplitOrganisation', data }, fact);
  } else {
    const data = { predecessorIds: r.predecessors.map(odsOrganisationId), successorId: odsOrganisationId(r.successor), effectiveFrom: r.effectiveFrom, reason };
    await session.acrossOrganisations({ type: 'MergeOrganisations', data }, fact);
  }
}

/**
 * Closes an organisation on the day after its ODS close date. Nothing to do when a succession closed it that
 * day; a succession that closed it on another day is a disagreement between the files, which the decider
 * reports as a rejected row.
 */
async function close(session: ImportSession, org: OdsOrganisation, closedFrom: CalendarDate): Promise<void> {
  const organisationId = odsOrganisationId(org.code);
  const state = await session.organisationState(organisationId);
  if (state.status !== 'established' || (state.closedOn === closedFrom && state.successorIds.length > 0)) return;
  const fact: Fact = { key: `${SOURCE}:organisation:${org.code}:closed:${closedFrom}`, file: org.file, rows: [org.row] };
  await session.organisation(organisationId, { type: 'CloseOrganisation', data: { organisationId, effectiveFrom: closedFrom, reason: `closed in ODS ${org.file}` } }, fact);
}
