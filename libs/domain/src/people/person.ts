import type { CalendarDate } from '../shared/calendar-date';
import type { Decider } from '../shared/decider';
import { domainError } from '../shared/domain-error';
import type { DomainEvent } from '../shared/domain-event';
import { checkRealDate } from '../shared/rules';
import type { Profession } from '../shared/vocabulary';

/**
 * A person known to the record, by an opaque id only: names and contact details never enter events
 * (they belong in the separate, erasable person store).
 */
export type PersonRegistered = DomainEvent<'PersonRegistered', 1, { personId: string; profession: Profession; effectiveFrom: CalendarDate }>;
export type PersonEvent = PersonRegistered;

export type RegisterPerson = { type: 'RegisterPerson'; data: { personId: string; profession: Profession; effectiveFrom: CalendarDate } };
export type PersonCommand = RegisterPerson;

export type PersonState = Readonly<{ status: 'none' }> | Readonly<{ status: 'registered'; personId: string; profession: Profession }>;

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) =>
    state.status === 'none' && event.type === 'PersonRegistered'
      ? { status: 'registered', personId: event.data.personId, profession: event.data.profession }
      : state,
  decide: (command, state) => {
    const badDate = checkRealDate('effectiveFrom', command.data.effectiveFrom);
    if (badDate) return badDate;
    if (state.status !== 'none') return domainError('PersonAlreadyRegistered', `person ${command.data.personId} is already registered`);
    return [{ type: 'PersonRegistered', version: 1, data: command.data }];
  },
};
