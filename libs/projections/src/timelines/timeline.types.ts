/** One stretch of a post with the same title and grade; `until` is the first day it no longer holds (null = open). */
export type PostVersionView = Readonly<{
  from: string;
  until: string | null;
  title: string;
  grade: string;
  unitId: string;
  maxHolders: number;
}>;

/** A holding of a post; `until` is the first day the person no longer holds it (null = still holds it). */
export type HoldingPeriodView = Readonly<{
  appointmentId: string;
  personId: string;
  kind: string;
  from: string;
  until: string | null;
  coveringForPersonId: string | null;
  employingOrganisationId: string | null;
}>;

export type PostTimelineView = Readonly<{
  postId: string;
  organisationId: string;
  family: string;
  groupId: string | null;
  groupRole: string | null;
  createdOn: string;
  /** First day the post no longer exists, or null. */
  abolishedOn: string | null;
  knownAt: string;
  asOfPosition: number;
  versions: readonly PostVersionView[];
  holders: readonly HoldingPeriodView[];
}>;

/** A holding with the post, unit and organisation as they stood on the day it started. */
export type CareerHoldingView = Readonly<{
  appointmentId: string;
  postId: string;
  kind: string;
  from: string;
  until: string | null;
  coveringForPersonId: string | null;
  title: string | null;
  family: string | null;
  grade: string | null;
  groupRole: string | null;
  unitId: string | null;
  unitName: string | null;
  organisationId: string;
  organisationName: string | null;
}>;

/**
 * An unbroken spell in one role: holdings of the same `role` (the post group's role, such as
 * `clinical-director`, or else the post family) each starting no later than the spell so far ends, whatever
 * post, unit or organisation they were in.
 */
export type TenureSpellView = Readonly<{
  role: string;
  from: string;
  until: string | null;
  appointmentIds: readonly string[];
  postIds: readonly string[];
  kinds: readonly string[];
}>;

export type PersonCareerView = Readonly<{
  personId: string;
  profession: string;
  knownAt: string;
  asOfPosition: number;
  holdings: readonly CareerHoldingView[];
  tenure: readonly TenureSpellView[];
}>;
