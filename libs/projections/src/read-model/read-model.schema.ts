import type { Database } from 'better-sqlite3';

/**
 * The bitemporal read model, in the event store's own SQLite file so a page of events, the rows it
 * produced and the checkpoint commit together.
 *
 * Every fact table holds versions of a fact over two times:
 * - valid time `[valid_from, valid_to)`: calendar dates the fact holds (`valid_to` NULL = open-ended);
 * - recorded time `[recorded_from, recorded_to)`: global positions of the events that made the record say
 *   so and stopped it saying so (`recorded_to` NULL = still the record's view).
 * "The structure on D as known at T" reads the rows with `valid_from <= D < valid_to` and
 * `recorded_from <= P < recorded_to`, where P is the last position recorded at or before T.
 * A correction never edits a row's facts: it ends the rows it supersedes in recorded time and adds new ones.
 */
export const READ_MODEL_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE IF NOT EXISTS rm_checkpoint (
    projection TEXT PRIMARY KEY,
    position INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE IF NOT EXISTS rm_organisations (
    organisation_id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, code TEXT,
    valid_from TEXT NOT NULL, valid_to TEXT, recorded_from INTEGER NOT NULL, recorded_to INTEGER
  );
  CREATE INDEX IF NOT EXISTS rm_organisations_by_id ON rm_organisations (organisation_id, recorded_from);

  CREATE TABLE IF NOT EXISTS rm_units (
    organisation_id TEXT NOT NULL, unit_id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
    parent_unit_id TEXT, employing_organisation_id TEXT,
    valid_from TEXT NOT NULL, valid_to TEXT, recorded_from INTEGER NOT NULL, recorded_to INTEGER
  );
  CREATE INDEX IF NOT EXISTS rm_units_by_id ON rm_units (unit_id, valid_from);

  CREATE TABLE IF NOT EXISTS rm_unit_members (
    organisation_id TEXT NOT NULL, unit_id TEXT NOT NULL, member_organisation_id TEXT NOT NULL,
    valid_from TEXT NOT NULL, valid_to TEXT, recorded_from INTEGER NOT NULL, recorded_to INTEGER
  );
  CREATE INDEX IF NOT EXISTS rm_unit_members_by_unit ON rm_unit_members (unit_id, valid_from);

  CREATE TABLE IF NOT EXISTS rm_organisation_members (
    group_organisation_id TEXT NOT NULL, member_organisation_id TEXT NOT NULL,
    valid_from TEXT NOT NULL, valid_to TEXT, recorded_from INTEGER NOT NULL, recorded_to INTEGER
  );
  CREATE INDEX IF NOT EXISTS rm_organisation_members_by_group ON rm_organisation_members (group_organisation_id, valid_from);

  CREATE TABLE IF NOT EXISTS rm_posts (
    post_id TEXT NOT NULL, organisation_id TEXT NOT NULL, unit_id TEXT NOT NULL, title TEXT NOT NULL,
    family TEXT NOT NULL, grade TEXT NOT NULL, max_holders INTEGER NOT NULL, programmed_activities REAL,
    group_id TEXT, group_role TEXT,
    valid_from TEXT NOT NULL, valid_to TEXT, recorded_from INTEGER NOT NULL, recorded_to INTEGER
  );
  CREATE INDEX IF NOT EXISTS rm_posts_by_id ON rm_posts (post_id, valid_from);

  CREATE TABLE IF NOT EXISTS rm_holdings (
    appointment_id TEXT NOT NULL, post_id TEXT NOT NULL, organisation_id TEXT NOT NULL, person_id TEXT NOT NULL,
    kind TEXT NOT NULL, covering_for_person_id TEXT, employing_organisation_id TEXT,
    fraction REAL, programmed_activities REAL,
    valid_from TEXT NOT NULL, valid_to TEXT, recorded_from INTEGER NOT NULL, recorded_to INTEGER
  );

  CREATE TABLE IF NOT EXISTS rm_people (
    person_id TEXT PRIMARY KEY, profession TEXT NOT NULL, recorded_from INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE IF NOT EXISTS rm_employment (
    person_id TEXT NOT NULL, host_organisation_id TEXT NOT NULL, unit_id TEXT NOT NULL, employer_id TEXT NOT NULL,
    valid_from TEXT NOT NULL, valid_to TEXT, recorded_from INTEGER NOT NULL, recorded_to INTEGER
  );

  CREATE TABLE IF NOT EXISTS rm_lineage (
    subject TEXT NOT NULL CHECK (subject IN ('unit', 'organisation')),
    from_id TEXT NOT NULL, to_id TEXT NOT NULL, relation TEXT NOT NULL, effective_from TEXT NOT NULL,
    recorded_from INTEGER NOT NULL, recorded_to INTEGER
  );
  CREATE INDEX IF NOT EXISTS rm_lineage_from ON rm_lineage (subject, from_id);

  CREATE TABLE IF NOT EXISTS rm_changes (
    organisation_id TEXT NOT NULL, global_position INTEGER NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL,
    subject_id TEXT, effective_from TEXT, recorded_at TEXT NOT NULL, summary TEXT NOT NULL,
    PRIMARY KEY (organisation_id, global_position)
  ) WITHOUT ROWID;
  `,
  // FactWriter.end closes a holding's current row by (appointment_id, valid_from): without this index every
  // ended or changed holding scanned the whole table, which made a rebuild quadratic in the number of holdings.
  `CREATE INDEX IF NOT EXISTS rm_holdings_by_appointment ON rm_holdings (appointment_id, valid_from);`,
  // A unit that arrived by a service transfer brings the posts recorded in its old organisation's post streams.
  // Rows already projected lack the column's value, so the read model starts again from the log.
  `ALTER TABLE rm_units ADD COLUMN arrived_from_organisation_id TEXT;
   DELETE FROM rm_organisations; DELETE FROM rm_units; DELETE FROM rm_unit_members; DELETE FROM rm_organisation_members;
   DELETE FROM rm_posts; DELETE FROM rm_holdings; DELETE FROM rm_people; DELETE FROM rm_employment; DELETE FROM rm_lineage;
   DELETE FROM rm_changes; DELETE FROM rm_checkpoint WHERE projection <> 'rm_schema_version';`,
  // The one rebuild allowed at a time (rebuild-claim.ts). Not a read-model table: a rebuild does not replace it.
  `CREATE TABLE IF NOT EXISTS projection_rebuild_claim (
     id INTEGER PRIMARY KEY CHECK (id = 1), token TEXT NOT NULL, host TEXT NOT NULL, pid INTEGER NOT NULL,
     started_at TEXT NOT NULL, renewed_at INTEGER NOT NULL);`,
  // rm_changes, kept until now in key order (WITHOUT ROWID), becomes a plain table with a unique index on that
  // key. A rebuild writes it stream by stream, far from key order: it can now load the rows as they come and sort
  // only the index's keys once, instead of copying 140 MB of rows (on the 50-trust log) into key order. The
  // projector's INSERT OR IGNORE finds a row it already wrote through the index. The rows are kept.
  `CREATE TABLE rm_changes_plain (
     organisation_id TEXT NOT NULL, global_position INTEGER NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL,
     subject_id TEXT, effective_from TEXT, recorded_at TEXT NOT NULL, summary TEXT NOT NULL);
   INSERT INTO rm_changes_plain SELECT organisation_id, global_position, event_id, type, subject_id, effective_from, recorded_at, summary FROM rm_changes;
   DROP TABLE rm_changes;
   ALTER TABLE rm_changes_plain RENAME TO rm_changes;
   CREATE UNIQUE INDEX rm_changes_key ON rm_changes (organisation_id, global_position);`,
];

/**
 * Indexes only queries read: the projector's own writes find rows through the identity indexes above. A
 * rebuild drops these and creates them again at the end, which sorts each once instead of inserting into it
 * row by row; they are also created whenever the read model is opened, so a rebuild cut short leaves none missing.
 */
const QUERY_INDEXES: Readonly<Record<string, string>> = {
  rm_organisations_by_code: 'rm_organisations (code) WHERE code IS NOT NULL',
  rm_organisations_by_kind: 'rm_organisations (kind, valid_from)',
  rm_units_as_of: 'rm_units (organisation_id, valid_from, valid_to, recorded_from, recorded_to)',
  rm_unit_members_by_member: 'rm_unit_members (member_organisation_id, valid_from)',
  rm_organisation_members_by_member: 'rm_organisation_members (member_organisation_id, valid_from)',
  rm_posts_as_of: 'rm_posts (organisation_id, valid_from, valid_to, recorded_from, recorded_to)',
  rm_holdings_by_post: 'rm_holdings (post_id, valid_from)',
  rm_holdings_by_person: 'rm_holdings (person_id, valid_from)',
  rm_holdings_as_of: 'rm_holdings (organisation_id, valid_from, valid_to, recorded_from, recorded_to)',
  rm_employment_by_person: 'rm_employment (person_id, valid_from)',
  rm_lineage_to: 'rm_lineage (subject, to_id)',
  rm_changes_by_date: 'rm_changes (organisation_id, effective_from)',
  rm_unit_members_by_organisation: 'rm_unit_members (organisation_id, valid_from)',
};

/** Replaced by the `_as_of` indexes, which also hold both times, so the structure query filters rows without reading them. */
const RETIRED_INDEXES = ['rm_units_by_organisation', 'rm_posts_by_organisation', 'rm_holdings_by_organisation'];

/** Creates any query index that is missing. */
export function createQueryIndexes(db: Database): void {
  for (const name of RETIRED_INDEXES) db.exec(`DROP INDEX IF EXISTS ${name}`);
  for (const [name, definition] of Object.entries(QUERY_INDEXES)) db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON ${definition}`);
}

