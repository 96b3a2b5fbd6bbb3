import type { Database, Statement } from 'better-sqlite3';
import type { PostState } from '@orgchange/domain';
import type { RecordedEvent, SqliteEventStore, Subscription } from '@orgchange/event-store';
import { diffRows } from '../read-model/fact-row';
import { FactWriter } from '../read-model/fact-writer';
import { migrateReadModel, READ_MODEL_TABLES } from '../read-model/read-model.schema';
import { describeChange, organisationsOf } from './change-log';
import { advance, StreamViewCache } from './stream-states';

export const PROJECTION_NAME = 'leadership';

export type ProjectorOptions = Readonly<{ pageSize?: number; cacheSize?: number }>;

export type RebuildProgress = Readonly<{ applied: number; total: number; eventsPerSec: number }>;

/**
 * Keeps the bitemporal read model in step with the log. Events are applied in global order, each page in one
 * transaction with the checkpoint, so after a crash the projector resumes where the last commit left off and
 * never applies an event twice: a page is applied only if the checkpoint is still the one it was read after, and
 * cached stream states are dropped when another projector on the same file has moved the checkpoint.
 */
export class LeadershipProjector {
  private readonly db: Database;
  private readonly writer: FactWriter;
  private readonly views: StreamViewCache;
  private readonly pageSize: number;
  private readonly statements: { checkpoint: Statement; saveCheckpoint: Statement; person: Statement; change: Statement; employment: Statement };
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
    // A page's streams must all stay cached while it is applied.
    this.views = new StreamViewCache(Math.max(options.cacheSize ?? 20_000, this.pageSize * 2));
    this.writer = new FactWriter(this.db);
    this.statements = {
      checkpoint: this.db.prepare('SELECT position FROM rm_checkpoint WHERE projection = ?'),
      saveCheckpoint: this.db.prepare('INSERT INTO rm_checkpoint (projection, position) VALUES (?, ?) ON CONFLICT(projection) DO UPDATE SET position = excluded.position'),
      person: this.db.prepare('INSERT INTO rm_people (person_id, profession, recorded_from) VALUES (?, ?, ?) ON CONFLICT(person_id) DO NOTHING'),
      change: this.db.prepare('INSERT OR IGNORE INTO rm_changes (organisation_id, global_position, event_id, type, subject_id, effective_from, recorded_at, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      employment: this.db.prepare('INSERT INTO rm_employment (person_id, host_organisation_id, unit_id, employer_id, valid_from, recorded_from) VALUES (?, ?, ?, ?, ?, ?)'),
    };
  }

  /** Position of the last event applied. */
  checkpoint(): bigint {
    const row = this.statements.checkpoint.get(PROJECTION_NAME) as { position: number } | undefined;
    return BigInt(row?.position ?? 0);
  }

  /** Applies everything appended since the checkpoint; concurrent calls share one pass. Returns events applied. */
  catchUp(onPage?: (applied: number) => void): Promise<number> {
    this.catchingUp ??= this.runCatchUp(onPage).finally(() => (this.catchingUp = undefined));
    return this.catchingUp;
  }

  /** Empties the read model and applies the whole log again. */
  async rebuild(onProgress?: (progress: RebuildProgress) => void): Promise<RebuildProgress> {
    await this.catchingUp;
    this.db.transaction(() => {
      for (const table of READ_MODEL_TABLES) this.db.exec(`DELETE FROM ${table}`);
      this.statements.saveCheckpoint.run(PROJECTION_NAME, 0);
    }).immediate();
    this.views.clear();
    const total = await this.store.count();
    const started = performance.now();
    const progress = (applied: number): RebuildProgress => ({ applied, total, eventsPerSec: Math.round(applied / Math.max((performance.now() - started) / 1000, 1e-6)) });
    const applied = await this.catchUp((n) => onProgress?.(progress(n)));
    return progress(applied);
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

  private async runCatchUp(onPage?: (applied: number) => void): Promise<number> {
    let applied = 0;
    for (;;) {
      const after = this.checkpoint();
      // Events up to `after` were applied by another projector on the file (or a rebuild reset it): cached views miss them.
      if (after !== this.viewsAt) this.views.clear();
      const page = await this.store.readAll({ after, limit: this.pageSize });
      if (page.length === 0) {
        this.viewsAt = after;
        return applied;
      }
      await this.views.preload(this.store, page);
      const done = this.applyPage(page, after);
      this.viewsAt = done === undefined ? undefined : page[page.length - 1].globalPosition;
      applied += done ?? 0;
      onPage?.(applied);
    }
  }

  /** Applies the page read after `after`; undefined, applying nothing, if another projector moved the checkpoint meanwhile. */
  private applyPage(page: readonly RecordedEvent[], after: bigint): number | undefined {
    return this.db.transaction(() => {
      // Re-read inside the write transaction: another projector on the same file may have got here first.
      if (this.checkpoint() !== after) return undefined;
      for (const event of page) this.apply(event);
      this.statements.saveCheckpoint.run(PROJECTION_NAME, page[page.length - 1].globalPosition);
      return page.length;
    }).immediate();
  }

  private apply(event: RecordedEvent): void {
    const position = Number(event.globalPosition);
    if (event.type === 'PersonRegistered') this.statements.person.run((event.data as { personId: string }).personId, (event.data as { profession: string }).profession, position);
    const view = this.views.get(event.streamId);
    let organisationId: string | undefined;
    if (view) {
      const next = advance(view, [event]);
      const { ended, added } = diffRows(view.rows, next.rows);
      for (const row of ended) this.writer.end(row, position);
      for (const row of added) this.writer.add(row, position);
      this.views.set(event.streamId, next);
      if (next.category === 'post') organisationId = (next.state as { current: PostState }).current.status === 'created' ? ((next.state as { current: Extract<PostState, { status: 'created' }> }).current.organisationId) : undefined;
    }
    if (event.type === 'EmploymentTransferred' && event.streamId.startsWith('organisation-')) this.recordEmployment(event, position);
    const { subjectId, summary } = describeChange(event);
    const effectiveFrom = (event.data as { effectiveFrom?: string }).effectiveFrom ?? null;
    for (const org of organisationsOf(event, organisationId)) {
      this.statements.change.run(org, position, event.eventId, event.type, subjectId, effectiveFrom, event.recordedAt, summary);
    }
  }

  /** Employment changes are point facts: a person's employer from a date, until a later change says otherwise. */
  private recordEmployment(event: RecordedEvent, position: number): void {
    const d = event.data as { hostOrganisationId: string; unitId: string; personIds: string[]; toEmployerId: string; effectiveFrom: string };
    // Recorded once although the event is in every involved organisation's stream.
    if (event.streamId !== `organisation-${d.hostOrganisationId}`) return;
    for (const personId of d.personIds) this.statements.employment.run(personId, d.hostOrganisationId, d.unitId, d.toEmployerId, d.effectiveFrom, position);
  }
}
