import type { Database, Statement } from 'better-sqlite3';
import { type CalendarDate, pendingTimers, programmeDecider, programmeStream } from '@orgchange/domain';
import { categoryOf, type EventStore, loadState } from '@orgchange/event-store';

const CHECKPOINT_NAME = 'programme-timers';
const PROGRAMME_PREFIX = 'programme-';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS wf_programme_timers (
    programme_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    change_id TEXT NOT NULL DEFAULT '',
    due_on TEXT NOT NULL,
    PRIMARY KEY (programme_id, kind, change_id)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS wf_programme_timers_by_due ON wf_programme_timers (due_on, programme_id);
  CREATE TABLE IF NOT EXISTS wf_checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID;
`;

/** `pageSize`: events read per transaction while catching up. */
export type ProgrammeTimerIndexOptions = Readonly<{ pageSize?: number }>;

/**
 * The pending timers of every programme, kept in the store's SQLite file so that finding what is due is one
 * indexed query rather than a fold of every programme ever run. It is derived data: the timers themselves live
 * in the programme streams (`pendingTimers` of the folded state). Catching up follows the log from a
 * checkpoint saved in the same transaction as the rows, and rewrites the rows of each programme a page
 * touched from its whole stream, so re-applying a page is harmless and a row can only be stale for as long as
 * the next catch-up; whoever fires a timer re-reads the stream first.
 */
export class ProgrammeTimerIndex {
  private readonly pageSize: number;
  private readonly statements: { checkpoint: Statement; saveCheckpoint: Statement; clear: Statement; insert: Statement; due: Statement; all: Statement };

  constructor(
    private readonly store: EventStore,
    private readonly db: Database,
    options: ProgrammeTimerIndexOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 5000;
    db.exec(SCHEMA);
    this.statements = {
      checkpoint: db.prepare('SELECT position FROM wf_checkpoints WHERE name = ?').pluck(),
      saveCheckpoint: db.prepare('INSERT INTO wf_checkpoints (name, position) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET position = excluded.position'),
      clear: db.prepare('DELETE FROM wf_programme_timers WHERE programme_id = ?'),
      insert: db.prepare('INSERT INTO wf_programme_timers (programme_id, kind, change_id, due_on) VALUES (?, ?, ?, ?)'),
      due: db.prepare('SELECT programme_id FROM wf_programme_timers WHERE due_on <= ? GROUP BY programme_id ORDER BY MIN(due_on), programme_id').pluck(),
      all: db.prepare('SELECT programme_id AS programmeId, kind, change_id AS changeId, due_on AS dueOn FROM wf_programme_timers ORDER BY due_on, programme_id, kind, change_id'),
    };
  }

  /** Position of the last event the index has taken into account. */
  checkpoint(): bigint {
    return BigInt((this.statements.checkpoint.get(CHECKPOINT_NAME) as number | undefined) ?? 0);
  }

  /** Takes in every event appended since the checkpoint; returns the number of events read. */
  async catchUp(): Promise<number> {
    let read = 0;
    for (;;) {
      const from = this.checkpoint();
      const page = await this.store.readAll({ after: from, limit: this.pageSize });
      if (page.length === 0) return read;
      const touched = [...new Set(page.filter((e) => categoryOf(e.streamId) === 'programme').map((e) => e.streamId.slice(PROGRAMME_PREFIX.length)))];
      const timers = await Promise.all(touched.map(async (id) => [id, pendingTimers(await loadState(this.store, programmeDecider, programmeStream(id)))] as const));
      const saved = this.db.transaction(() => {
        // Another runner on the same file got there first: read again from where it left off.
        if (this.checkpoint() !== from) return false;
        for (const [programmeId, pending] of timers) {
          this.statements.clear.run(programmeId);
          for (const timer of pending) this.statements.insert.run(programmeId, timer.kind, timer.changeId ?? '', timer.dueOn);
        }
        this.statements.saveCheckpoint.run(CHECKPOINT_NAME, page[page.length - 1].globalPosition);
        return true;
      }).immediate();
      if (saved) read += page.length;
    }
  }

  /** Programmes with a timer due on or before `today`, the longest overdue first. */
  dueProgrammes(today: CalendarDate): string[] {
    return this.statements.due.all(today) as string[];
  }

  /** Every pending timer in the index, soonest first. */
  pending(): { programmeId: string; kind: string; changeId: string; dueOn: string }[] {
    return this.statements.all.all() as { programmeId: string; kind: string; changeId: string; dueOn: string }[];
  }
}
