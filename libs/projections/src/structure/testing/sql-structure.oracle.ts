import type { Database } from 'better-sqlite3';
import { groupBy, isClinicalProfession, LEADERSHIP_FAMILIES } from '@orgchange/domain';
import { type AsOf, holdsAsOf, recordedAsOf } from '../../read-model/as-of';
import type { Employment, HoldingRow, OrganisationPostRow, UnitRecordRow } from '../structure-rows';
import { SqlStructureRows } from './sql-structure-rows.oracle';
import type { HolderView, PostGroupView, PostView, StructureView, UnitView } from '../structure.types';

const SEAT_KINDS = new Set(['substantive', 'secondment', 'joint']);

type HostedUnit = UnitRecordRow & { host: string; members: string };

/**
 * Test support, not part of the lib's API: the structure as the plain SQL version answered it, with nothing
 * kept between questions (rows from {@link SqlStructureRows}, assembled as that version did). The cached
 * StructureQuery must give byte-identical JSON for every organisation, date and position.
 */
export class SqlStructureOracle {
  private readonly organisation;
  private readonly rows: SqlStructureRows;

  constructor(db: Database) {
    this.organisation = db.prepare(`SELECT o.*,
        (SELECT min(l.valid_from) FROM rm_organisations l WHERE l.organisation_id = o.organisation_id AND ${recordedAsOf('l')}) AS opened,
        (SELECT CASE WHEN count(*) > count(l.valid_to) THEN NULL ELSE max(l.valid_to) END FROM rm_organisations l WHERE l.organisation_id = o.organisation_id AND ${recordedAsOf('l')}) AS closes
      FROM rm_organisations o WHERE o.organisation_id = @organisationId AND ${holdsAsOf('o')}`);
    this.rows = new SqlStructureRows(db);
  }

  structure(organisationId: string, asOf: AsOf, knownAt: string): StructureView | undefined {
    const organisation = this.organisation.get({ organisationId, at: asOf.at, position: asOf.position }) as { name: string; kind: string; code: string | null; opened: string; closes: string | null } | undefined;
    if (!organisation) return undefined;
    const own = this.hosted(this.rows.units(organisationId, asOf), asOf);
    const posts = this.postViews(own, asOf);
    const hostedElsewhere = this.hosted(this.rows.partnershipUnits(organisationId, asOf), asOf);
    const partnerPosts = [...new Set(hostedElsewhere.map((u) => u.host))].flatMap((host) =>
      this.postViews(this.hosted(this.rows.units(host, asOf), asOf), asOf).filter((p) => hostedElsewhere.some((u) => u.host === host && u.unit_id === p.unitId)),
    );
    const tree = unitTree(own, posts);
    const partnerships = unitTree(hostedElsewhere, partnerPosts).roots;
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

  private hosted(units: readonly UnitRecordRow[], asOf: AsOf): HostedUnit[] {
    const membersByHost = new Map<string, Map<string, string[]>>();
    const membersOf = (host: string, unitId: string): string[] => {
      let byUnit = membersByHost.get(host);
      if (!byUnit) membersByHost.set(host, (byUnit = this.rows.unitMembers(host, asOf)));
      return byUnit.get(unitId) ?? [];
    };
    return units.map((u) => ({ ...u, host: u.organisation_id, members: JSON.stringify(membersOf(u.organisation_id, u.unit_id)) }));
  }

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

function toPostView(p: OrganisationPostRow, holdings: readonly HoldingRow[], hostOrganisationId: string, employers: ReadonlyMap<string, Employment>): PostView {
  const holders: HolderView[] = holdings.map((h) => ({
    appointmentId: h.appointment_id,
    personId: h.person_id,
    profession: h.profession,
    kind: h.kind,
    from: h.valid_from,
    until: h.valid_to,
    coveringForPersonId: h.covering_for_person_id,
    employingOrganisationId: (employers.get(h.person_id) && employers.get(h.person_id)!.from >= h.valid_from ? employers.get(h.person_id)!.employer : h.employing_organisation_id) ?? hostOrganisationId,
    fraction: h.fraction,
    programmedActivities: h.programmed_activities,
  }));
  const leadership = LEADERSHIP_FAMILIES.has(p.family);
  return {
    postId: p.post_id, unitId: p.unit_id, title: p.title, family: p.family, grade: p.grade, maxHolders: p.max_holders,
    programmedActivities: p.programmed_activities, groupId: p.group_id, groupRole: p.group_role, holders,
    vacancies: Math.max(0, p.max_holders - holders.filter((h) => SEAT_KINDS.has(h.kind)).length),
    heldByClinician: leadership && holders.some((h) => isClinicalProfession(h.profession)),
    span: null,
  };
}

/** The unit tree and management layers, as the plain SQL version built them (copying each post to set its span). */
function unitTree(units: readonly HostedUnit[], posts: readonly PostView[]): { roots: UnitView[]; managementLayers: number } {
  const ids = new Set(units.map((u) => u.unit_id));
  const childrenOf = groupBy(units, (u) => (u.parent_unit_id !== null && ids.has(u.parent_unit_id) ? u.parent_unit_id : ''));
  const postsOf = groupBy(posts, (p) => p.unitId);
  const leaderCount = (unitId: string) => (postsOf.get(unitId) ?? []).filter((p) => LEADERSHIP_FAMILIES.has(p.family)).length;
  let managementLayers = 0;
  const build = (unit: HostedUnit, layers: number, seen: Set<string>): UnitView => {
    const own = postsOf.get(unit.unit_id) ?? [];
    const depth = layers + (leaderCount(unit.unit_id) > 0 ? 1 : 0);
    managementLayers = Math.max(managementLayers, depth);
    const children = (childrenOf.get(unit.unit_id) ?? []).filter((c) => !seen.has(c.unit_id)).map((c) => build(c, depth, new Set([...seen, c.unit_id])));
    const reports = children.reduce((n, c) => n + leaderCount(c.unitId), 0) + own.filter((p) => !LEADERSHIP_FAMILIES.has(p.family)).length;
    return {
      unitId: unit.unit_id, name: unit.name, kind: unit.kind, parentUnitId: unit.parent_unit_id, hostOrganisationId: unit.host,
      memberOrganisationIds: JSON.parse(unit.members) as string[], employingOrganisationId: unit.employing_organisation_id,
      posts: own.map((p) => ({ ...p, span: LEADERSHIP_FAMILIES.has(p.family) ? reports : null })),
      children,
    };
  };
  const roots = (childrenOf.get('') ?? []).map((u) => build(u, 0, new Set([u.unit_id])));
  return { roots, managementLayers };
}

function groupsOf(posts: readonly PostView[]): PostGroupView[] {
  const byGroup = groupBy(posts.filter((p) => p.groupId !== null), (p) => p.groupId!);
  return [...byGroup.entries()].map(([groupId, members]) => ({
    groupId,
    unitId: members[0].unitId,
    members: members.map((p) => ({ postId: p.postId, groupRole: p.groupRole, holders: p.holders.map((h) => h.personId) })),
  }));
}
