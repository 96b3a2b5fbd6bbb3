/**
 * The parts of the API's JSON answers the page reads (the OpenAPI document at /docs has the full shapes).
 * `npm run typecheck` checks that the server's answers still fit these (test/contracts/web-api-types.typecheck.ts).
 */

export type Holder = {
  appointmentId: string;
  personId: string;
  name?: string | null;
  profession: string | null;
  kind: string;
  from: string;
  until: string | null;
  coveringForPersonId: string | null;
  employingOrganisationId: string;
};

export type Post = {
  postId: string;
  unitId: string;
  title: string;
  family: string;
  grade: string;
  maxHolders: number;
  groupId: string | null;
  groupRole: string | null;
  holders: Holder[];
  vacancies: number;
  heldByClinician: boolean;
};

export type Unit = {
  unitId: string;
  name: string;
  kind: string;
  parentUnitId: string | null;
  hostOrganisationId: string;
  memberOrganisationIds: string[];
  employingOrganisationId: string | null;
  posts: Post[];
  children: Unit[];
};

export type OrganisationSummary = { organisationId: string; name: string; kind: string; code: string | null; openFrom: string; closesOn: string | null };

export type Structure = {
  organisation: OrganisationSummary;
  at: string;
  knownAt: string;
  asOfPosition: number;
  units: Unit[];
  partnerships: Unit[];
  counts: { units: number; posts: number; vacancies: number; actingOrCovering: number };
};

export type Amendment = { eventId: string; position: number; recordedAt: string; reason: string | null };

export type ChangeEntry = {
  position: number;
  type: string;
  subjectId: string | null;
  effectiveFrom: string;
  originalEffectiveFrom: string | null;
  recordedAt: string;
  summary: string;
  retracted: Amendment | null;
  corrections: (Amendment & { correctedFields: string[] })[];
};

export type Changes = { organisationId: string; entries: ChangeEntry[] };

type UnitRef = { unitId: string; name: string; kind: string; parentUnitId: string | null };
type PostRef = { postId: string; unitId: string; title: string };
type HolderRef = { postId: string; title: string; personId: string; kind: string };

export type StructureDiff = {
  organisationId: string;
  from: { at: string; knownAt: string; open: boolean };
  to: { at: string; knownAt: string; open: boolean };
  units: {
    added: UnitRef[];
    removed: UnitRef[];
    renamed: { unitId: string; fromName: string; toName: string }[];
    moved: { unitId: string; name: string; fromParentUnitId: string | null; toParentUnitId: string | null }[];
  };
  posts: {
    created: PostRef[];
    abolished: PostRef[];
    retitled: { postId: string; fromTitle: string; toTitle: string }[];
    regraded: { postId: string; title: string; fromGrade: string; toGrade: string }[];
  };
  holders: { appointed: HolderRef[]; left: HolderRef[]; kindChanged: (Omit<HolderRef, 'kind'> & { fromKind: string; toKind: string })[] };
};

export type DirectoryEntry = { organisationId: string; code: string | null; name: string; kind: string; openedOn: string; closedOn: string | null };

export type OrganisationLineage = {
  organisation: DirectoryEntry;
  lineage: (DirectoryEntry & { relation: 'predecessor' | 'successor'; generation: number; change: string; effectiveFrom: string; linkedTo: string })[];
};

export type LineageLink = { fromUnitId: string; fromName: string | null; toUnitId: string; toName: string | null; relation: string; effectiveFrom: string; depth: number };

export type UnitLineage = {
  unitId: string;
  name: string;
  predecessors: LineageLink[];
  successors: LineageLink[];
  renames: { effectiveFrom: string; fromName: string; toName: string }[];
  transfers: { effectiveFrom: string; fromOrganisationId: string; toOrganisationId: string }[];
};

export type Timer = { kind: string; dueOn: string };

export type ProgrammeSummary = { programmeId: string; title: string; status: string; organisationIds: string[]; changes: number; nextTimer: Timer | null };

export type ProgrammeDetail = {
  programmeId: string;
  version: number;
  state: { status: string; title?: string; changes: { changeId: string; command: { type: string; data: Record<string, unknown> } }[] };
  pendingTimers: Timer[];
  timeline: { eventId: string; type: string; recordedAt: string; actor: string; data: unknown }[];
};

export type ProgrammeImpact = {
  people: number;
  recipients: { recipientKind: string; recipientId: string; organisationId: string; personIds: string[]; reasons: string[]; changeIds: string[] }[];
  unresolved: unknown[];
};

export type ProgrammeNotifications = {
  notifications: {
    notificationId: string;
    kind: string;
    changeId: string | null;
    recipient: { recipientKind: string; recipientId: string };
    occurredOn: string;
    deliveries: { channel: string; status: string; attempts: number }[];
  }[];
};