/** Drops the query indexes, before a bulk load. */
export function dropQueryIndexes(db: Database): void {
  for (const name of Object.keys(QUERY_INDEXES)) db.exec(`DROP INDEX IF EXISTS ${name}`);
}

/** Brings the read model's tables up to date (`rm_schema_version` in rm_checkpoint keeps the count). */
export function migrateReadModel(db: Database): void {
  db.transaction(() => {
    db.exec(READ_MODEL_MIGRATIONS[0]);
    const row = db.prepare("SELECT position FROM rm_checkpoint WHERE projection = 'rm_schema_version'").get() as { position: number } | undefined;
    const applied = row?.position ?? 1;
    for (let i = applied; i < READ_MODEL_MIGRATIONS.length; i += 1) db.exec(READ_MODEL_MIGRATIONS[i]);
    db.prepare("INSERT INTO rm_checkpoint (projection, position) VALUES ('rm_schema_version', ?) ON CONFLICT(projection) DO UPDATE SET position = excluded.position").run(READ_MODEL_MIGRATIONS.length);
    createQueryIndexes(db);
  }).immediate();
}

/** Every read-model table, for a rebuild from zero. */
export const READ_MODEL_TABLES = [
  'rm_organisations',
  'rm_units',
  'rm_unit_members',
  'rm_organisation_members',
  'rm_posts',
  'rm_holdings',
  'rm_people',
  'rm_employment',
  'rm_lineage',
  'rm_changes',
] as const;
