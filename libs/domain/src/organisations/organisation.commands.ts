import type { CalendarDate } from '../shared/calendar-date';
import type { OrganisationKind, UnitKind } from '../shared/vocabulary';

type Effective = { effectiveFrom: CalendarDate; reason?: string };

export type EstablishOrganisation = {
  type: 'EstablishOrganisation';
  data: Effective & { organisationId: string; name: string; kind: OrganisationKind; externalCode?: string };
};
export type RenameOrganisation = { type: 'RenameOrganisation'; data: Effective & { organisationId: string; name: string } };
export type ReclassifyOrganisation = { type: 'ReclassifyOrganisation'; data: Effective & { organisationId: string; kind: OrganisationKind } };
export type CloseOrganisation = { type: 'CloseOrganisation'; data: Effective & { organisationId: string } };

/** A unit to create as part of a merge or split. */
export type NewUnit = { unitId: string; name: string; kind: UnitKind; parentUnitId?: string };

export type EstablishUnit = {
  type: 'EstablishUnit';
  data: Effective & {
    organisationId: string;
    unitId: string;
    name: string;
    kind: UnitKind;
    parentUnitId?: string;
    memberOrganisationIds?: string[];
  };
};
export type RenameUnit = { type: 'RenameUnit'; data: Effective & { organisationId: string; unitId: string; name: string } };
/** `toParentUnitId` absent = move directly under the organisation. */
export type MoveUnit = { type: 'MoveUnit'; data: Effective & { organisationId: string; unitId: string; toParentUnitId?: string } };
/** Either `successorUnitId` names an open unit (possibly one of `unitIds`), or `newSuccessor` is created. */
export type MergeUnits = {
  type: 'MergeUnits';
  data: Effective & { organisationId: string; unitIds: string[]; successorUnitId?: string; newSuccessor?: NewUnit };
};
/** Open children of the split unit must each be given to one successor in `childAllocation`. */
export type SplitUnit = {
  type: 'SplitUnit';
  data: Effective & { organisationId: string; unitId: string; successors: NewUnit[]; childAllocation?: Record<string, string> };
};
export type DissolveUnit = { type: 'DissolveUnit'; data: Effective & { organisationId: string; unitId: string } };

/** Commands decided against one organisation's stream. */
export type OrganisationCommand =
  | EstablishOrganisation
  | RenameOrganisation
  | ReclassifyOrganisation
  | CloseOrganisation
  | EstablishUnit
  | RenameUnit
  | MoveUnit
  | MergeUnits
  | SplitUnit
  | DissolveUnit;
