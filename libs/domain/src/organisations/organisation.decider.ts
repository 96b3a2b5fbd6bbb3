import type { CalendarDate } from '../shared/calendar-date';
import { type Decider } from '../shared/decider';
import { type DomainError, domainError } from '../shared/domain-error';
import { checkRealDate } from '../shared/rules';
import { decideUnitCommand, type UnitCommand } from '../units/unit.decide';
import type { OrganisationCommand } from './organisation.commands';
import { evolveOrganisation, initialOrganisationState, type OrganisationEvent } from './organisation.evolve';
import { type EstablishedOrganisation, isOrganisationOpenOn, type OrganisationState, valueOn } from './organisation.state';

type Result = readonly OrganisationEvent[] | DomainError;

/** Decides commands against one organisation's stream: its lifecycle and its unit tree. */
export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  initialState: initialOrganisationState,
  evolve: evolveOrganisation,
  decide: decideOrganisation,
};

function decideOrganisation(command: OrganisationCommand, state: OrganisationState): Result {
  const badDate = checkRealDate('effectiveFrom', command.data.effectiveFrom);
  if (badDate) return badDate;
  const { reason } = command.data;
  const on = command.data.effectiveFrom;
  switch (command.type) {
    case 'EstablishOrganisation': {
      // A stream belongs to one organisation for ever: re-establishing would rewrite its history.
      if (state.status !== 'none') return alreadyExists(command.data.organisationId);
      return [{ type: 'OrganisationEstablished', version: 1, data: command.data }];
    }
    case 'RenameOrganisation':
    case 'CloseOrganisation': {
      // Rule: an organisation closes once; checked before openness, which a second closure on or after the first would fail.
      if (command.type === 'CloseOrganisation' && state.status === 'established' && state.closedOn !== undefined) {
        return domainError('OrganisationAlreadyClosed', `organisation ${state.organisationId} already closes on ${state.closedOn}`);
      }
      const open = requireOpen(state, command.data.organisationId, on);
      if (!isOpen(open)) return open;
      if (command.type === 'CloseOrganisation') {
        return [{ type: 'OrganisationClosed', version: 1, data: { organisationId: open.organisationId, effectiveFrom: on, ...(reason ? { reason } : {}) } }];
      }
      return [{ type: 'OrganisationRenamed', version: 1, data: command.data }];
    }
    case 'ReclassifyOrganisation': {
      const open = requireOpen(state, command.data.organisationId, on);
      if (!isOpen(open)) return open;
      if (valueOn(open.kinds, on) === command.data.kind) {
        return domainError('OrganisationAlreadyOfKind', `organisation ${open.organisationId} is already a ${command.data.kind} on ${on}`, { kind: command.data.kind });
      }
      return [{ type: 'OrganisationReclassified', version: 1, data: command.data }];
    }
    default: {
      const open = requireOpen(state, command.data.organisationId, on);
      if (!isOpen(open)) return open;
      return decideUnitCommand(command satisfies UnitCommand, open);
    }
  }
}

const isOpen = (value: EstablishedOrganisation | DomainError): value is EstablishedOrganisation =>
  (value as DomainError).kind !== 'DomainError';

/** Rule: changes apply only to an organisation that exists and is open on their effective date. */
export function requireOpen(state: OrganisationState, organisationId: string, on: CalendarDate): EstablishedOrganisation | DomainError {
  if (state.status === 'none') return domainError('OrganisationNotFound', `organisation ${organisationId} does not exist`, { organisationId });
  if (!isOrganisationOpenOn(state, on)) {
    return domainError('OrganisationNotOpen', `organisation ${organisationId} is not open on ${on}`, { organisationId, effectiveFrom: on });
  }
  return state;
}

const alreadyExists = (organisationId: string): DomainError =>
  domainError('OrganisationAlreadyExists', `organisation ${organisationId} already exists`, { organisationId });
