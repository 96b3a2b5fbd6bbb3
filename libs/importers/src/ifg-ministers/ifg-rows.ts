import { type CalendarDate, isCalendarDate } from '@orgchange/domain';
import type { RowProblem } from '../shared/row-problem';

/** One data row of an IfG table, its fields by column name (the header row is not counted: the first data row is 1). */
export type IfgRecord = Readonly<{ row: number; field: (column: string) => string }>;

/** A department. `endDate` is the first day it no longer existed (IfG intervals are half-open). */
export type IfgOrganisation = Readonly<{ id: string; name: string; shortName: string; startDate?: CalendarDate; endDate?: CalendarDate; row: number }>;

export const IFG_LINK_TYPES = ['Merger', 'Demerger', 'Name change', 'Transfer of functions'] as const;
export type IfgLinkType = (typeof IFG_LINK_TYPES)[number];
/**
 * `announcedOn` is link_start_date (the announcement), `completedOn` link_end_date (the last minister moved).
 * `functions` names what moved when the IfG says (`Transfer of functions: equalities`).
 */
export type IfgLink = Readonly<{ predecessorId: string; successorId: string; type: IfgLinkType; functions?: string; announcedOn: CalendarDate; completedOn: CalendarDate; row: number }>;

export type IfgPost = Readonly<{ id: string; organisationId: string; title: string; rank: string; row: number }>;
export type IfgPersonName = Readonly<{ personId: string; name: string; from?: CalendarDate; until?: CalendarDate; row: number }>;
/** `endDate` is the first day out of post; it is not checked against `startDate` here, because the domain rule does that. */
export type IfgAppointment = Readonly<{ id: string; personId: string; postId: string; startDate: CalendarDate; endDate?: CalendarDate; row: number }>;
/** A sub-period of an appointment: acting, or on leave (maternity, health, covering another role). */
export type IfgCharacteristic = Readonly<{ appointmentId: string; isActing: boolean; isOnLeave: boolean; startDate: CalendarDate; endDate?: CalendarDate; row: number }>;


export function parseOrganisation(r: IfgRecord): IfgOrganisation | RowProblem {
  const id = r.field('id').trim();
  const name = r.field('name').trim();
  if (id === '' || name === '') return { rule: 'MissingField', message: 'an organisation needs an id and a name' };
  const startDate = date(r, 'start_date');
  const endDate = date(r, 'end_date');
  if (isProblem(startDate)) return startDate;
  if (isProblem(endDate)) return endDate;
  if (startDate && endDate && endDate <= startDate) return { rule: 'EndsBeforeStarts', message: `${name} ends (${endDate}) on or before it starts (${startDate})` };
  return { id, name, shortName: r.field('short_name').trim(), ...(startDate ? { startDate } : {}), ...(endDate ? { endDate } : {}), row: r.row };
}

export function parseLink(r: IfgRecord): IfgLink | RowProblem {
  const predecessorId = r.field('predecessor_organisation_id').trim();
  const successorId = r.field('successor_organisation_id').trim();
  const [typeText, ...detail] = r.field('type').split(':');
  const type = typeText.trim() as IfgLinkType;
  const functions = detail.join(':').trim();
  if (predecessorId === '' || successorId === '') return { rule: 'MissingField', message: 'a link needs a predecessor and a successor' };
  if (predecessorId === successorId) return { rule: 'SuccessorIsPredecessor', message: `organisation ${predecessorId} cannot succeed itself` };
  if (!IFG_LINK_TYPES.includes(type)) return { rule: 'UnknownLinkType', message: `link type "${r.field('type')}" is not one of ${IFG_LINK_TYPES.join(', ')} (optionally followed by ": <functions>")` };
  const announcedOn = required(r, 'link_start_date');
  const completedOn = required(r, 'link_end_date');
  if (isProblem(announcedOn)) return announcedOn;
  if (isProblem(completedOn)) return completedOn;
  if (completedOn < announcedOn) return { rule: 'EndsBeforeStarts', message: `link ends (${completedOn}) before it starts (${announcedOn})` };
  return { predecessorId, successorId, type, ...(functions ? { functions } : {}), announcedOn, completedOn, row: r.row };
}

export function parsePost(r: IfgRecord): IfgPost | RowProblem {
  const [id, organisationId, title] = ['id', 'organisation_id', 'name'].map((c) => r.field(c).trim());
  if (id === '' || organisationId === '' || title === '') return { rule: 'MissingField', message: 'a post needs an id, an organisation and a name' };
  return { id, organisationId, title, rank: r.field('rank_equivalence').trim(), row: r.row };
}

export function parsePersonName(r: IfgRecord): IfgPersonName | RowProblem {
  const personId = r.field('id').trim();
  const name = (r.field('display_name').trim() || r.field('name').trim());
  if (personId === '' || name === '') return { rule: 'MissingField', message: 'a person needs an id and a name' };
  const from = date(r, 'start_date');
  const until = date(r, 'end_date');
  if (isProblem(from)) return from;
  if (isProblem(until)) return until;
  return { personId, name, ...(from ? { from } : {}), ...(until ? { until } : {}), row: r.row };
}

export function parseAppointment(r: IfgRecord): IfgAppointment | RowProblem {
  const [id, personId, postId] = ['id', 'person_id', 'post_id'].map((c) => r.field(c).trim());
  if (id === '' || personId === '' || postId === '') return { rule: 'MissingField', message: 'an appointment needs an id, a person and a post' };
  const startDate = required(r, 'start_date');
  const endDate = date(r, 'end_date');
  if (isProblem(startDate)) return startDate;
  if (isProblem(endDate)) return endDate;
  return { id, personId, postId, startDate, ...(endDate ? { endDate } : {}), row: r.row };
}

export function parseCharacteristic(r: IfgRecord): IfgCharacteristic | RowProblem {
  const appointmentId = r.field('appointment_id').trim();
  if (appointmentId === '') return { rule: 'MissingField', message: 'a characteristic needs an appointment id' };
  const isActing = flag(r, 'is_acting');
  const isOnLeave = flag(r, 'is_on_leave');
  const startDate = required(r, 'start_date');
  const endDate = date(r, 'end_date');
  for (const value of [isActing, isOnLeave, startDate, endDate]) if (isProblem(value)) return value;
  return { appointmentId, isActing: isActing as boolean, isOnLeave: isOnLeave as boolean, startDate: startDate as CalendarDate, ...(endDate ? { endDate: endDate as CalendarDate } : {}), row: r.row };
}

const isProblem = (value: unknown): value is RowProblem => typeof value === 'object' && value !== null;

function date(r: IfgRecord, column: string): CalendarDate | undefined | RowProblem {
  const text = r.field(column).trim();
  if (text === '') return undefined;
  return isCalendarDate(text) ? text : { rule: 'BadDate', message: `${column} "${text}" is not a date in the form YYYY-MM-DD` };
}

function required(r: IfgRecord, column: string): CalendarDate | RowProblem {
  return date(r, column) ?? { rule: 'MissingDate', message: `${column} is empty` };
}

function flag(r: IfgRecord, column: string): boolean | RowProblem {
  const text = r.field(column).trim();
  if (text === 'True' || text === 'False') return text === 'True';
  return { rule: 'BadFlag', message: `${column} "${text}" is neither True nor False` };
}
