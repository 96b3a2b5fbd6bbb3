import { OrganisationLineageQuery, type OrganisationLineageView } from '../lineage/organisation-lineage.query';
import { type CalendarDate, calendarDateOf } from '@orgchange/domain';
import type { SqliteEventStore } from '@orgchange/event-store';
import { OrganisationChangesQuery, type ChangeWindow } from '../changes/organisation-changes.query';
import type { OrganisationChangesView } from '../changes/changes.types';
import type { StructureDiffView } from '../diff/diff.types';
import { StructureDiffQuery } from '../diff/structure-diff.query';
import type { UnitLineageView } from '../lineage/lineage.types';
import { UnitLineageQuery } from '../lineage/unit-lineage.query';
import { HoldersByTitleQuery } from '../holders/holders-by-title.query';
import type { TitleHoldersView } from '../holders/holders.types';
import { OrganisationDirectoryQuery, type OrganisationEntryView } from '../organisations/organisation-directory.query';
import type { LeadershipProjector } from '../projector/leadership.projector';
import { StructureQuery } from '../structure/structure.query';
import type { StructureView } from '../structure/structure.types';
import { PersonCareerQuery } from '../timelines/person-career.query';
import { PostTimelineQuery } from '../timelines/post-timeline.query';
import type { PersonCareerView, PostTimelineView } from '../timelines/timeline.types';
import { instantMessage, parseInstant, type ReadPoint } from './read-point';
import { found, notFound, type ReadResult } from './read-result';

/** The far end of recorded time, to ask the store for its last position. */
const END_OF_TIME = '9999-12-31T23:59:59.999Z';

/**
 * Every leadership query over one store's read model. Each read first catches the projector up, so it sees
 * every write committed before it began (even with no projector running), then answers as of a point:
 * `at` defaults to today and `knownAt` to now, meaning everything recorded so far. A `knownAt` T reads at the
 * position of the last event recorded at or before T, so every later event is ignored.
 */
export class LeadershipReader {
  private readonly structures: StructureQuery;
  private readonly diffs: StructureDiffQuery;
  private readonly posts: PostTimelineQuery;
  private readonly careers: PersonCareerQuery;
  private readonly lineages: UnitLineageQuery;
  private readonly changeLogs: OrganisationChangesQuery;
  private readonly directory: OrganisationDirectoryQuery;
  private readonly organisationLineages: OrganisationLineageQuery;
  private readonly titleHolders: HoldersByTitleQuery;

  /** `projector` must project into `store`'s database (it creates the read-model tables the queries prepare against). */
  constructor(
    private readonly store: SqliteEventStore,
    private readonly projector: LeadershipProjector,
    private readonly now: () => Date = () => new Date(),
  ) {
    const db = store.database;
    this.structures = new StructureQuery(db);
    this.diffs = new StructureDiffQuery(db);
    this.posts = new PostTimelineQuery(db);
    this.careers = new PersonCareerQuery(db);
    this.lineages = new UnitLineageQuery(db);
    this.changeLogs = new OrganisationChangesQuery(db, store);
    this.directory = new OrganisationDirectoryQuery(db);
    this.organisationLineages = new OrganisationLineageQuery(store, this.directory);
    this.titleHolders = new HoldersByTitleQuery(db);
  }

  async structure(ref: string, at?: CalendarDate, knownAt?: string): Promise<ReadResult<StructureView>> {
    const [point] = await this.points({ at, knownAt });
    const organisation = this.directory.resolveOn(ref, point);
    if (!organisation) return unknownOrganisation(ref, point);
    const view = this.structures.structure(organisation.organisationId, point, point.knownAt);
    return view ? found(view) : notFound('OrganisationNotOpen', `${organisation.organisationId} was not open on ${point.at} (${lifeOf(organisation)})`);
  }

  /** Each side's `at` defaults to today and `knownAt` to now: the same date at two instants shows what was recorded between. */
  async diff(ref: string, from: { at?: CalendarDate; knownAt?: string }, to: { at?: CalendarDate; knownAt?: string }): Promise<ReadResult<StructureDiffView>> {
    const [before, after] = await this.points(from, to);
    const organisation = this.directory.resolve(ref, before.position > after.position ? before : after);
    if (!organisation) return unknownOrganisation(ref, after);
    const view = this.diffs.diff(organisation.organisationId, before, after);
    return view ? found(view) : notFound('OrganisationNotOpen', `${organisation.organisationId} was open on neither ${before.at} nor ${after.at} (${lifeOf(organisation)})`);
  }

