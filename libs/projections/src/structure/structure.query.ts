import type { Database } from 'better-sqlite3';
import { groupBy, isClinicalProfession, LEADERSHIP_FAMILIES } from '@orgchange/domain';
import { type AsOf, holdsAsOf, recordedAsOf } from '../read-model/as-of';
import { type HoldingVersion, type HoldingVersions, StructureCache } from './structure-cache';
import type { OrganisationPostRow, UnitRecordRow } from './structure-rows';
import { buildUnitTree } from './structure-tree';
import type { HolderView, PostGroupView, PostView, StructureView } from './structure.types';
import { type NumericAsOf, numericAsOf } from './versioned-rows';

const SEAT_KINDS = new Set(['substantive', 'secondment', 'joint']);
const NONE: readonly never[] = [];

/**
 * The leadership structure of one organisation on a date, as the record stood at a position. The rows come
 * from {@link StructureCache} (every version of the organisation's rows, kept in memory until the projector
 * moves) and are matched up in memory: members to their units, posts to their units, holdings to their posts,
 * people to employers. Each view object is made once per answer (a structure has about a thousand posts, and
 * short-lived copies are what the garbage collector spends its pauses on).
 */
export class StructureQuery {
  private readonly organisation;
  private readonly rows: StructureCache;

  constructor(db: Database) {
    // The row valid on the date gives the name; the organisation's whole life spans all its rows (one per name).
    this.organisation = db.prepare(`SELECT o.*,
        (SELECT min(l.valid_from) FROM rm_organisations l WHERE l.organisation_id = o.organisation_id AND ${recordedAsOf('l')}) AS opened,
        (SELECT CASE WHEN count(*) > count(l.valid_to) THEN NULL ELSE max(l.valid_to) END FROM rm_organisations l WHERE l.organisation_id = o.organisation_id AND ${recordedAsOf('l')}) AS closes
      FROM rm_organisations o WHERE o.organisation_id = @organisationId AND ${holdsAsOf('o')}`);
    this.rows = new StructureCache(db);
  }

  /** Undefined when the organisation did not exist on `at` as recorded at `position`. */
  structure(organisationId: string, asOf: AsOf, knownAt: string): StructureView | undefined {
    this.rows.refresh();
    const organisation = this.organisation.get({ organisationId, at: asOf.at, position: asOf.position }) as { name: string; kind: string; code: string | null; opened: string; closes: string | null } | undefined;
    if (!organisation) return undefined;
    const point = numericAsOf(asOf);
    const own = this.rows.units(organisationId, point);
    const posts = this.postViews(own, point);
    const hostedElsewhere = this.rows.partnershipUnits(organisationId, point);
    const partnerPosts: PostView[] = [];
    for (const host of new Set(hostedElsewhere.map((u) => u.organisation_id))) {
      const shown = new Set(hostedElsewhere.filter((u) => u.organisation_id === host).map((u) => u.unit_id));
      for (const post of this.postViews(this.rows.units(host, point), point)) if (shown.has(post.unitId)) partnerPosts.push(post);
    }
    const membersOf = this.membersOn(point);
    const tree = buildUnitTree(own, posts, membersOf);
    const partnerships = buildUnitTree(hostedElsewhere, partnerPosts, membersOf).roots;
    let vacancies = 0;
    let actingOrCovering = 0;
    for (const post of posts) {
      vacancies += post.vacancies;
      for (const holder of post.holders) if (!SEAT_KINDS.has(holder.kind)) actingOrCovering += 1;
    }
    return {
      organisation: { organisationId, name: organisation.name, kind: organisation.kind, code: organisation.code, openFrom: organisation.opened, closesOn: organisation.closes },
      at: asOf.at,
      knownAt,
      asOfPosition: asOf.position,
      units: tree.roots,
      partnerships,
      groups: groupsOf(posts),
      managementLayers: tree.managementLayers,
      counts: { units: own.length, posts: posts.length, vacancies, actingOrCovering },
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
  private postViews(units: readonly UnitRecordRow[], point: NumericAsOf): PostView[] {
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
          views.push(toPostView(p, this.holdersOf(p.post_id, holdings, point, unit.organisation_id)));
        }
      }
    }
    return views;
  }

  /** The post's holdings on the date in the order the SQL version listed them: by recorder, then as each recorder's rows were read. */
  private holdersOf(postId: string, recorders: readonly HoldingVersions[], point: NumericAsOf, host: string): HolderView[] {
    const holders: HolderView[] = [];
    for (const { versions, byPost } of recorders) {
      for (const i of byPost.get(postId) ?? NONE) if (versions.holds(i, point)) holders.push(this.holderView(versions.values[i], point, host));
    }
    return holders;
  }

  /** A later transfer of employment outranks the employer named when the appointment started; the host employs otherwise. */
  private holderView(version: HoldingVersion, point: NumericAsOf, host: string): HolderView {
    const h = version.professionFrom !== null && version.professionFrom <= point.position ? version.row : version.withoutProfession;
    const transfer = this.rows.employer(h.person_id, point);
    return {
      appointmentId: h.appointment_id,
      personId: h.person_id,
      profession: h.profession,
      kind: h.kind,
      from: h.valid_from,
      until: h.valid_to,
      coveringForPersonId: h.covering_for_person_id,
      employingOrganisationId: (transfer && transfer.from >= h.valid_from ? transfer.employer : h.employing_organisation_id) ?? host,
      fraction: h.fraction,
      programmedActivities: h.programmed_activities,
    };
  }
}

function toPostView(p: OrganisationPostRow, holders: HolderView[]): PostView {
  let seated = 0;
  let clinician = false;
  for (const h of holders) {
    if (SEAT_KINDS.has(h.kind)) seated += 1;
    if (isClinicalProfession(h.profession)) clinician = true;
  }
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
    vacancies: Math.max(0, p.max_holders - seated),
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
