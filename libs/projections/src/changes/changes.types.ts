/** A later event that withdrew or amended a change, as recorded at the query's position. */
export type ChangeAmendmentView = Readonly<{ eventId: string; position: number; recordedAt: string; reason: string | null }>;

export type ChangeEntryView = Readonly<{
  position: number;
  eventId: string;
  type: string;
  subjectId: string | null;
  /** The effective date as corrected up to the query's position. */
  effectiveFrom: string;
  /** The effective date first recorded, when a correction has since moved it; else null. */
  originalEffectiveFrom: string | null;
  recordedAt: string;
  summary: string;
  /** Set when the change was retracted (it should never have been recorded); it is still listed. */
  retracted: ChangeAmendmentView | null;
  corrections: readonly (ChangeAmendmentView & { correctedFields: readonly string[] })[];
}>;

export type OrganisationChangesView = Readonly<{
  organisationId: string;
  /** Inclusive bounds on the effective date; null = unbounded. */
  from: string | null;
  to: string | null;
  knownAt: string;
  asOfPosition: number;
  entries: readonly ChangeEntryView[];
}>;
