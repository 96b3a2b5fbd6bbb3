import type { AnalysisModel, OrganisationChange, UnitChange } from './analysis-model';

export type OrganisationOnDay = Readonly<{ kind: string; open: boolean }>;
export type UnitOnDay = Readonly<{ organisationId: string; parentUnitId: string | null }>;

/** Organisations known by a day (open or not, with their kind on it) and the units open on it. */
export type Snapshot = Readonly<{ day: number; organisations: ReadonlyMap<string, OrganisationOnDay>; units: ReadonlyMap<string, UnitOnDay> }>;

const byValidTime = (a: { day: number; seq: number }, b: { day: number; seq: number }) => a.day - b.day || a.seq - b.seq;

/**
 * Folds the model's dated changes as they stand on a day. Changes are sorted once by valid date, and on one
 * date by log position, the order the domain folds same-day events in.
 */
export class Snapshots {
  private readonly organisations: [string, OrganisationChange[]][];
  private readonly units: [string, UnitChange[]][];

  constructor(model: AnalysisModel) {
    this.organisations = [...model.organisations].map(([id, changes]) => [id, [...changes].sort(byValidTime)]);
    this.units = [...model.units].map(([id, changes]) => [id, [...changes].sort(byValidTime)]);
  }

  on(day: number): Snapshot {
    const organisations = new Map<string, OrganisationOnDay>();
    for (const [id, changes] of this.organisations) {
      let kind: string | undefined;
      let open = false;
      for (const c of changes) {
        if (c.day > day) break;
        if (c.kind !== undefined) kind = c.kind;
        if (c.open !== undefined) open = c.open;
      }
      // Known before it opens too: a restructure on its first day still needs the kind it opens with.
      kind ??= changes.find((c) => c.kind !== undefined)?.kind;
      if (kind !== undefined) organisations.set(id, { kind, open });
    }
    const units = new Map<string, UnitOnDay>();
    for (const [id, changes] of this.units) {
      let organisationId: string | null = null;
      let parentUnitId: string | null = null;
      for (const c of changes) {
        if (c.day > day) break;
        if (c.org !== undefined) organisationId = c.org;
        if (c.parent !== undefined) parentUnitId = c.parent;
      }
      if (organisationId !== null) units.set(id, { organisationId, parentUnitId });
    }
    return { day, organisations, units };
  }
}
