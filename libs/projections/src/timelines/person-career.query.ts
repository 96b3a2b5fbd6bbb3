import type { Database, Statement } from 'better-sqlite3';
import { recordedAsOf } from '../read-model/as-of';
import type { KnownAt } from '../queries/read-point';
import { tenureSpells } from './tenure';
import type { CareerHoldingView, PersonCareerView } from './timeline.types';

type CareerRow = {
  appointment_id: string; post_id: string; kind: string; valid_from: string; valid_to: string | null; covering_for_person_id: string | null;
  organisation_id: string; title: string | null; family: string | null; grade: string | null; group_role: string | null;
  unit_id: string | null; unit_name: string | null; organisation_name: string | null;
};

/** Rows of `alias` in force on the day the holding `h` started, as recorded at the position. */
const onHoldingStart = (alias: string) => `${alias}.valid_from <= h.valid_from AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > h.valid_from) AND ${recordedAsOf(alias)}`;

/** Every holding of one person across posts and organisations, and the unbroken spells they add up to. */
export class PersonCareerQuery {
  private readonly person: Statement;
  private readonly holdings: Statement;

  constructor(db: Database) {
    this.person = db.prepare('SELECT profession FROM rm_people WHERE person_id = @personId AND recorded_from <= @position');
    // The post's unit and names are those of the day the holding started: a later rename or merger does not rewrite a career.
    this.holdings = db.prepare(`SELECT h.appointment_id, h.post_id, h.kind, h.valid_from, h.valid_to, h.covering_for_person_id, h.organisation_id,
        p.title, p.family, p.grade, p.group_role, p.unit_id, u.name AS unit_name, o.name AS organisation_name
      FROM rm_holdings h
      LEFT JOIN rm_posts p ON p.post_id = h.post_id AND ${onHoldingStart('p')}
      LEFT JOIN rm_units u ON u.unit_id = p.unit_id AND u.organisation_id = p.organisation_id AND ${onHoldingStart('u')}
      LEFT JOIN rm_organisations o ON o.organisation_id = h.organisation_id AND ${onHoldingStart('o')}
      WHERE h.person_id = @personId AND ${recordedAsOf('h')}
      ORDER BY h.valid_from, h.appointment_id`);
  }

  /** Undefined when the person was not registered as recorded at `position`. */
  career(personId: string, point: KnownAt): PersonCareerView | undefined {
    const params = { personId, position: point.position };
    const person = this.person.get(params) as { profession: string } | undefined;
    if (!person) return undefined;
    const holdings = (this.holdings.all(params) as CareerRow[]).map(toCareerHolding);
    return { personId, profession: person.profession, knownAt: point.knownAt, asOfPosition: point.position, holdings, tenure: tenureSpells(holdings) };
  }
}

const toCareerHolding = (r: CareerRow): CareerHoldingView => ({
  appointmentId: r.appointment_id,
  postId: r.post_id,
  kind: r.kind,
  from: r.valid_from,
  until: r.valid_to,
  coveringForPersonId: r.covering_for_person_id,
  title: r.title,
  family: r.family,
  grade: r.grade,
  groupRole: r.group_role,
  unitId: r.unit_id,
  unitName: r.unit_name,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
});
