import type { PostView, StructureView, UnitView } from '@orgchange/projections';

/**
 * One organisation's structure on one day, indexed for the recipient rules. Leadership is read from the
 * structure itself: the structure query gives a span to leadership posts only, so `span !== null` is its own
 * leadership test, and "direct reports" are exactly what that span counts.
 */
export class StructureIndex {
  readonly organisationId: string;
  private readonly units = new Map<string, UnitView>();
  private readonly posts = new Map<string, PostView>();
  private readonly postsByGroup = new Map<string, PostView[]>();
  /** Every post shown, partnership units of other hosts included, with the organisation hosting its unit. */
  private readonly hosts = new Map<string, string>();

  constructor(readonly view: StructureView) {
    this.organisationId = view.organisation.organisationId;
    const visit = (unit: UnitView, own: boolean): void => {
      if (own) this.units.set(unit.unitId, unit);
      for (const post of unit.posts) {
        this.hosts.set(post.postId, unit.hostOrganisationId);
        if (!own) continue;
        this.posts.set(post.postId, post);
        if (post.groupId !== null) this.postsByGroup.set(post.groupId, [...(this.postsByGroup.get(post.groupId) ?? []), post]);
      }
      for (const child of unit.children) visit(child, own);
    };
    for (const root of view.units) visit(root, true);
    // A partnership unit hosted elsewhere is decided by its host, so it only tells us where to look.
    for (const root of view.partnerships) visit(root, false);
  }

  post(postId: string): PostView | undefined {
    return this.posts.get(postId);
  }

  unit(unitId: string): UnitView | undefined {
    return this.units.get(unitId);
  }

  /** The organisation hosting the post's unit, if this structure shows the post at all. */
  hostOf(postId: string): string | undefined {
    return this.hosts.get(postId);
  }

  parentOf(unit: UnitView): UnitView | undefined {
    return unit.parentUnitId === null ? undefined : this.units.get(unit.parentUnitId);
  }

  leadersOf(unit: UnitView): PostView[] {
    return unit.posts.filter(leads);
  }

  /**
   * Who speaks for the organisation: the leadership posts of its board units or, where it records no board (a
   * ministerial team, an imported directory entry), of its top-level units. Trusts keep divisions at the top
   * level beside the board, so the top level alone would tell every division.
   */
  boardPosts(): PostView[] {
    const boards = [...this.units.values()].filter((u) => u.kind === 'board');
    return (boards.length > 0 ? boards : this.view.units).flatMap((u) => this.leadersOf(u));
  }

  /** As the structure's span counts them: leadership posts of the units directly below, and the other posts of its own unit. */
  directReportsOf(post: PostView): PostView[] {
    const unit = this.units.get(post.unitId);
    if (!leads(post) || !unit) return [];
    return [...unit.children.flatMap((c) => this.leadersOf(c)), ...unit.posts.filter((p) => !leads(p))];
  }

  /** The other posts of the post's group (the rest of a triumvirate). */
  groupPartnersOf(groupId: string | null, postId: string): PostView[] {
    return groupId === null ? [] : (this.postsByGroup.get(groupId) ?? []).filter((p) => p.postId !== postId);
  }
}

const leads = (post: PostView): boolean => post.span !== null;

export const holderIdsOf = (post: PostView): string[] => post.holders.map((h) => h.personId);

export const memberIdsOf = (unit: UnitView): string[] => unit.posts.flatMap(holderIdsOf);
