import { type CalendarDate, groupBy } from '@orgchange/domain';
import { isDateError, odsDate } from './ods-dates';
import type { RowProblem } from '../shared/row-problem';

/** One row of succ.csv: the predecessor's responsibilities pass to the successor from `effectiveFrom`. */
export type OdsSuccessionRow = Readonly<{ oldCode: string; newCode: string; effectiveFrom: CalendarDate; row: number }>;

/**
 * Successions grouped into the restructures they record. succ.csv gives no reasons (field 3 is empty in every
 * row), so the kind is read from the shape: one predecessor to several successors on one date is a split;
 * several predecessors to one successor is a merger; one to one is a re-coding when the successor opened that
 * day and a take-over when it already existed.
 */
export type OdsRestructure =
  | Readonly<{ kind: 'split'; predecessor: string; successors: readonly string[]; effectiveFrom: CalendarDate; rows: readonly number[] }>
  | Readonly<{ kind: 'merger' | 're-coding' | 'take-over'; predecessors: readonly string[]; successor: string; effectiveFrom: CalendarDate; rows: readonly number[] }>;

export function parseSuccessionRow(row: number, fields: readonly string[]): OdsSuccessionRow | RowProblem {
  const [oldCode = '', newCode = '', , date] = fields.map((f) => f.trim());
  if (oldCode === '' || newCode === '') return { rule: 'MissingCode', message: 'a succession needs both the old and the new code' };
  if (oldCode === newCode) return { rule: 'SuccessorIsPredecessor', message: `${oldCode} cannot succeed itself` };
  const effectiveFrom = odsDate(date, 'effective date');
  if (effectiveFrom === undefined) return { rule: 'MissingDate', message: `succession ${oldCode} → ${newCode} has no effective date` };
  if (isDateError(effectiveFrom)) return { rule: 'BadDate', message: `succession ${oldCode} → ${newCode}: ${effectiveFrom.error}` };
  return { oldCode, newCode, effectiveFrom, row };
}

/**
 * Groups successions into restructures, in effective-date order (a chain A → B → C is decided in order).
 * `openedOn` gives each successor's opening date, to tell a re-coding from a take-over.
 */
export function groupSuccessions(rows: readonly OdsSuccessionRow[], openedOn: (code: string) => CalendarDate | undefined): OdsRestructure[] {
  const byPredecessor = groupBy(rows, (r) => `${r.oldCode}|${r.effectiveFrom}`);
  const restructures: OdsRestructure[] = [];
  const soleSuccessions: OdsSuccessionRow[] = [];
  for (const group of byPredecessor.values()) {
    const successors = [...new Set(group.map((r) => r.newCode))].sort();
    if (successors.length > 1) {
      restructures.push({ kind: 'split', predecessor: group[0].oldCode, successors, effectiveFrom: group[0].effectiveFrom, rows: group.map((r) => r.row) });
    } else soleSuccessions.push(...group);
  }
  for (const group of groupBy(soleSuccessions, (r) => `${r.newCode}|${r.effectiveFrom}`).values()) {
    const predecessors = [...new Set(group.map((r) => r.oldCode))].sort();
    const { newCode: successor, effectiveFrom } = group[0];
    const kind = predecessors.length > 1 ? 'merger' : openedOn(successor) === effectiveFrom ? 're-coding' : 'take-over';
    restructures.push({ kind, predecessors, successor, effectiveFrom, rows: group.map((r) => r.row) });
  }
  return restructures.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : a.rows[0] - b.rows[0]));
}