  async changes(ref: string, window: ChangeWindow, knownAt?: string): Promise<ReadResult<OrganisationChangesView>> {
    const [point] = await this.points({ knownAt });
    const organisation = this.directory.resolve(ref, point);
    if (!organisation) return unknownOrganisation(ref, point);
    return found(await this.changeLogs.changesOf(organisation.organisationId, window, point));
  }

  async postTimeline(postId: string, knownAt?: string): Promise<ReadResult<PostTimelineView>> {
    const [point] = await this.points({ knownAt });
    const view = this.posts.timeline(postId, point);
    return view ? found(view) : notFound('PostNotFound', `no post ${postId} as known at ${point.knownAt}`);
  }

  async personCareer(personId: string, knownAt?: string): Promise<ReadResult<PersonCareerView>> {
    const [point] = await this.points({ knownAt });
    const view = this.careers.career(personId, point);
    return view ? found(view) : notFound('PersonNotFound', `no person ${personId} as known at ${point.knownAt}`);
  }

  async unitLineage(unitId: string, knownAt?: string): Promise<ReadResult<UnitLineageView>> {
    const [point] = await this.points({ knownAt });
    const view = this.lineages.lineage(unitId, point);
    return view ? found(view) : notFound('UnitNotFound', `no unit ${unitId} as known at ${point.knownAt}`);
  }

  /** Predecessors and successors of an organisation (by id or code) through mergers and splits, transitively. */
  async organisationLineage(ref: string, knownAt?: string): Promise<ReadResult<OrganisationLineageView>> {
    const [point] = await this.points({ knownAt });
    const organisation = this.directory.resolve(ref, point);
    if (!organisation) return unknownOrganisation(ref, point);
    return found(await this.organisationLineages.lineage(organisation, point));
  }

  /** Everyone holding a post titled `title` on `at`, in any organisation (an empty list when nobody did). */
  async holdersByTitle(title: string, at?: CalendarDate, knownAt?: string): Promise<TitleHoldersView> {
    const [point] = await this.points({ at, knownAt });
    return { title, at: point.at, knownAt: point.knownAt, holders: this.titleHolders.holders(title, point) };
  }

  /** Organisations of `kind` (any kind when undefined) open on `at`, with the point they were read at. */
  async organisationsOpenOn(kind: string | undefined, at?: CalendarDate, knownAt?: string): Promise<{ point: ReadPoint; organisations: OrganisationEntryView[] }> {
    const [point] = await this.points({ at, knownAt });
    return { point, organisations: this.directory.openOn(kind, point) };
  }

  async resolveOrganisation(ref: string, knownAt?: string): Promise<ReadResult<OrganisationEntryView>> {
    const [point] = await this.points({ knownAt });
    const organisation = this.directory.resolve(ref, point);
    return organisation ? found(organisation) : unknownOrganisation(ref, point);
  }

  /** Catches up, then resolves each requested point against the same checkpoint. */
  private async points(...requests: { at?: CalendarDate; knownAt?: string }[]): Promise<ReadPoint[]> {
    const target = Number(this.store.positionRecordedBy(END_OF_TIME));
    await this.projector.catchUp();
    // A pass already under way may have finished reading just before the newest commit: one more closes the gap.
    if (Number(this.projector.checkpoint()) < target) await this.projector.catchUp();
    const checkpoint = Number(this.projector.checkpoint());
    const now = this.now();
    return requests.map(({ at, knownAt }) => {
      const day = at ?? calendarDateOf(now);
      if (knownAt === undefined) return { at: day, knownAt: now.toISOString(), position: checkpoint };
      const instant = parseInstant(knownAt);
      if (instant === undefined) throw new RangeError(instantMessage('knownAt'));
      return { at: day, knownAt: instant, position: Math.min(Number(this.store.positionRecordedBy(instant)), checkpoint) };
    });
  }
}

const unknownOrganisation = <T>(ref: string, point: ReadPoint): ReadResult<T> =>
  notFound('OrganisationNotFound', `no organisation has id or code ${ref} as known at ${point.knownAt}`);

const lifeOf = (o: OrganisationEntryView): string => (o.closedOn ? `open from ${o.openedOn} to ${o.closedOn}` : `open from ${o.openedOn}`);
