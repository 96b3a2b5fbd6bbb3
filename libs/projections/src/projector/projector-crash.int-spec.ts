import { type AppendRequest, type NewEvent, SqliteEventStore } from '@orgchange/event-store';
import Database from 'better-sqlite3';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LeadershipProjector } from './leadership.projector';
import { dumpReadModel } from './test-oracle';
import { compileForChild } from '../../../testing/src/compile-for-child';

const ROOT = join(__dirname, '..', '..', '..', '..');
const CHILD = join(__dirname, 'testing', 'crash-child.js');
const POSTS = 1000;
/** Not a multiple of a post's 20 or 21 events, so pages (and the crash) cut streams part way. */
const CHILD_PAGE_SIZE = 97;

/**
 * Compiles what the child needs to CommonJS under `out`, as scripts/build.mjs does for dist/, but into a
 * private folder: dist/ is shared with whoever else is building, and other libs may be mid-edit.
 */
async function compileLibs(out: string): Promise<void> {
  await compileForChild(out, ['domain/src', 'event-store/src', 'projections/src/projector', 'projections/src/read-model']);
}

const event = (type: string, data: Record<string, unknown>): NewEvent => ({ eventId: randomUUID(), type, version: 1, data, metadata: { actor: 'crash-test', correlationId: 'generated' } });

/**
 * A post's history: created, then ten appointments in turn, each ended before the next starts but the last;
 * every tenth post also has its first appointment's start corrected, so resuming must replay a correction.
 */
function postHistory(index: number): NewEvent[] {
  const postId = `post${index}`;
  const events = [event('PostCreated', { postId, organisationId: 'big', unitId: 'ward', title: 'Nurse', family: 'clinical', grade: 'AfC 5', maxHolders: 1, effectiveFrom: '2009-04-01' })];
  for (let k = 0; k < 10; k += 1) {
    const appointment = { postId, appointmentId: `${postId}-a${k}`, personId: `person${k % 3}` };
    events.push(event('AppointmentStarted', { ...appointment, kind: 'substantive', effectiveFrom: `${2010 + k}-01-01` }));
    if (k < 9) events.push(event('AppointmentEnded', { ...appointment, endReason: 'resigned', effectiveFrom: `${2010 + k}-07-01` }));
  }
  if (index % 10 === 0) events.push(event('EventCorrected', { targetEventId: events[1].eventId, targetType: 'AppointmentStarted', correctedData: { effectiveFrom: '2010-02-01' }, reason: 'wrong date' }));
  return events;
}

/** Appends the posts `[first, last)`, 100 streams per transaction. */
async function appendPosts(store: SqliteEventStore, first: number, last: number): Promise<void> {
  for (let start = first; start < last; start += 100) {
    await store.appendMany(Array.from({ length: 100 }, (_, i): AppendRequest => ({ streamId: `post-post${start + i}`, expectedVersion: 'no_stream', events: postHistory(start + i) })));
  }
}

/**
 * Appends about 20,000 valid events in a few large transactions, with the read model projected (event by event,
 * as the live projector does) over the first `projectedPosts` posts' events: the read model a rebuild replaces.
 */
async function generate(file: string, projectedPosts: number): Promise<{ total: number; projected: number }> {
  const store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
  await store.append('organisation-big', [event('OrganisationEstablished', { organisationId: 'big', name: 'Big Trust', kind: 'nhs-trust', effectiveFrom: '2009-04-01' }), event('UnitEstablished', { organisationId: 'big', unitId: 'ward', name: 'Ward', kind: 'team', effectiveFrom: '2009-04-01' })], { expectedVersion: 'no_stream' });
  await store.appendMany([0, 1, 2].map((k): AppendRequest => ({ streamId: `person-person${k}`, expectedVersion: 'no_stream', events: [event('PersonRegistered', { personId: `person${k}`, profession: 'nurse', effectiveFrom: '2009-01-01' })] })));
  await appendPosts(store, 0, projectedPosts);
  const projected = await new LeadershipProjector(store).catchUp();
  await appendPosts(store, projectedPosts, POSTS);
  const total = await store.count();
  await store.close();
  return { total, projected };
}

function withReadOnly<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describe('LeadershipProjector killed part way through a rebuild', () => {
  let dir: string;
  let child: ChildProcess | undefined;
  const stores: SqliteEventStore[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgchange-crash-'));
    await compileLibs(join(dir, 'compiled'));
  }, 60_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    await Promise.all(stores.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves the read model it was replacing intact, and catching up or rebuilding again ends with the read model of an uninterrupted rebuild', async () => {
    const file = join(dir, 'events.sqlite');
    const copy = join(dir, 'copy.sqlite');
    const { total, projected } = await generate(file, POSTS / 2);
    copyFileSync(file, copy);
    expect(total).toBeGreaterThan(20_000);
    const before = withReadOnly(file, dumpReadModel);

    let stderr = '';
    let replayed = 0;
    const running = spawn(process.execPath, [CHILD, join(dir, 'compiled'), file, String(CHILD_PAGE_SIZE)], { env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') }, stdio: ['ignore', 'ignore', 'pipe'] });
    child = running;
    const exited = new Promise<NodeJS.Signals | null>((resolve) => running.on('exit', (_code, signal) => resolve(signal)));
    // The child reports each batch it committed to the shadow tables; kill it a third of the way in, short of the end.
    const partWay = new Promise<void>((resolve) =>
      running.stderr?.on('data', (chunk) => {
        stderr += String(chunk);
        for (const match of stderr.matchAll(/^replayed (\d+)$/gm)) replayed = Number(match[1]);
        if (replayed > total / 3 && replayed < total) resolve();
      }),
    );
    const finished = exited.then((signal) => {
      throw new Error(`child ended (${signal}) before it was killed, at ${replayed} of ${total}: ${stderr}`);
    });
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`child stalled at ${replayed} of ${total}: ${stderr}`)), 30_000)));
    await Promise.race([partWay, finished, stalled]).finally(() => clearTimeout(timer));
    running.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    // The kill came part way through loading the shadows, and the live read model is the one from before.
    expect(withReadOnly(file, (db) => db.prepare('SELECT count(*) FROM rebuilding_rm_holdings').pluck().get())).toBeGreaterThan(0);
    expect(withReadOnly(file, dumpReadModel)).toEqual(before);

    const crashed = new SqliteEventStore({ file });
    const uninterrupted = new SqliteEventStore({ file: copy });
    stores.push(crashed, uninterrupted);
    const projector = new LeadershipProjector(crashed);
    expect(Number(projector.checkpoint())).toBe(projected);
    const resumed = await projector.catchUp();
    await new LeadershipProjector(uninterrupted).rebuild();
    expect(resumed).toBe(total - projected);
    const expected = dumpReadModel(uninterrupted.database);
    expect(dumpReadModel(crashed.database)).toEqual(expected);

    // Rebuilding again over the shadows the killed rebuild left gives the same read model.
    await projector.rebuild();
    expect(dumpReadModel(crashed.database)).toEqual(expected);
  }, 120_000);
});
