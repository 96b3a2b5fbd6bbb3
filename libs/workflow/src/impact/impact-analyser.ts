import type { CalendarDate } from '@orgchange/domain';
import type { LeadershipReader } from '@orgchange/projections';
import { analyseImpact } from './analyse-impact';
import type { Impact, ImpactChange } from './impact.types';
import { StructureAtlas } from './structure-atlas';

/**
 * Works out who a set of changes affects, reading the structures it needs through the leadership read model:
 * each organisation once per day it is read on, however many changes touch it. `knownAt` (default: everything
 * recorded so far) reads the record as it stood then, as every leadership read does. `context`: the changes they
 * are read with (see `analyseImpact`), by default themselves.
 */
export class ImpactAnalyser {
  constructor(private readonly reader: LeadershipReader) {}

  async analyse(changes: readonly ImpactChange[], knownAt?: string, context: readonly ImpactChange[] = changes): Promise<Impact> {
    const atlas = new StructureAtlas();
    for (;;) {
      const { recipients, unresolved, missing } = analyseImpact(changes, atlas, context);
      if (missing.structures.size === 0 && missing.postHosts.size === 0) return { recipients, unresolved };
      const before = atlas.size;
      for (const { organisationId, on } of missing.structures.values()) await this.readStructure(atlas, organisationId, on, knownAt);
      // One at a time: the structure read for one post usually holds the next ones, which then need no look-up.
      for (const { postId, on } of missing.postHosts.values()) {
        if (atlas.postHost(postId, on) !== undefined) continue;
        const host = await this.hostOf(postId, on, knownAt);
        atlas.addPostHost(postId, on, host);
        if (host !== null && atlas.structure(host, on) === undefined) await this.readStructure(atlas, host, on, knownAt);
      }
      if (atlas.size === before) throw new Error('impact analysis asked for reads it already has');
    }
  }

  private async readStructure(atlas: StructureAtlas, organisationId: string, on: CalendarDate, knownAt: string | undefined): Promise<void> {
    const result = await this.reader.structure(organisationId, on, knownAt);
    atlas.addStructure(organisationId, on, result.ok ? result.value : null);
  }

  /**
   * The organisation hosting the post's unit on `on`: the post's own record names the organisation that created
   * it, but a post follows its unit when a service is transferred, so the unit's history says where it was then.
   */
  private async hostOf(postId: string, on: CalendarDate, knownAt: string | undefined): Promise<string | null> {
    const post = await this.reader.postTimeline(postId, knownAt);
    if (!post.ok) return null;
    const version = post.value.versions.find((v) => v.from <= on && (v.until === null || on < v.until));
    if (!version) return null;
    const unit = await this.reader.unitLineage(version.unitId, knownAt);
    const hosting = unit.ok ? unit.value.versions.find((v) => v.from <= on && (v.until === null || on < v.until)) : undefined;
    return hosting?.organisationId ?? post.value.organisationId;
  }
}
