import type { Database } from 'better-sqlite3';
import { type AsOf, holdsAsOf, recordedAsOf } from '../read-model/as-of';
import { StructureCache } from './structure-cache';
import type { Employment, HoldingRow, OrganisationPostRow, UnitRecordRow } from './structure-rows';
import { groupBy, isClinicalProfession, LEADERSHIP_FAMILIES } from '@orgchange/domain';
import { buildUnitTree, type PostRow, type UnitRow } from './structure-tree';
import type { HolderView, PostGroupView, PostView, StructureView } from './structure.types';

const SEAT_KINDS = new Set(['substantive', 'secondment', 'joint']);

type HostedUnit = UnitRow & { arrived_from_organisation_id: string | null };

/**
 * The leadership structure of one organisation on a date, as the record stood at a position. The rows come
 * from {@link StructureCache} (every version of the organisation's rows, kept in memory until the projector
 * moves) and are matched up in memory: members to their units, posts to their units, holdings to their posts,
 * people to employers.
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
    const own = this.hosted(this.rows.units(organisationId, asOf), asOf);
    const posts = this.postViews(own, asOf);
    const hostedElsewhere = this.hosted(this.rows.partnershipUnits(organisationId, asOf), asOf);
    const partnerPosts = [...new Set(hostedElsewhere.map((u) => u.host))].flatMap((host) =>
      this.postViews(this.hosted(this.rows.units(host, asOf), asOf), asOf).filter((p) => hostedElsewhere.some((u) => u.host === host && u.unit_id === p.unitId)),
    );
    const tree = buildUnitTree(own, posts);
    const partnerships = buildUnitTree(hostedElsewhere, partnerPosts).roots;
    return {
      organisation: { organisationId, name: organisation.name, kind: organisation.kind, code: organisation.code, openFrom: organisation.opened, closesOn: organisation.closes },
      at: asOf.at,
      knownAt,
      asOfPosition: asOf.position,
      units: tree.roots,
      partnerships,
      groups: groupsOf(posts),
      managementLayers: tree.managementLayers,
      counts: {
        units: own.length,
        posts: posts.length,
        vacancies: posts.reduce((n, p) => n + p.vacancies, 0),
        actingOrCovering: posts.reduce((n, p) => n + p.holders.filter((h) => !SEAT_KINDS.has(h.kind)).length, 0),
      },
    };
  }

  /** Units with their host and their partnership members on the date (members read once per host). */
  private hosted(units: readonly UnitRecordRow[], asOf: AsOf): HostedUnit[] {
    const membersByHost = new Map<string, Map<string, string[]>>();
    const membersOf = (host: string, unitId: string): string[] => {
      let byUnit = membersByHost.get(host);
      if (!byUnit) membersByHost.set(host, (byUnit = this.rows.unitMembers(host, asOf)));
      return byUnit.get(unitId) ?? [];
    };
    return units.map((u) => ({ ...u, host: u.organisation_id, members: JSON.stringify(membersOf(u.organisation_id, u.unit_id)) }));
  }

  /**
   * Posts of the units on the date, with their holders. A unit's posts are recorded by its organisation or,
   * for a unit that arrived by a service transfer, by the organisation it came from.
   */
  private postViews(units: readonly HostedUnit[], asOf: AsOf): PostView[] {
    const unitById = new Map(units.map((u) => [u.unit_id, u]));
    const recorders = new Set<string>();
    for (const u of units) {
      recorders.add(u.host);
      if (u.arrived_from_organisation_id) recorders.add(u.arrived_from_organisation_id);
    }
    const posts: OrganisationPostRow[] = [];
    const holdings: HoldingRow[] = [];
    for (const organisationId of recorders) {
      for (const p of this.rows.posts(organisationId, asOf)) {
        const unit = unitById.get(p.unit_id);
        if (unit && (p.organisation_id === unit.host || p.organisation_id === unit.arrived_from_organisation_id)) posts.push(p);
      }
      for (const h of this.rows.holdings(organisationId, asOf)) holdings.push(h);
    }
    const postIds = new Set(posts.map((p) => p.post_id));
    const holdingsByPost = groupBy(holdings.filter((h) => postIds.has(h.post_id)), (h) => h.post_id);
    const employers = this.rows.employers([...new Set(holdings.map((h) => h.person_id))], asOf);
    return posts.map((p) => toPostView(p, holdingsByPost.get(p.post_id) ?? [], unitById.get(p.unit_id)!.host, employers));
  }
}

function toPostView(p: PostRow, holdings: readonly HoldingRow[], hostOrganisationId: string, employers: ReadonlyMap<string, Employment>): PostView {
  const holders: HolderView[] = holdings.map((h) => ({
    appointmentId: h.appointment_id,
    personId: h.person_id,
    profession: h.profession,
    kind: h.kind,
    from: h.valid_from,
    until: h.valid_to,
    coveringForPersonId: h.covering_for_person_id,
    employingOrganisationId: employerOf(h, employers.get(h.person_id)) ?? hostOrganisationId,
    fraction: h.fraction,
    programmedActivities: h.programmed_activities,
  }));
  const seated = holders.filter((h) => SEAT_KINDS.has(h.kind)).length;
  const leadership = LEADERSHIP_FAMILIES.has(p.family);
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
    heldByClinician: leadership && holders.some((h) => isClinicalProfession(h.profession)),
    span: null,
  };
}

/** A later transfer of employment outranks the employer named when the appointment started. */
const employerOf = (h: HoldingRow, transfer: Employment | undefined): string | null =>
  transfer && transfer.from >= h.valid_from ? transfer.employer : h.employing_organisation_id;

function groupsOf(posts: readonly PostView[]): PostGroupView[] {
  const byGroup = groupBy(posts.filter((p) => p.groupId !== null), (p) => p.groupId!);
  return [...byGroup.entries()].map(([groupId, members]) => ({
    groupId,
    unitId: members[0].unitId,
    members: members.map((p) => ({ postId: p.postId, groupRole: p.groupRole, holders: p.holders.map((h) => h.personId) })),
  }));
}
