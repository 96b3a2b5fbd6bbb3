import { type AppendRequest, type NewEvent, SqliteEventStore } from '@orgchange/event-store';
import Database from 'better-sqlite3';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LeadershipProjector, PROJECTION_NAME } from './leadership.projector';
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

/** Appends about 20,000 valid events in a few large transactions. */
async function generate(file: string): Promise<number> {
  const store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
  await store.append('organisation-big', [event('OrganisationEstablished', { organisationId: 'big', name: 'Big Trust', kind: 'nhs-trust', effectiveFrom: '2009-04-01' }), event('UnitEstablished', { organisationId: 'big', unitId: 'ward', name: 'Ward', kind: 'team', effectiveFrom: '2009-04-01' })], { expectedVersion: 'no_stream' });
  await store.appendMany([0, 1, 2].map((k): AppendRequest => ({ streamId: `person-person${k}`, expectedVersion: 'no_stream', events: [event('PersonRegistered', { personId: `person${k}`, profession: 'nurse', effectiveFrom: '2009-01-01' })] })));
  for (let first = 0; first < POSTS; first += 100) {
    await store.appendMany(Array.from({ length: 100 }, (_, i): AppendRequest => ({ streamId: `post-post${first + i}`, expectedVersion: 'no_stream', events: postHistory(first + i) })));
  }
  const total = await store.count();
  await store.close();
  return total;
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

  it('resumes from its last committed page and ends with the read model of an uninterrupted rebuild', async () => {
    const file = join(dir, 'events.sqlite');
    const copy = join(dir, 'copy.sqlite');
    const total = await generate(file);
    copyFileSync(file, copy);
    expect(total).toBeGreaterThan(20_000);

    let stderr = '';
    const running = spawn(process.execPath, [CHILD, join(dir, 'compiled'), file, String(CHILD_PAGE_SIZE)], { env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') }, stdio: ['ignore', 'ignore', 'pipe'] });
    child = running;
    running.stderr?.on('data', (chunk) => (stderr += String(chunk)));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => running.on('exit', (_code, signal) => resolve(signal)));

    const observer = new Database(file, { readonly: true, fileMustExist: true });
    const checkpoint = (): number => {
      try {
        return (observer.prepare('SELECT position FROM rm_checkpoint WHERE projection = ?').pluck().get(PROJECTION_NAME) as number | undefined) ?? 0;
      } catch {
        return 0; // the child has not created the read model's tables yet
      }
    };
    try {
      // Bounded wait for a checkpoint a third of the way in (and short of the end), then SIGKILL: no chance to finish the page in hand.
      for (const deadline = Date.now() + 30_000; ; ) {
        const position = checkpoint();
        if (position > total / 3 && position < total) break;
        if (running.exitCode !== null || Date.now() > deadline) throw new Error(`child ended or stalled at checkpoint ${position} of ${total}: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      running.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
    } finally {
      observer.close();
    }

    const crashed = new SqliteEventStore({ file });
    const uninterrupted = new SqliteEventStore({ file: copy });
    stores.push(crashed, uninterrupted);
    const projector = new LeadershipProjector(crashed);
    // Read after reopening: a page whose commit reached the WAL just before the kill may not have been visible to the observer yet.
    const interruptedAt = Number(projector.checkpoint());
    expect(interruptedAt).toBeGreaterThan(total / 3);
    expect(interruptedAt).toBeLessThan(total);
    const resumed = await projector.catchUp();
    await new LeadershipProjector(uninterrupted).rebuild();

    expect(resumed).toBe(total - interruptedAt);
    expect(dumpReadModel(crashed.database)).toEqual(dumpReadModel(uninterrupted.database));
  }, 120_000);
});
