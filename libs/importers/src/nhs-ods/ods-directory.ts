import { addDays, type CalendarDate, type OrganisationKind } from '@orgchange/domain';
import type { RowProblem } from '../shared/row-problem';
import { isDateError, odsDate } from './ods-dates';

/** The ODS directory files this importer reads, in the order their organisations are established. */
export const ODS_DIRECTORY_FILES = ['eccg.csv', 'etr.csv', 'epraccur.csv'] as const;
export type OdsDirectoryFile = (typeof ODS_DIRECTORY_FILES)[number];

/** The day CCGs were abolished and their codes carried on as sub-ICB locations of the new ICBs (Health and Care Act 2022). */
export const SUB_ICB_LOCATIONS_FROM = '2022-07-01' as CalendarDate;

/** An organisation as one row of an ODS directory file says it is. */
export type OdsOrganisation = Readonly<{
  code: string;
  name: string;
  kind: OrganisationKind;
  openedOn: CalendarDate;
  /** First day closed: the day after the inclusive ODS close date. */
  closedFrom?: CalendarDate;
  /** Set for CCGs that became sub-ICB locations on 2022-07-01. */
  becomesSubIcbLocationOn?: CalendarDate;
  file: OdsDirectoryFile;
  row: number;
}>;

// Standard 27-field layout (SOURCES.md): 1 code, 2 name, 11 open date, 12 close date, 14 role or sub-type, 26 prescribing setting.
const CODE = 0;
const NAME = 1;
const OPEN = 10;
const CLOSE = 11;
const ROLE = 13;
const PRESCRIBING_SETTING = 25;

/** ODS role codes of eccg.csv rows. */
const SUB_ICB_LOCATION_ROLE = 'RO319';
const COMMISSIONING_HUB_ROLE = 'RO218';
/** epraccur.csv prescribing setting 4: a GP practice (the other settings are walk-in centres, prisons, hospices, …). */
const GP_PRACTICE_SETTING = '4';

/**
 * Reads one row of eccg.csv, etr.csv or epraccur.csv. Kinds: eccg rows with no role (closed CCGs) or role
 * RO319 (CCGs that became sub-ICB locations) are CCGs; RO218 rows are commissioning hubs; other roles
 * (RO327 sub-ICB reporting entities) are `other`. Every etr row is an NHS trust: the extract does not say
 * when a trust gained foundation status. epraccur rows are GP practices when their prescribing setting is 4,
 * other prescribing cost centres otherwise.
 */
export function parseDirectoryRow(file: OdsDirectoryFile, row: number, fields: readonly string[]): OdsOrganisation | RowProblem {
  const code = (fields[CODE] ?? '').trim();
  const name = (fields[NAME] ?? '').trim();
  if (!/^[A-Z0-9]{3,10}$/.test(code)) return { rule: 'BadCode', message: `organisation code "${code}" is not an ODS code` };
  if (name === '') return { rule: 'MissingName', message: `organisation ${code} has no name` };
  const opened = odsDate(fields[OPEN], 'open date');
  const closed = odsDate(fields[CLOSE], 'close date');
  if (isDateError(opened)) return { rule: 'BadDate', message: `${code}: ${opened.error}` };
  if (isDateError(closed)) return { rule: 'BadDate', message: `${code}: ${closed.error}` };
  if (opened === undefined) return { rule: 'MissingOpenDate', message: `organisation ${code} has no open date` };
  if (closed !== undefined && closed < opened) return { rule: 'ClosedBeforeOpened', message: `organisation ${code} closes on ${closed}, before it opened on ${opened}` };
  const kind = kindOf(file, fields);
  const becomesSubIcbLocationOn =
    kind === 'ccg' && (fields[ROLE] ?? '').split('|').includes(SUB_ICB_LOCATION_ROLE) && opened < SUB_ICB_LOCATIONS_FROM && (closed === undefined || closed >= SUB_ICB_LOCATIONS_FROM)
      ? SUB_ICB_LOCATIONS_FROM
      : undefined;
  return {
    code,
    name,
    kind: kind === 'ccg' && opened >= SUB_ICB_LOCATIONS_FROM ? 'sub-icb-location' : kind,
    openedOn: opened,
    ...(closed !== undefined ? { closedFrom: addDays(closed, 1) } : {}),
    ...(becomesSubIcbLocationOn ? { becomesSubIcbLocationOn } : {}),
    file,
    row,
  };
}

function kindOf(file: OdsDirectoryFile, fields: readonly string[]): OrganisationKind {
  if (file === 'etr.csv') return 'nhs-trust';
  if (file === 'epraccur.csv') return (fields[PRESCRIBING_SETTING] ?? '').trim() === GP_PRACTICE_SETTING ? 'gp-practice' : 'other';
  const roles = (fields[ROLE] ?? '').trim().split('|');
  if (roles[0] === '' || roles.includes(SUB_ICB_LOCATION_ROLE)) return 'ccg';
  if (roles.includes(COMMISSIONING_HUB_ROLE)) return 'commissioning-hub';
  return 'other';
}

/** The organisation id orgchange gives an ODS organisation: stable, so a re-import finds the same streams. */
export const odsOrganisationId = (code: string): string => `ods-${code}`;
