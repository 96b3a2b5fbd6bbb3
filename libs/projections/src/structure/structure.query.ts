import type { Database } from 'better-sqlite3';
import { type AsOf, holdsAsOf, recordedAsOf } from '../read-model/as-of';
import { buildUnitTree, LEADERSHIP_FAMILIES, type PostRow, type UnitRow } from './structure-tree';
import type { HolderView, PostGroupView, PostView, StructureView } from './structure.types';

const CLINICAL_PROFESSIONS = new Set(['doctor', 'nurse', 'allied-health']);
const SEAT_KINDS = new Set(['substantive', 'secondment', 'joint']);

type HoldingRow = {
  appointment_id: string; post_id: string; person_id: string; kind: string; covering_for_person_id: string | null;
  employing_organisation_id: string | null; fraction: number | null; programmed_activities: number | null;
  valid_from: string; valid_to: string | null; profession: string | null; transferred_employer: string | null; transferred_from: string | null;
};

/** Posts of the units an organisation hosts on the date: a service transferred in brings its posts with it. */
const POSTS_OF_ORGANISATION = `SELECT p.* FROM rm_units u JOIN rm_posts p ON p.unit_id = u.unit_id
    AND (p.organisation_id = u.organisation_id OR p.organisation_id = u.arrived_from_organisation_id)
  WHERE u.organisation_id = @organisationId AND ${holdsAsOf('u')} AND ${holdsAsOf('p')}`;

/** The leadership structure of one organisation on a date, as the record stood at a position. */
export class StructureQuery {
  private readonly organisation;
  private readonly units;
  private readonly partnershipUnits;
  private readonly posts;
  private readonly holdings;

  constructor(db: Database) {
    // The row valid on the date gives the name; the organisation's whole life spans all its rows (one per name).
    this.organisation = db.prepare(`SELECT o.*,
        (SELECT min(l.valid_from) FROM rm_organisations l WHERE l.organisation_id = o.organisation_id AND ${recordedAsOf('l')}) AS opened,
        (SELECT CASE WHEN count(*) > count(l.valid_to) THEN NULL ELSE max(l.valid_to) END FROM rm_organisations l WHERE l.organisation_id = o.organisation_id AND ${recordedAsOf('l')}) AS closes
      FROM rm_organisations o WHERE o.organisation_id = @organisationId AND ${holdsAsOf('o')}`);
    this.units = db.prepare(`SELECT u.*, (SELECT json_group_array(m.member_organisation_id) FROM rm_unit_members m WHERE m.unit_id = u.unit_id AND m.organisation_id = u.organisation_id AND ${holdsAsOf('m')}) AS members
      FROM rm_units u WHERE u.organisation_id = @organisationId AND ${holdsAsOf('u')}`);
    this.partnershipUnits = db.prepare(`SELECT u.*, (SELECT json_group_array(m2.member_organisation_id) FROM rm_unit_members m2 WHERE m2.unit_id = u.unit_id AND m2.organisation_id = u.organisation_id AND ${holdsAsOf('m2')}) AS members
      FROM rm_unit_members m JOIN rm_units u ON u.unit_id = m.unit_id AND u.organisation_id = m.organisation_id
      WHERE m.member_organisation_id = @organisationId AND ${holdsAsOf('m')} AND ${holdsAsOf('u')}`);
    this.posts = db.prepare(POSTS_OF_ORGANISATION);
    this.holdings = db.prepare(`SELECT h.*, pe.profession,
        (SELECT e.employer_id FROM rm_employment e WHERE e.person_id = h.person_id AND e.valid_from <= @at AND e.recorded_from <= @position ORDER BY e.valid_from DESC, e.recorded_from DESC LIMIT 1) AS transferred_employer,
        (SELECT e.valid_from FROM rm_employment e WHERE e.person_id = h.person_id AND e.valid_from <= @at AND e.recorded_from <= @position ORDER BY e.valid_from DESC, e.recorded_from DESC LIMIT 1) AS transferred_from
      FROM rm_holdings h LEFT JOIN rm_people pe ON pe.person_id = h.person_id AND pe.recorded_from <= @position
      WHERE h.post_id IN (${POSTS_OF_ORGANISATION.replace('p.*', 'p.post_id')}) AND ${holdsAsOf('h')}`);
  }

  /** Undefined when the organisation did not exist on `at` as recorded at `position`. */
  structure(organisationId: string, asOf: AsOf, knownAt: string): StructureView | undefined {
    const params = { organisationId, at: asOf.at, position: asOf.position };
    const organisation = this.organisation.get(params) as { name: string; kind: string; code: string | null; opened: string; closes: string | null } | undefined;
    if (!organisation) return undefined;
    const own = (this.units.all(params) as UnitRow[]).map((u) => ({ ...u, host: organisationId }));
    const hostedElsewhere = (this.partnershipUnits.all(params) as (UnitRow & { organisation_id: string })[]).map((u) => ({ ...u, host: u.organisation_id }));
    const postRows = this.posts.all(params) as PostRow[];
    const holdingsByPost = groupBy(this.holdings.all(params) as HoldingRow[], (h) => h.post_id);
    const posts = postRows.map((p) => toPostView(p, holdingsByPost.get(p.post_id) ?? [], organisationId));
    const partnerPosts = hostedElsewhere.flatMap((u) => this.postsOf(u.host, u.unit_id, asOf));
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

  private postsOf(hostOrganisationId: string, unitId: string, asOf: AsOf): PostView[] {
    const params = { organisationId: hostOrganisationId, at: asOf.at, position: asOf.position };
    const holdingsByPost = groupBy(this.holdings.all(params) as HoldingRow[], (h) => h.post_id);
    return (this.posts.all(params) as PostRow[]).filter((p) => p.unit_id === unitId).map((p) => toPostView(p, holdingsByPost.get(p.post_id) ?? [], hostOrganisationId));
  }
}

function toPostView(p: PostRow, holdings: readonly HoldingRow[], hostOrganisationId: string): PostView {
  const holders: HolderView[] = holdings.map((h) => ({
    appointmentId: h.appointment_id,
    personId: h.person_id,
    profession: h.profession,
    kind: h.kind,
    from: h.valid_from,
    until: h.valid_to,
    coveringForPersonId: h.covering_for_person_id,
    // A later transfer of employment outranks the employer named when the appointment started.
    employingOrganisationId: h.transferred_employer && h.transferred_from! >= h.valid_from ? h.transferred_employer : (h.employing_organisation_id ?? hostOrganisationId),
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
    heldByClinician: leadership && holders.some((h) => h.profession !== null && CLINICAL_PROFESSIONS.has(h.profession)),
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

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
