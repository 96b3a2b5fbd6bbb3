/** Someone holding a post on the date asked about, with the post's title and organisation on that date. */
export type TitleHolderView = Readonly<{
  personId: string;
  title: string;
  postId: string;
  grade: string;
  organisationId: string;
  /** The organisation's name on the date (its last name before it, if it had closed while the holding ran on). */
  organisation: string | null;
  organisationCode: string | null;
  kind: string;
  coveringForPersonId: string | null;
  /** First day of the holding. */
  from: string;
  /** First day no longer held (valid time is half-open); null while open-ended. */
  to: string | null;
}>;

export type TitleHoldersView = Readonly<{ title: string; at: string; knownAt: string; holders: readonly TitleHolderView[] }>;
