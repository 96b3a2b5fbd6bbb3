import { assertNever } from '../shared/assert-never';
import type { CalendarDate } from '../shared/calendar-date';

type Effective = { effectiveFrom: CalendarDate; reason?: string };

export type MergeOrganisations = {
  type: 'MergeOrganisations';
  data: Effective & { predecessorIds: string[]; successorId: string };
};
export type SplitOrganisation = {
  type: 'SplitOrganisation';
  data: Effective & { predecessorId: string; successorIds: string[] };
};
export type TransferService = {
  type: 'TransferService';
  data: Effective & {
    unitId: string;
    fromOrganisationId: string;
    toOrganisationId: string;
    toParentUnitId?: string;
    /** Defaults to the gaining organisation. */
    employingOrganisationId?: string;
  };
};
export type ChangeMembership = {
  type: 'ChangeMembership';
  data: Effective & {
    groupOrganisationId: string;
    partnershipUnitId?: string;
    memberOrganisationId: string;
    change: 'joined' | 'left';
  };
};
export type RedrawBoundary = {
  type: 'RedrawBoundary';
  data: Effective & {
    fromOrganisationId: string;
    toOrganisationId: string;
    description: string;
    population?: number;
    budgetGbp?: number;
    areaKm2?: number;
  };
};
export type TransferEmployment = {
  type: 'TransferEmployment';
  data: Effective & { hostOrganisationId: string; unitId: string; personIds: string[]; fromEmployerId: string; toEmployerId: string };
};

/** Commands that change several organisations at once, decided against all their states together. */
export type CrossOrganisationCommand =
  | MergeOrganisations
  | SplitOrganisation
  | TransferService
  | ChangeMembership
  | RedrawBoundary
  | TransferEmployment;

/** The organisations a cross-organisation command touches: each gets the resulting events in its stream. */
export function organisationsInvolved(command: CrossOrganisationCommand): string[] {
  switch (command.type) {
    case 'MergeOrganisations':
      return unique([...command.data.predecessorIds, command.data.successorId]);
    case 'SplitOrganisation':
      return unique([command.data.predecessorId, ...command.data.successorIds]);
    case 'TransferService':
      return unique([command.data.fromOrganisationId, command.data.toOrganisationId]);
    case 'ChangeMembership':
      return unique([command.data.groupOrganisationId, command.data.memberOrganisationId]);
    case 'RedrawBoundary':
      return unique([command.data.fromOrganisationId, command.data.toOrganisationId]);
    case 'TransferEmployment':
      return unique([command.data.hostOrganisationId, command.data.fromEmployerId, command.data.toEmployerId]);
    default:
      return assertNever(command);
  }
}

const unique = (ids: string[]): string[] => [...new Set(ids)];

/** The command each cross-organisation event records; the event's data is that command's, so it names the same organisations. */
const COMMAND_RECORDED_BY: Readonly<Record<string, CrossOrganisationCommand['type']>> = {
  OrganisationsMerged: 'MergeOrganisations',
  OrganisationSplit: 'SplitOrganisation',
  ServiceTransferred: 'TransferService',
  MembershipChanged: 'ChangeMembership',
  BoundaryRedrawn: 'RedrawBoundary',
  EmploymentTransferred: 'TransferEmployment',
};

/**
 * The organisations whose streams each hold a copy of a cross-organisation event (the decision appends the
 * same event to every organisation involved), or undefined for an event that has no copies. A correction of
 * one copy must correct them all, or the organisations' records disagree.
 */
export function organisationsHoldingCopies(event: Readonly<{ type: string; data: unknown }>): string[] | undefined {
  if (!Object.hasOwn(COMMAND_RECORDED_BY, event.type)) return undefined;
  return organisationsInvolved({ type: COMMAND_RECORDED_BY[event.type], data: event.data } as CrossOrganisationCommand);
}
