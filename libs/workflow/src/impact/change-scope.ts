import type { CalendarDate } from '@orgchange/domain';
import type { PostView, UnitView } from '@orgchange/projections';
import type { ImpactReason, UnresolvedChange } from './impact.types';
import type { PlannedStructure } from './planned-structure';
import type { RecipientSet } from './recipient-set';
import type { StructureAtlas } from './structure-atlas';
import { holderIdsOf, memberIdsOf, type StructureIndex } from './structure-index';

/** Reads an analysis could not do without: the analyser makes them and runs the analysis again. */
export type MissingReads = Readonly<{
  structures: Map<string, Readonly<{ organisationId: string; on: CalendarDate }>>;
  postHosts: Map<string, Readonly<{ postId: string; on: CalendarDate }>>;
}>;

/** What one pass of an analysis collects. */
export type ImpactFindings = Readonly<{ recipients: RecipientSet; missing: MissingReads; unresolved: UnresolvedChange[] }>;

/**
 * One change as the recipient rules see it: the structures of the day it is read on and where its findings
 * go. A lookup of something not yet read notes the read and answers `undefined`; the rule then stops, and the
 * next pass, with the read made, finds everything again (findings are sets, so nothing is counted twice).
 */
export class ChangeScope {
  constructor(
    readonly changeId: string,
    readonly on: CalendarDate,
    private readonly atlas: StructureAtlas,
    private readonly findings: ImpactFindings,
    /** Posts the changes being analysed create, which the record does not show yet. */
    readonly planned: PlannedStructure,
  ) {}

  structure(organisationId: string): StructureIndex | null | undefined {
    const index = this.atlas.structure(organisationId, this.on);
    if (index === undefined) this.findings.missing.structures.set(`${this.on} ${organisationId}`, { organisationId, on: this.on });
    return index;
  }

  postHost(postId: string): string | null | undefined {
    const host = this.atlas.postHost(postId, this.on);
    if (host === undefined) this.findings.missing.postHosts.set(`${this.on} ${postId}`, { postId, on: this.on });
    return host;
  }

  unresolved(subjectId: string, code: UnresolvedChange['code']): void {
    this.findings.unresolved.push({ changeId: this.changeId, subjectId, code });
  }

  tellPost(structure: StructureIndex, post: PostView, reason: ImpactReason, alsoPersonIds: readonly string[] = []): void {
    this.tell('post', post.postId, this.hostOfUnit(structure, post.unitId), [...holderIdsOf(post), ...alsoPersonIds], reason);
  }

  /** A post the changes create, told with the people the changes put in it by the day it is read on. */
  tellPlannedPost(structure: StructureIndex, post: Readonly<{ postId: string; unitId: string }>, reason: ImpactReason, alsoPersonIds: readonly string[]): void {
    this.tell('post', post.postId, this.hostOfUnit(structure, post.unitId), [...this.planned.holdersOn(post.postId, this.on), ...alsoPersonIds], reason);
  }

  /** Posts around the change are told only when someone holds them: a vacant post has nobody to tell. */
  tellHeldPosts(structure: StructureIndex, posts: readonly PostView[], reason: ImpactReason): void {
    for (const post of posts) if (post.holders.length > 0) this.tellPost(structure, post, reason);
  }

  tellUnit(unit: UnitView, reason: ImpactReason): void {
    this.tell('unit', unit.unitId, unit.hostOrganisationId, memberIdsOf(unit), reason);
  }

  /** An organisation is told through its board; one not open on the day is told with nobody named. */
  tellOrganisation(organisationId: string, reason: ImpactReason): void {
    const structure = this.structure(organisationId);
    if (structure === undefined) return;
    const board = structure?.boardPosts() ?? [];
    this.tell('organisation', organisationId, organisationId, board.flatMap(holderIdsOf), reason);
  }

  private hostOfUnit(structure: StructureIndex, unitId: string): string {
    return structure.unit(unitId)?.hostOrganisationId ?? structure.organisationId;
  }

  private tell(recipientKind: 'post' | 'unit' | 'organisation', recipientId: string, organisationId: string, personIds: readonly string[], reason: ImpactReason): void {
    this.findings.recipients.add({ recipientKind, recipientId, organisationId, personIds, reason, changeId: this.changeId });
  }
}
