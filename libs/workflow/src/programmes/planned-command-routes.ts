import type { CrossOrganisationCommand, OrganisationCommand, PostCommand } from '@orgchange/domain';

export type PlannedCommandType = OrganisationCommand['type'] | CrossOrganisationCommand['type'] | PostCommand['type'];

/** Which handler's rules decide a planned command: one organisation's stream, several organisations', or a post's. */
export type PlannedCommandRoute = 'organisation' | 'cross-organisation' | 'post';

/**
 * Every command a programme may plan, with its route. A Record over the union, so a new command type that is
 * not routed here fails to compile instead of failing on its effective date.
 */
export const PLANNED_COMMAND_ROUTES: Readonly<Record<PlannedCommandType, PlannedCommandRoute>> = {
  EstablishOrganisation: 'organisation',
  RenameOrganisation: 'organisation',
  ReclassifyOrganisation: 'organisation',
  CloseOrganisation: 'organisation',
  EstablishUnit: 'organisation',
  RenameUnit: 'organisation',
  MoveUnit: 'organisation',
  MergeUnits: 'organisation',
  SplitUnit: 'organisation',
  DissolveUnit: 'organisation',
  MergeOrganisations: 'cross-organisation',
  SplitOrganisation: 'cross-organisation',
  TransferService: 'cross-organisation',
  ChangeMembership: 'cross-organisation',
  RedrawBoundary: 'cross-organisation',
  TransferEmployment: 'cross-organisation',
  CreatePost: 'post',
  RetitlePost: 'post',
  RegradePost: 'post',
  AbolishPost: 'post',
  StartAppointment: 'post',
  EndAppointment: 'post',
};

export const PLANNED_COMMAND_TYPES = Object.keys(PLANNED_COMMAND_ROUTES) as PlannedCommandType[];

export const isPlannedCommandType = (type: unknown): type is PlannedCommandType => typeof type === 'string' && Object.hasOwn(PLANNED_COMMAND_ROUTES, type);
