import type { Database } from 'better-sqlite3';
import { groupBy, LEADERSHIP_FAMILIES } from '@orgchange/domain';
import type { AsOf } from '../read-model/as-of';
import { type HoldingVersions, StructureCache } from './structure-cache';
import type { OrganisationPostRow, UnitRecordRow } from './structure-rows';
import { buildUnitTree } from './structure-tree';
import type { HolderView, PostGroupView, PostView, StructureView } from './structure.types';
import { type NumericAsOf, numericAsOf } from './versioned-rows';

const NONE: readonly never[] = [];

/** What an answer counts of its own posts, added up as their views are made. */
type Counts = { posts: number; vacancies: number; actingOrCovering: number };

/**
 * The leadership structure of one organisation on a date, as the record stood at a position. The rows come
 * from {@link StructureCache} (every version of the organisation's rows, kept in memory until the projector
 * moves) and are matched up in memory: members to their units, posts to their units, holdings to their posts,
 * people to employers. Each view object is made once per answer (a structure has about a thousand posts, and
 * short-lived copies are what the garbage collector spends its pauses on).
 */
export class StructureQuery {
  private readonly rows: StructureCache;

  constructor(db: Database) {
    this.rows = new StructureCache(db);
  }

  /** Undefined when the organisation did not exist on `at` as recorded at `position`. */
  structure(organisationId: string, asOf: AsOf, knownAt: string): StructureView | undefined {
    this.rows.refresh();
    const point = numericAsOf(asOf);
    const organisation = this.rows.organisation(organisationId, point);
    if (!organisation) return undefined;
    const own = this.rows.units(organisationId, point);
    const counts = { units: own.length, posts: 0, vacancies: 0, actingOrCovering: 0 };
    const posts = this.postViews(own, point, counts);
    const hostedElsewhere = this.rows.partnershipUnits(organisationId, point);
    const partnerPosts: PostView[] = [];
    for (const host of new Set(hostedElsewhere.map((u) => u.organisation_id))) {
      const shown = new Set(hostedElsewhere.filter((u) => u.organisation_id === host).map((u) => u.unit_id));
      for (const post of this.postViews(this.rows.units(host, point), point, { posts: 0, vacancies: 0, actingOrCovering: 0 })) if (shown.has(post.unitId)) partnerPosts.push(post);
    }
    const membersOf = this.membersOn(point);
    const tree = buildUnitTree(own, posts, membersOf);
    const partnerships = buildUnitTree(hostedElsewhere, partnerPosts, membersOf).roots;
    return {
      organisation: { organisationId, name: organisation.name, kind: organisation.kind, code: organisation.code, openFrom: organisation.opened, closesOn: organisation.closes },
      at: asOf.at,
      knownAt,
      asOfPosition: asOf.position,
      units: tree.roots,
      partnerships,
      groups: groupsOf(posts),
      managementLayers: tree.managementLayers,
      counts,
    };
  }

  /** The partnership members of each unit on the date (read once per host, a new list per unit shown). */
  private membersOn(point: NumericAsOf): (unit: UnitRecordRow) => string[] {
    const byHost = new Map<string, Map<string, string[]>>();
    return (unit) => {
      let byUnit = byHost.get(unit.organisation_id);
      if (!byUnit) byHost.set(unit.organisation_id, (byUnit = this.rows.unitMembers(unit.organisation_id, point)));
      return [...(byUnit.get(unit.unit_id) ?? NONE)];
    };
  }

  /**
   * Posts of the units on the date, with their holders. A unit's posts are recorded by its organisation or,
   * for a unit that arrived by a service transfer, by the organisation it came from.
   */
  private postViews(units: readonly UnitRecordRow[], point: NumericAsOf, counts: Counts): PostView[] {
    const unitById = new Map<string, UnitRecordRow>();
    for (const u of units) unitById.set(u.unit_id, u);
    const recorders = new Set<string>();
    for (const u of units) {
      recorders.add(u.organisation_id);
      if (u.arrived_from_organisation_id) recorders.add(u.arrived_from_organisation_id);
    }
    const holdings = [...recorders].map((organisationId) => this.rows.holdings(organisationId));
    const views: PostView[] = [];
    for (const organisationId of recorders) {
      for (const p of this.rows.posts(organisationId, point)) {
        const unit = unitById.get(p.unit_id);
        if (unit && (p.organisation_id === unit.organisation_id || p.organisation_id === unit.arrived_from_organisation_id)) {
          views.push(postView(p, holdings, point, unit.organisation_id, counts));
        }
      }
    }
    return views;
  }
}

/** The post with its holders on the date, listed as the SQL version listed them: by recorder, then as each recorder's rows were read. */
function postView(p: OrganisationPostRow, recorders: readonly HoldingVersions[], point: NumericAsOf, host: string, counts: Counts): PostView {
  const holders: HolderView[] = [];
  let seated = 0;
  let clinician = false;
  for (const { versions, byPost } of recorders) {
    for (const i of byPost.get(p.post_id) ?? NONE) {
      if (!versions.holds(i, point)) continue;
      const holding = versions.values[i];
      holders.push(holding.view(point, host));
      if (holding.seat) seated += 1;
      if (holding.clinicianAt(point.position)) clinician = true;
    }
  }
  const vacancies = Math.max(0, p.max_holders - seated);
  counts.posts += 1;
  counts.vacancies += vacancies;
  counts.actingOrCovering += holders.length - seated;
  return {
    postId: p.post_id,
    unitId: p.unit_id,
    title: p.title,
    family: p.family,
    grade: p.grade,
    maxHolders: p.max_holders,
    programmedActivities: p.programmed_activities,
    groupId: p.group_id,
    groupRole: p.group_role,
    holders,
    vacancies,
    heldByClinician: clinician && LEADERSHIP_FAMILIES.has(p.family),
    span: null,
  };
}

function groupsOf(posts: readonly PostView[]): PostGroupView[] {
  const byGroup = groupBy(posts.filter((p) => p.groupId !== null), (p) => p.groupId!);
  return [...byGroup.entries()].map(([groupId, members]) => ({
    groupId,
    unitId: members[0].unitId,
    members: members.map((p) => ({ postId: p.postId, groupRole: p.groupRole, holders: p.holders.map((h) => h.personId) })),
  }));
}
