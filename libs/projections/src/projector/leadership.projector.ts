import type { Database, Statement } from 'better-sqlite3';
import { type SqliteEventStore, type Subscription, type Upcaster, withNormalSync } from '@orgchange/event-store';
import { FactWriter } from '../read-model/fact-writer';
import { migrateReadModel } from '../read-model/read-model.schema';
import { emitEventFacts, type EventFactSink } from './event-facts';
import { LOG_ROW, type LogRow, LogPages, type ProjectedEvent } from './log-pages';
import type { RowChange } from './row-groups';
import { advance, type CorrectedHistories, StreamViewCache } from './stream-states';
import { type RebuildPhases, rebuildStreamByStream } from './stream-rebuild';

export const PROJECTION_NAME = 'leadership';

/**
 * `pageSize`: events per transaction (default 2,000 following the log, 20,000 in a rebuild); `cacheSize`: stream
 * states kept; `upcast`: applied to events read (default: the domain's upcasters, as every app gives its store).
 */
export type ProjectorOptions = Readonly<{ pageSize?: number; cacheSize?: number; upcast?: Upcaster }>;

/** `phases`, once the rebuild is done: how long each of its steps took (see `RebuildPhases`). */
export type RebuildProgress = Readonly<{ applied: number; total: number; eventsPerSec: number; phases?: RebuildPhases }>;

/**
 * Keeps the bitemporal read model in step with the log. Events are applied in global order, each page in one
 * transaction with the checkpoint, so after a crash the projector resumes where the last commit left off and
 * never applies an event twice: a page is applied only if the checkpoint is still the one it was read after, and
 * cached stream states are dropped when another projector on the same file has moved the checkpoint.
 * Pages commit with synchronous=NORMAL: the read model is derived from the log, so a commit a power cut takes
 * back is simply applied again from the checkpoint before it (a process crash loses nothing in WAL mode).
 */
export class LeadershipProjector {
  private readonly db: Database;
  private readonly writer: FactWriter;
  private readonly views: StreamViewCache;
  private readonly log: LogPages;
  /** Rows the event being applied ended and added; reused so an event allocates no lists. */
  private readonly change: RowChange = { ended: [], added: [] };
  private readonly pageSize: number;
  private readonly rebuildPageSize: number;
  private readonly statements: { checkpoint: Statement; saveCheckpoint: Statement };
  /** Where `apply` writes the facts of single events: straight into the live tables. */
  private readonly facts: EventFactSink;
  private subscription?: Subscription;
  private catchingUp?: Promise<number>;
  /** The checkpoint the cached stream views were folded up to; views are only reused from there. */
  private viewsAt?: bigint;

  constructor(
    private readonly store: SqliteEventStore,
    options: ProjectorOptions = {},
  ) {
    this.db = store.database;
    migrateReadModel(this.db);
    this.pageSize = options.pageSize ?? 2000;
    // Larger batches in a rebuild: fewer commits, fewer statements.
    this.rebuildPageSize = options.pageSize ?? 20_000;
    // A page's streams must all stay cached while it is applied.
    this.views = new StreamViewCache(Math.max(options.cacheSize ?? 20_000, this.pageSize * 2));
    this.writer = new FactWriter(this.db);
    this.log = new LogPages(this.db, options.upcast);
    this.statements = {
      checkpoint: this.db.prepare('SELECT position FROM rm_checkpoint WHERE projection = ?'),
      saveCheckpoint: this.db.prepare('INSERT INTO rm_checkpoint (projection, position) VALUES (?, ?) ON CONFLICT(projection) DO UPDATE SET position = excluded.position'),
    };
    this.facts = liveFactSink(this.db);
  }

  /** Position of the last event applied. */
  checkpoint(): bigint {
    const row = this.statements.checkpoint.get(PROJECTION_NAME) as { position: number } | undefined;
    return BigInt(row?.position ?? 0);
  }

  /** Applies everything appended since the checkpoint; concurrent calls share one pass. Returns events applied. */
  catchUp(onPage?: (applied: number) => void): Promise<number> {
    return this.pass(this.pageSize, onPage);
  }

  /**
   * Builds the read model again from the whole log, stream by stream into shadow tables that replace the live
   * ones in one transaction at the end (`rebuildStreamByStream`), then applies what was appended meanwhile. The
   * live read model stays as it was, and usable, until that swap: a rebuild cut short changes nothing, and running
   * it again (or catching up) ends with the same read model as a rebuild never interrupted.
   */
  async rebuild(onProgress?: (progress: RebuildProgress) => void): Promise<RebuildProgress> {
    while (this.catchingUp) await this.catchingUp;
    const rebuilding = this.runRebuild(onProgress);
    // Catch-ups asked for meanwhile wait for the rebuild, which ends with one. A failed rebuild is the caller's to
    // handle (its promise rejects); the waiters then go on with their own pass.
    this.catchingUp = rebuilding.then((p) => p.applied, () => 0).finally(() => (this.catchingUp = undefined));
    return rebuilding;
  }

