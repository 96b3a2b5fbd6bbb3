import type { Database, Statement } from 'better-sqlite3';
import { type AsOf, holdsAsOf, recordedAsOf } from '../read-model/as-of';
import type { TitleHolderView } from './holders.types';

type Row = {
  person_id: string; title: string; post_id: string; grade: string; organisation_id: string; organisation: string | null; code: string | null;
  kind: string; covering_for_person_id: string | null; valid_from: string; valid_to: string | null;
};

/** Who held posts of a given title on a date (titles compared without regard to case), across organisations. */
export class HoldersByTitleQuery {
  private readonly statement: Statement;

  constructor(db: Database) {
    const organisation = (column: string) => `(SELECT o.${column} FROM rm_organisations o WHERE o.organisation_id = p.organisation_id AND o.valid_from <= @at AND ${recordedAsOf('o')} ORDER BY o.valid_from DESC LIMIT 1)`;
    this.statement = db.prepare(`SELECT h.person_id, p.title, p.post_id, p.grade, p.organisation_id, ${organisation('name')} AS organisation, ${organisation('code')} AS code,
        h.kind, h.covering_for_person_id, h.valid_from, h.valid_to
      FROM rm_posts p JOIN rm_holdings h ON h.post_id = p.post_id AND ${holdsAsOf('h')}
      WHERE p.title = @title COLLATE NOCASE AND ${holdsAsOf('p')}
      ORDER BY organisation, p.title, h.valid_from, h.person_id`);
  }

  holders(title: string, asOf: AsOf): TitleHolderView[] {
    return (this.statement.all({ title, at: asOf.at, position: asOf.position }) as Row[]).map((r) => ({
      personId: r.person_id,
      title: r.title,
      postId: r.post_id,
      grade: r.grade,
      organisationId: r.organisation_id,
      organisation: r.organisation,
      organisationCode: r.code,
      kind: r.kind,
      coveringForPersonId: r.covering_for_person_id,
      from: r.valid_from,
      to: r.valid_to,
    }));
  }
}
