import type { AnalysisModel, OrganisationChange, UnitChange } from './analysis-model';
import { NONE } from './model/post-table';

/**
 * The record on one day, by entity number: each organisation's kind on the day (NONE when no kind is known at
 * all) and whether it is open; each unit's hosting organisation (NONE when not open) and parent unit (NONE
 * at the top). An organisation is known before it opens too: a restructure on its first day needs its kind.
 */
export type Snapshot = Readonly<{ day: number; kind: Int32Array; open: Uint8Array; host: Int32Array; parent: Int32Array }>;

const byValidTime = (a: { day: number; seq: number }, b: { day: number; seq: number }) => a.day - b.day || a.seq - b.seq;

/**
 * Folds the model's dated changes as they stand on a day. Changes are sorted once by valid date, and on one
 * date by log position, the order the domain folds same-day events in.
 */
export class Snapshots {
  private readonly organisations: (readonly OrganisationChange[] | undefined)[];
  private readonly units: (readonly UnitChange[] | undefined)[];

  constructor(model: AnalysisModel) {
    this.organisations = Array.from({ length: model.organisations.size }, (_, n) => model.organisationChanges[n] && [...model.organisationChanges[n]].sort(byValidTime));
    this.units = Array.from({ length: model.units.size }, (_, n) => model.unitChanges[n] && [...model.unitChanges[n]].sort(byValidTime));
  }

  on(day: number): Snapshot {
    const kind = new Int32Array(this.organisations.length).fill(NONE);
    const open = new Uint8Array(this.organisations.length);
    this.organisations.forEach((changes, n) => {
      if (changes === undefined) return;
      let k = NONE;
      for (const c of changes) {
        if (c.day > day) break;
        if (c.kind !== undefined) k = c.kind;
        if (c.open !== undefined) open[n] = c.open ? 1 : 0;
      }
      kind[n] = k !== NONE ? k : (changes.find((c) => c.kind !== undefined)?.kind ?? NONE);
      if (kind[n] === NONE) open[n] = 0;
    });
    const host = new Int32Array(this.units.length).fill(NONE);
    const parent = new Int32Array(this.units.length).fill(NONE);
    this.units.forEach((changes, n) => {
      if (changes === undefined) return;
      for (const c of changes) {
        if (c.day > day) break;
        if (c.organisation !== undefined) host[n] = c.organisation;
        if (c.parent !== undefined) parent[n] = c.parent;
      }
      if (host[n] === NONE) parent[n] = NONE;
    });
    return { day, kind, open, host, parent };
  }
}
