import type { Snapshot } from './snapshot';

export const GROUPINGS = ['all', 'organisation', 'kind'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export const ALL = 'all';
export const UNKNOWN_KIND = 'unknown';

/** The group an organisation falls in on a snapshot's day: itself, its kind on that day, or everything. */
export const groupOf = (by: Grouping, organisationId: string, snapshot: Snapshot): string => {
  if (by === 'organisation') return organisationId;
  if (by === 'kind') return snapshot.organisations.get(organisationId)?.kind ?? UNKNOWN_KIND;
  return ALL;
};

/** Sums (or any per-group tally) keyed by group, created on first use. */
export class GroupTally<T> {
  readonly byGroup = new Map<string, T>();

  constructor(private readonly fresh: () => T) {}

  of(group: string): T {
    let value = this.byGroup.get(group);
    if (value === undefined) {
      value = this.fresh();
      this.byGroup.set(group, value);
    }
    return value;
  }
}
