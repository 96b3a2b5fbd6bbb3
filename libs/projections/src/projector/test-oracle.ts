import type { Database } from 'better-sqlite3';
import {
  type CalendarDate,
  containsDate,
  isOrganisationOpenOn,
  isPostActiveOn,
  isUnitOpenOn,
  organisationStream,
  streamDeciders,
  valueOn,
} from '@orgchange/domain';
import { foldHistory, type RecordedEvent } from '@orgchange/event-store';
import type { PostView, StructureView, UnitView } from '../structure/structure.types';

/**
 * Test support, not part of the lib's API: what the structure of an organisation should be, worked out
 * straight from the domain (fold the deciders, read the valid-time timelines), to check the read model against.
 */
export type StructureFacts = Readonly<{
  /** The name only: the view's `openFrom`/`closesOn` are those of the name's row, not the organisation's life (a rename "closes" it). */
  organisation: Readonly<{ name: string }>;
  units: readonly Readonly<{ unitId: string; name: string; parentUnitId: string | null }>[];
  /** Posts active on the date whose unit is open then (the only posts a unit tree can show). */
  posts: readonly Readonly<{ postId: string; unitId: string; title: string; grade: string; holders: readonly HolderFacts[] }>[];
  /** Posts the structure counts: the same as `posts` (a post whose unit is closed belongs to no tree). */
  postCount: number;
}>;

type HolderFacts = Readonly<{ appointmentId: string; personId: string; kind: string; coveringForPersonId: string | null; from: string; until: string | null }>;

const byId = <T>(id: (item: T) => string) => (a: T, b: T) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0);

/**
 * The oracle: folds `streamDeciders` over `events` (the log up to some position, in global order) and reads
 * the state of `organisationId` on `at`. Undefined when the organisation is not open on that date.
 */
export function oracleStructure(events: readonly RecordedEvent[], organisationId: string, at: CalendarDate): StructureFacts | undefined {
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of events) streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event]);
  const organisation = foldHistory(streamDeciders.organisation, streams.get(organisationStream(organisationId)) ?? []).current;
  if (!isOrganisationOpenOn(organisation, at)) return undefined;
  const units = Object.values(organisation.units)
    .filter((unit) => isUnitOpenOn(unit, at))
    .map((unit) => ({ unitId: unit.unitId, name: valueOn(unit.names, at)!, parentUnitId: valueOn(unit.parents, at) ?? null }))
    .sort(byId((u) => u.unitId));
  const openUnits = new Set(units.map((u) => u.unitId));
  const activePosts = [...streams.entries()]
    .filter(([streamId]) => streamId.startsWith('post-'))
    .map(([, history]) => foldHistory(streamDeciders.post, history).current)
    .flatMap((post) => (post.status === 'created' && post.organisationId === organisationId && isPostActiveOn(post, at) ? [post] : []));
  const posts = activePosts
    .filter((post) => openUnits.has(post.unitId))
    .map((post) => ({
      postId: post.postId,
      unitId: post.unitId,
      title: valueOn(post.titles, at)!,
      grade: valueOn(post.grades, at)!,
      holders: Object.values(post.holdings)
        .filter((h) => containsDate(h, at))
        .map((h) => ({ appointmentId: h.appointmentId, personId: h.personId, kind: h.kind, coveringForPersonId: h.coveringForPersonId ?? null, from: h.from, until: h.until ?? null }))
        .sort(byId((h) => h.appointmentId)),
    }))
    .sort(byId((p) => p.postId));
  return {
    organisation: { name: valueOn(organisation.names, at)! },
    units,
    posts,
    postCount: posts.length,
  };
}

/** The same facts read from a {@link StructureView}, flattening its unit tree. */
export function factsOfView(view: StructureView | undefined): StructureFacts | undefined {
  if (!view) return undefined;
  const units: UnitView[] = [];
  const walk = (unit: UnitView): void => {
    units.push(unit);
    unit.children.forEach(walk);
  };
  view.units.forEach(walk);
  const posts: PostView[] = units.flatMap((u) => u.posts);
  return {
    organisation: { name: view.organisation.name },
    units: units.map((u) => ({ unitId: u.unitId, name: u.name, parentUnitId: u.parentUnitId })).sort(byId((u) => u.unitId)),
    posts: posts
      .map((p) => ({
        postId: p.postId,
        unitId: p.unitId,
        title: p.title,
        grade: p.grade,
        holders: p.holders
          .map((h) => ({ appointmentId: h.appointmentId, personId: h.personId, kind: h.kind, coveringForPersonId: h.coveringForPersonId, from: h.from, until: h.until }))
          .sort(byId((h) => h.appointmentId)),
      }))
      .sort(byId((p) => p.postId)),
    postCount: view.counts.posts,
  };
}

/** Every row of every `rm_` table, each table ordered by all its columns, for comparing two read models. */
export function dumpReadModel(db: Database): Record<string, unknown[]> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rm\\_%' ESCAPE '\\' ORDER BY name").pluck().all() as string[];
  const dump: Record<string, unknown[]> = {};
  for (const table of tables) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info('${table}') ORDER BY cid`).pluck().all() as string[]).join(', ');
    dump[table] = db.prepare(`SELECT ${columns} FROM ${table} ORDER BY ${columns}`).all();
  }
  return dump;
}

/** A value with every array sorted (by each element's JSON), so two answers can be compared as sets. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const keyed = value.map((item) => { const c = canonical(item); return { c, key: JSON.stringify(c) }; });
    return keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((k) => k.c);
  }
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  return value;
}