  private async runRebuild(onProgress?: (progress: RebuildProgress) => void): Promise<RebuildProgress> {
    const total = await this.store.count();
    const started = performance.now();
    const progress = (applied: number): RebuildProgress => ({ applied, total, eventsPerSec: Math.round(applied / Math.max((performance.now() - started) / 1000, 1e-6)) });
    const { replayed, phases } = await rebuildStreamByStream(this.db, this.log, {
      batchSize: this.rebuildPageSize,
      onBatch: (n) => onProgress?.(progress(n)),
      onSwap: (head) => this.statements.saveCheckpoint.run(PROJECTION_NAME, head),
    });
    this.views.clear();
    this.viewsAt = undefined;
    const appended = await this.runCatchUp(this.pageSize, (n) => onProgress?.(progress(replayed + n)));
    return { ...progress(replayed + appended), phases };
  }

  /** Follows the log live (after catching up) until `stop`. */
  async start(): Promise<void> {
    await this.catchUp();
    this.subscription = this.store.subscribe({
      from: this.checkpoint(),
      onEvent: () => this.catchUp().then(() => undefined),
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    await this.catchingUp;
  }

  private pass(pageSize: number, onPage?: (applied: number) => void): Promise<number> {
    this.catchingUp ??= this.runCatchUp(pageSize, onPage).finally(() => (this.catchingUp = undefined));
    return this.catchingUp;
  }

  private async runCatchUp(pageSize: number, onPage?: (applied: number) => void): Promise<number> {
    let applied = 0;
    for (;;) {
      const after = this.checkpoint();
      // Events up to `after` were applied by another projector on the file (or a rebuild reset it): cached views miss them.
      if (after !== this.viewsAt) this.views.clear();
      const page = this.log.after(after, pageSize);
      if (page.length === 0) {
        this.viewsAt = after;
        return applied;
      }
      const histories = await this.views.preload(this.store, page);
      // Views advance as the page is applied: if it fails part way they are ahead of the checkpoint.
      this.viewsAt = undefined;
      const done = this.applyPage(page, after, histories);
      this.viewsAt = done === undefined ? undefined : BigInt(page[page.length - 1][LOG_ROW.position]);
      applied += done ?? 0;
      onPage?.(applied);
    }
  }

  /** Applies the page read after `after`; undefined, applying nothing, if another projector moved the checkpoint meanwhile. */
  private applyPage(page: readonly LogRow[], after: bigint, histories: CorrectedHistories): number | undefined {
    try {
      return withNormalSync(this.db, () => this.db.transaction(() => {
        // Re-read inside the write transaction: another projector on the same file may have got here first.
        if (this.checkpoint() !== after) return undefined;
        for (const row of page) this.apply(this.log.event(row), histories);
        this.writer.flush();
        this.statements.saveCheckpoint.run(PROJECTION_NAME, page[page.length - 1][LOG_ROW.position]);
        return page.length;
      }).immediate());
    } catch (error) {
      this.writer.discard();
      throw error;
    }
  }

  private apply(event: ProjectedEvent, histories: CorrectedHistories): void {
    const view = this.views.get(event.streamId);
    let next = view;
    if (view) {
      const { ended, added } = this.change;
      ended.length = 0;
      added.length = 0;
      next = advance(view, event, histories, this.change);
      const position = Number(event.globalPosition);
      for (const row of ended) this.writer.end(row, position);
      for (const row of added) this.writer.add(row, position);
      this.views.set(event.streamId, next);
    }
    emitEventFacts(event, next, this.facts);
  }
}

/** Writes the facts of single events into the live tables, one statement each. */
function liveFactSink(db: Database): EventFactSink {
  const person = db.prepare('INSERT INTO rm_people (person_id, profession, recorded_from) VALUES (?, ?, ?) ON CONFLICT(person_id) DO NOTHING');
  const change = db.prepare('INSERT OR IGNORE INTO rm_changes (organisation_id, global_position, event_id, type, subject_id, effective_from, recorded_at, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const employment = db.prepare('INSERT INTO rm_employment (person_id, host_organisation_id, unit_id, employer_id, valid_from, recorded_from) VALUES (?, ?, ?, ?, ?, ?)');
  return {
    person: (...values) => void person.run(...values),
    change: (...values) => void change.run(...values),
    employment: (...values) => void employment.run(...values),
  };
}
