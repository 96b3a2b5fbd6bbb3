/** One stretch of a unit with the same name and parent in one organisation; `until` exclusive (null = open). */
export type UnitVersionView = Readonly<{
  organisationId: string;
  name: string;
  kind: string;
  parentUnitId: string | null;
  from: string;
  until: string | null;
}>;

export type UnitRenameView = Readonly<{ organisationId: string; effectiveFrom: string; fromName: string; toName: string }>;

export type UnitMoveView = Readonly<{ organisationId: string; effectiveFrom: string; fromParentUnitId: string | null; toParentUnitId: string | null }>;

/** The unit left one organisation and carried on in another (a service transfer) on `effectiveFrom`. */
export type UnitTransferView = Readonly<{
  effectiveFrom: string;
  fromOrganisationId: string;
  toOrganisationId: string;
  fromParentUnitId: string | null;
  toParentUnitId: string | null;
}>;

/** A merger or split edge: `fromUnitId` closed on `effectiveFrom` and `toUnitId` carried it on. */
export type LineageLinkView = Readonly<{
  fromUnitId: string;
  fromName: string | null;
  toUnitId: string;
  toName: string | null;
  relation: string;
  effectiveFrom: string;
  /** 1 for a direct predecessor or successor, 2 for one of theirs, and so on. */
  depth: number;
}>;

export type UnitLineageView = Readonly<{
  unitId: string;
  /** The unit's last recorded name. */
  name: string;
  knownAt: string;
  asOfPosition: number;
  versions: readonly UnitVersionView[];
  renames: readonly UnitRenameView[];
  moves: readonly UnitMoveView[];
  transfers: readonly UnitTransferView[];
  predecessors: readonly LineageLinkView[];
  successors: readonly LineageLinkView[];
}>;
