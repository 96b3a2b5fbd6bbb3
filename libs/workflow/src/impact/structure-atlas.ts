import type { CalendarDate } from '@orgchange/domain';
import type { StructureView } from '@orgchange/projections';
import { StructureIndex } from './structure-index';

/**
 * The structures an analysis has been given, by organisation and day, and where posts were found. Each lookup
 * answers the thing, `null` when the record says there is none (the organisation was not open, the post did not
 * exist), or `undefined` when it has not been read yet, so the analysis can say what it still needs.
 */
export class StructureAtlas {
  private readonly structures = new Map<string, StructureIndex | null>();
  private readonly byDay = new Map<CalendarDate, StructureIndex[]>();
  private readonly postHosts = new Map<string, string | null>();

  /** Keeps `view`, or `null` when `organisationId` was not open on `on`. */
  addStructure(organisationId: string, on: CalendarDate, view: StructureView | null): void {
    const index = view && new StructureIndex(view);
    this.structures.set(key(organisationId, on), index);
    if (index) this.byDay.set(on, [...(this.byDay.get(on) ?? []), index]);
  }

  /** Records the organisation hosting the post on `on` as found elsewhere, or `null` when the post did not exist then. */
  addPostHost(postId: string, on: CalendarDate, organisationId: string | null): void {
    this.postHosts.set(key(postId, on), organisationId);
  }

  structure(organisationId: string, on: CalendarDate): StructureIndex | null | undefined {
    return this.structures.get(key(organisationId, on));
  }

  postHost(postId: string, on: CalendarDate): string | null | undefined {
    for (const index of this.byDay.get(on) ?? []) {
      const host = index.hostOf(postId);
      if (host !== undefined) return host;
    }
    return this.postHosts.get(key(postId, on));
  }

  /** How many answers it holds: an analysis that asks again without it growing would never finish. */
  get size(): number {
    return this.structures.size + this.postHosts.size;
  }
}

const key = (id: string, on: CalendarDate): string => `${on} ${id}`;
