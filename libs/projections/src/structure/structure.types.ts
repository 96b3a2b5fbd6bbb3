/** A person holding a post on the date, and how. */
export type HolderView = Readonly<{
  appointmentId: string;
  personId: string;
  profession: string | null;
  kind: string;
  from: string;
  until: string | null;
  coveringForPersonId: string | null;
  employingOrganisationId: string;
  fraction: number | null;
  programmedActivities: number | null;
}>;

export type PostView = Readonly<{
  postId: string;
  unitId: string;
  title: string;
  family: string;
  grade: string;
  maxHolders: number;
  programmedActivities: number | null;
  groupId: string | null;
  groupRole: string | null;
  holders: readonly HolderView[];
  /** Seats no substantive, secondment or joint holder fills (an acting holder does not fill a seat). */
  vacancies: number;
  /** A leadership or management post held by a doctor, nurse or allied health professional. */
  heldByClinician: boolean;
  /** Leadership posts of the units directly below, plus the other posts of its own unit. */
  span: number | null;
}>;

export type UnitView = Readonly<{
  unitId: string;
  name: string;
  kind: string;
  parentUnitId: string | null;
  hostOrganisationId: string;
  memberOrganisationIds: readonly string[];
  employingOrganisationId: string | null;
  posts: readonly PostView[];
  children: readonly UnitView[];
}>;

export type PostGroupView = Readonly<{ groupId: string; unitId: string; members: readonly Readonly<{ postId: string; groupRole: string | null; holders: readonly string[] }>[] }>;

export type StructureView = Readonly<{
  organisation: Readonly<{ organisationId: string; name: string; kind: string; code: string | null; openFrom: string; closesOn: string | null }>;
  at: string;
  knownAt: string;
  asOfPosition: number;
  /** The unit tree, roots first; partnership units hosted by another organisation appear under `partnerships`. */
  units: readonly UnitView[];
  partnerships: readonly UnitView[];
  groups: readonly PostGroupView[];
  managementLayers: number;
  counts: Readonly<{ units: number; posts: number; vacancies: number; actingOrCovering: number }>;
}>;
