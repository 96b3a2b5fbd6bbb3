import Database from 'better-sqlite3';
import type { OrgchangeEvent } from './cloud-event';
import { emptyOrganisation, evolve, HANDLED_TYPES, leadersOn, type LeaderRow, type OrganisationLeaders } from './organisation-leaders';

/** Where a message came from, for the dedupe record and for rejections. */
export type MessageOrigin = { topic: string; partition: number; offset: string; key: string | null; replay: boolean };
export type ApplyOutcome = 'applied' | 'duplicate' | 'ignored';
export type Stats = { applied: number; duplicates: number; ignored: number; replays: number; rejected: number; outOfOrder: number };

const schema = `
CREATE TABLE IF NOT EXISTS seen_events (id TEXT PRIMARY KEY, topic TEXT NOT NULL, partition INTEGER NOT NULL, "offset" TEXT NOT NULL, replay INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS applied_events (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, organisation_id TEXT NOT NULL,
  topic TEXT NOT NULL, type TEXT NOT NULL, position TEXT NOT NULL, data TEXT NOT NULL, target_id TEXT);
CREATE INDEX IF NOT EXISTS applied_events_by_organisation ON applied_events (organisation_id, seq);
CREATE INDEX IF NOT EXISTS applied_events_by_target ON applied_events (target_id) WHERE target_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS organisations (organisation_id TEXT PRIMARY KEY, state TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS last_positions (topic TEXT NOT NULL, key TEXT NOT NULL, position TEXT NOT NULL, PRIMARY KEY (topic, key));
CREATE TABLE IF NOT EXISTS rejected_messages (topic TEXT NOT NULL, partition INTEGER NOT NULL, "offset" TEXT NOT NULL, reason TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
`;

/**
 * The consumer's own state in one SQLite file: the ids it has seen (dedupe), the events it applied, each
 * organisation's folded view, and counters. Each message is recorded and applied in one transaction, so a
 * restart — or a redelivery after a crash before Kafka got the offset commit — never applies an event twice.
 */
