import type { Database, Statement } from 'better-sqlite3';
import { recordedAsOf } from '../read-model/as-of';
import type { KnownAt } from '../queries/read-point';
import type { HoldingPeriodView, PostTimelineView } from './timeline.types';

type PostRow = {
  organisation_id: string; unit_id: string; title: string; family: string; grade: string; max_holders: number;
  group_id: string | null; group_role: string | null; valid_from: string; valid_to: string | null;
};

type HoldingRow = {
  appointment_id: string; person_id: string; kind: string; covering_for_person_id: string | null;
  employing_organisation_id: string | null; valid_from: string; valid_to: string | null;
};

/** A post over all valid time, as recorded at a position: its titles and grades, and who held it how. */
export class PostTimelineQuery {
  private readonly versions: Statement;
  private readonly holdings: Statement;

  constructor(db: Database) {
    this.versions = db.prepare(`SELECT p.* FROM rm_posts p WHERE p.post_id = @postId AND ${recordedAsOf('p')} ORDER BY p.valid_from`);
    this.holdings = db.prepare(`SELECT h.* FROM rm_holdings h WHERE h.post_id = @postId AND ${recordedAsOf('h')} ORDER BY h.valid_from, h.appointment_id`);
  }

  /** Undefined when the record at `position` has no such post. */
  timeline(postId: string, point: KnownAt): PostTimelineView | undefined {
    const params = { postId, position: point.position };
    const versions = this.versions.all(params) as PostRow[];
    if (versions.length === 0) return undefined;
    const first = versions[0];
    const last = versions[versions.length - 1];
    return {
      postId,
      organisationId: first.organisation_id,
      family: first.family,
      groupId: first.group_id,
      groupRole: first.group_role,
      createdOn: first.valid_from,
      abolishedOn: last.valid_to,
      knownAt: point.knownAt,
      asOfPosition: point.position,
      versions: versions.map((v) => ({ from: v.valid_from, until: v.valid_to, title: v.title, grade: v.grade, unitId: v.unit_id, maxHolders: v.max_holders })),
      holders: (this.holdings.all(params) as HoldingRow[]).map(toHoldingPeriod),
    };
  }
}

const toHoldingPeriod = (h: HoldingRow): HoldingPeriodView => ({
  appointmentId: h.appointment_id,
  personId: h.person_id,
  kind: h.kind,
  from: h.valid_from,
  until: h.valid_to,
  coveringForPersonId: h.covering_for_person_id,
  employingOrganisationId: h.employing_organisation_id,
});
