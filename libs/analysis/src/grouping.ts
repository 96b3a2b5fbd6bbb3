import type { AnalysisModel } from './analysis-model';
import { IdTable } from './model/id-table';
import { NONE } from './model/post-table';
import type { Snapshot } from './snapshot';

export const GROUPINGS = ['all', 'organisation', 'kind'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export const ALL = 'all';
export const UNKNOWN_KIND = 'unknown';

/** The group an organisation falls in on a snapshot's day: itself, its kind on that day, or everything. */
export const groupOf = (by: Grouping, model: AnalysisModel, organisation: number, snapshot: Snapshot): string => {
  if (by === 'organisation') return model.organisations.idOf(organisation);
  if (by === 'kind') return snapshot.kind[organisation] === NONE ? UNKNOWN_KIND : model.kinds.idOf(snapshot.kind[organisation]);
  return ALL;
};

/** A snapshot with the group (a number in the analysis' group names) of every organisation on its day. */
export type GroupedSnapshot = Snapshot & Readonly<{ group: Int32Array }>;

/** Numbers the groups of one analysis, so per-group tallies can be arrays indexed by group. */
export class GroupNames {
  private readonly names = new IdTable();

  constructor(private readonly by: Grouping, private readonly model: AnalysisModel) {}

  nameOf(group: number): string {
    return this.names.idOf(group);
  }

  grouped(snapshot: Snapshot): GroupedSnapshot {
    const group = new Int32Array(snapshot.kind.length);
    for (let o = 0; o < group.length; o++) group[o] = this.names.intern(groupOf(this.by, this.model, o, snapshot));
    return { ...snapshot, group };
  }
}

/** The group of whatever sits in a unit: that of the organisation hosting the unit on the day, else `fallback`'s. */
export const groupInUnit = (snapshot: GroupedSnapshot, unit: number, fallback: number): number => {
  const host = snapshot.host[unit];
  return snapshot.group[host === NONE ? fallback : host];
};

/** Sums (or any per-group tally) by group number, created on first use. */
export class GroupTally<T> {
  readonly byGroup: (T | undefined)[] = [];

  constructor(private readonly fresh: () => T) {}

  of(group: number): T {
    return (this.byGroup[group] ??= this.fresh());
  }

  /** Each group's tally with its name. */
  named(names: GroupNames): [string, T][] {
    const out: [string, T][] = [];
    this.byGroup.forEach((t, g) => t !== undefined && out.push([names.nameOf(g), t]));
    return out;
  }
}