export class LeadersStore {
  private readonly db: Database.Database;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(schema);
  }

  /** Records and applies one event; a seen id is counted and skipped. Throws (and stores nothing) for a type version it does not know. */
  apply(event: OrgchangeEvent, origin: MessageOrigin): ApplyOutcome {
    const known = HANDLED_TYPES[event.eventType];
    if (known !== undefined && known !== event.version) {
      throw new Error(`${event.eventType} v${event.version} is not understood (this view reads v${known})`);
    }
    return this.db.transaction((): ApplyOutcome => {
      if (origin.replay) this.count('replays');
      const inserted = this.db
        .prepare('INSERT OR IGNORE INTO seen_events (id, topic, partition, "offset", replay) VALUES (?, ?, ?, ?, ?)')
        .run(event.id, origin.topic, origin.partition, origin.offset, origin.replay ? 1 : 0);
      if (inserted.changes === 0) return this.count('duplicates', 'duplicate');
      if (known === undefined || origin.key === null) return this.count('ignored', 'ignored');
      const organisationId = origin.key;
      this.checkOrder(origin, event.position);
      const isCorrection = event.eventType === 'EventRetracted' || event.eventType === 'EventCorrected';
      const targetId = isCorrection ? String(event.data.targetEventId) : null;
      this.db
        .prepare('INSERT INTO applied_events (id, organisation_id, topic, type, position, data, target_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(event.id, organisationId, origin.topic, event.eventType, event.position.toString(), JSON.stringify(event.data), targetId);
      // Corrections travel on the restructures topic, their targets mostly on another: either may come first.
      const corrected = isCorrection || this.db.prepare('SELECT 1 FROM applied_events WHERE target_id = ?').get(event.id) !== undefined;
      const state = corrected ? this.refold(organisationId) : evolve(this.organisation(organisationId) ?? emptyOrganisation(organisationId), event);
      this.db
        .prepare('INSERT INTO organisations (organisation_id, state) VALUES (?, ?) ON CONFLICT (organisation_id) DO UPDATE SET state = excluded.state')
        .run(organisationId, JSON.stringify(state));
      return this.count('applied', 'applied');
    })();
  }

  reject(origin: MessageOrigin, reason: string): void {
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO rejected_messages (topic, partition, "offset", reason) VALUES (?, ?, ?, ?)').run(origin.topic, origin.partition, origin.offset, reason);
      this.count('rejected');
    })();
  }

  organisation(organisationId: string): OrganisationLeaders | undefined {
    const row = this.db.prepare('SELECT state FROM organisations WHERE organisation_id = ?').get(organisationId) as { state: string } | undefined;
    return row ? (JSON.parse(row.state) as OrganisationLeaders) : undefined;
  }

  leaders(organisationId: string, asOf: string): LeaderRow[] | undefined {
    const state = this.organisation(organisationId);
    return state ? leadersOn(state, asOf) : undefined;
  }

  organisationIds(): string[] {
    return (this.db.prepare('SELECT organisation_id FROM organisations ORDER BY organisation_id').all() as { organisation_id: string }[]).map((r) => r.organisation_id);
  }

  /** Positions of the events applied for one organisation from one topic, in the order they were applied. */
  appliedPositions(organisationId: string, topic: string): bigint[] {
    const rows = this.db.prepare('SELECT position FROM applied_events WHERE organisation_id = ? AND topic = ? ORDER BY seq').all(organisationId, topic) as {
      position: string;
    }[];
    return rows.map((r) => BigInt(r.position));
  }

  stats(): Stats {
    const rows = this.db.prepare('SELECT name, value FROM counters').all() as { name: keyof Stats; value: number }[];
    const stats: Stats = { applied: 0, duplicates: 0, ignored: 0, replays: 0, rejected: 0, outOfOrder: 0 };
    for (const { name, value } of rows) stats[name] = value;
    return stats;
  }

  close(): void {
    this.db.close();
  }

  /**
   * Kafka orders messages per partition only, so order is checked per topic and key: a live message below the
   * last position applied from its topic for its key counts as out of order. Replays are old by design.
   */
  private checkOrder(origin: MessageOrigin, position: bigint): void {
    const last = this.db.prepare('SELECT position FROM last_positions WHERE topic = ? AND key = ?').get(origin.topic, origin.key) as { position: string } | undefined;
    if (last && BigInt(last.position) > position) {
      if (!origin.replay) this.count('outOfOrder');
      return;
    }
    this.db
      .prepare('INSERT INTO last_positions (topic, key, position) VALUES (?, ?, ?) ON CONFLICT (topic, key) DO UPDATE SET position = excluded.position')
      .run(origin.topic, origin.key, position.toString());
  }

  /** Rebuilds an organisation from its applied events, leaving out retracted ones and laying corrections over their targets. */
  private refold(organisationId: string): OrganisationLeaders {
    const events = this.db.prepare('SELECT id, type, data FROM applied_events WHERE organisation_id = ? ORDER BY seq').all(organisationId) as {
      id: string;
      type: string;
      data: string;
    }[];
    const retracted = new Set<string>();
    const corrections = new Map<string, Record<string, unknown>>();
    for (const e of events) {
      const data = JSON.parse(e.data) as Record<string, unknown>;
      if (e.type === 'EventRetracted') retracted.add(String(data.targetEventId));
      if (e.type === 'EventCorrected') {
        const target = String(data.targetEventId);
        corrections.set(target, { ...corrections.get(target), ...(data.correctedData as Record<string, unknown>) });
      }
    }
    let state = emptyOrganisation(organisationId);
    for (const e of events) {
      if (retracted.has(e.id) || e.type === 'EventRetracted' || e.type === 'EventCorrected') continue;
      state = evolve(state, { eventType: e.type, data: { ...(JSON.parse(e.data) as Record<string, unknown>), ...corrections.get(e.id) } });
    }
    return state;
  }

  private count<T>(name: keyof Stats, result?: T): T {
    this.db.prepare('INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1').run(name);
    return result as T;
  }
}
