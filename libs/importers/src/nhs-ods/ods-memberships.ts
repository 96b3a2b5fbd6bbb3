import { addDays, type CalendarDate } from '@orgchange/domain';
import { isDateError, odsDate } from './ods-dates';
import type { RowProblem } from '../shared/row-problem';

/** One row of epcmem.csv: a practice belongs to a commissioning organisation from `joinedOn`, up to `leftFrom` (exclusive). */
export type OdsMembership = Readonly<{ practiceCode: string; parentCode: string; joinedOn: CalendarDate; leftFrom?: CalendarDate; row: number }>;

// epcmem.csv (SOURCES.md): 1 practice code, 2 parent code, 3 parent type, 4 join date, 5 left date (inclusive), 6 amended flag.
export function parseMembershipRow(row: number, fields: readonly string[]): OdsMembership | RowProblem {
  const [practiceCode = '', parentCode = '', , joined, left] = fields.map((f) => f.trim());
  if (practiceCode === '' || parentCode === '') return { rule: 'MissingCode', message: 'a membership needs a practice code and a parent code' };
  const joinedOn = odsDate(joined, 'join date');
  const leftOn = odsDate(left, 'left date');
  if (isDateError(joinedOn)) return { rule: 'BadDate', message: `${practiceCode} in ${parentCode}: ${joinedOn.error}` };
  if (isDateError(leftOn)) return { rule: 'BadDate', message: `${practiceCode} in ${parentCode}: ${leftOn.error}` };
  if (joinedOn === undefined) return { rule: 'MissingDate', message: `${practiceCode} in ${parentCode} has no join date` };
  if (leftOn !== undefined && leftOn < joinedOn) return { rule: 'LeftBeforeJoined', message: `${practiceCode} left ${parentCode} on ${leftOn}, before joining on ${joinedOn}` };
  // ODS left dates are the last day of membership; the record keeps the first day without it.
  return { practiceCode, parentCode, joinedOn, ...(leftOn !== undefined ? { leftFrom: addDays(leftOn, 1) } : {}), row };
}
