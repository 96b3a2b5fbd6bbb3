export type DiffUnitRef = Readonly<{ unitId: string; name: string; kind: string; parentUnitId: string | null }>;
export type DiffPostRef = Readonly<{ postId: string; unitId: string; title: string }>;
export type DiffHolderRef = Readonly<{ postId: string; title: string; personId: string; kind: string }>;

/** One side of a diff: the valid date, the recorded instant asked for and the position it resolved to. */
export type DiffSide = Readonly<{ at: string; knownAt: string; asOfPosition: number; open: boolean }>;

/**
 * What changed in an organisation's structure between two points. Either point may differ in valid date,
 * in recorded time, or both; a side on which the organisation was not open counts as an empty structure.
 */
export type StructureDiffView = Readonly<{
  organisationId: string;
  from: DiffSide;
  to: DiffSide;
  units: Readonly<{
    added: readonly DiffUnitRef[];
    removed: readonly DiffUnitRef[];
    renamed: readonly Readonly<{ unitId: string; fromName: string; toName: string }>[];
    moved: readonly Readonly<{ unitId: string; name: string; fromParentUnitId: string | null; toParentUnitId: string | null }>[];
  }>;
  posts: Readonly<{
    created: readonly DiffPostRef[];
    abolished: readonly DiffPostRef[];
    retitled: readonly Readonly<{ postId: string; fromTitle: string; toTitle: string }>[];
    regraded: readonly Readonly<{ postId: string; title: string; fromGrade: string; toGrade: string }>[];
  }>;
  /** Keyed by post and person: a new holder is appointed, a gone one left, the same one holding differently changed kind. */
  holders: Readonly<{
    appointed: readonly DiffHolderRef[];
    left: readonly DiffHolderRef[];
    kindChanged: readonly Readonly<{ postId: string; title: string; personId: string; fromKind: string; toKind: string }>[];
  }>;
}>;
