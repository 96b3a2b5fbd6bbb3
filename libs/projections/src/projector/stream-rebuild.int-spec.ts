import { type NewEvent, SqliteEventStore } from '@orgchange/event-store';
import { generateSyntheticHistory, SimulatedClock } from '@orgchange/synth';
import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RebuildInProgressError } from '../read-model/rebuild-claim';
import { READ_MODEL_TABLES } from '../read-model/read-model.schema';
import { LeadershipProjector, PROJECTION_NAME } from './leadership.projector';
import { dumpReadModel } from './test-oracle';

/** Every rm_ table, rows sorted, hashed: equal hashes mean equal read models, whatever order rows were inserted in. */
const hashOf = (db: Database.Database): string => createHash('sha256').update(JSON.stringify(dumpReadModel(db))).digest('hex');

/** Empties the read model of a file, so a projector builds it again event by event from the first event. */
function forgetReadModel(file: string): void {
  const db = new Database(file);
  for (const table of READ_MODEL_TABLES) db.exec(`DELETE FROM ${table}`);
  db.prepare('DELETE FROM rm_checkpoint WHERE projection = ?').run(PROJECTION_NAME);
  db.close();
}

const event = (type: string, data: Record<string, unknown>): NewEvent => ({ eventId: randomUUID(), type, version: 1, data, metadata: { actor: 'stream-rebuild-spec', correlationId: 'generated' } });

describe('LeadershipProjector.rebuild, stream by stream into shadow tables', () => {
  let dir: string;
  let file: string;
  const stores: SqliteEventStore[] = [];
  const open = (path: string) => {
    const store = new SqliteEventStore({ file: path });
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgchange-stream-rebuild-'));
    file = join(dir, 'synthetic.sqlite');
    const clock = new SimulatedClock();
    const store = new SqliteEventStore({ file, synchronous: 'NORMAL', now: clock.now });
    await generateSyntheticHistory(store, { organisations: 3, postsPerOrganisation: 150, years: 5, seed: 11, clock });
    await store.close();
  }, 120_000);

  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  describe('given a synthetic history of three trusts projected event by event', () => {
    it('builds exactly the read model the projector built, checkpoint included', async () => {
      const path = join(dir, 'incremental.sqlite');
      copyFileSync(file, path);
      const store = open(path);
      // Small pages and cache: streams drop out and are folded again, as on a long log.
      await new LeadershipProjector(store, { pageSize: 300, cacheSize: 40 }).catchUp();
      const incremental = hashOf(store.database);
      expect(Number(new LeadershipProjector(store).checkpoint())).toBe(await store.count());
      // Enough history that rows were ended in recorded time, not only added.
      expect(await store.count()).toBeGreaterThan(3000);
      expect(store.database.prepare('SELECT count(*) FROM rm_holdings WHERE recorded_to IS NOT NULL').pluck().get()).toBeGreaterThan(0);

      const rebuilt = await new LeadershipProjector(store, { pageSize: 777 }).rebuild();
      expect(rebuilt.applied).toBe(await store.count());
      expect(hashOf(store.database)).toBe(incremental);
      // No shadow is left behind once swapped in.
      expect(store.database.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE 'rebuilding\\_%' ESCAPE '\\'").pluck().get()).toBe(0);
    }, 60_000);

    it('leaves the live read model as it was while it loads, and applies what is appended meanwhile', async () => {
      const path = join(dir, 'appended.sqlite');
      copyFileSync(file, path);
      const store = open(path);
      const projector = new LeadershipProjector(store, { pageSize: 500 });
      await projector.catchUp();
      const before = hashOf(store.database);
      const head = await store.count();
      const appends: Promise<unknown>[] = [];
      let batches = 0;
      const done = await projector.rebuild(() => {
        batches += 1;
        if (batches > 2) return;
        // Between batches: the old read model is still the one queries see, at its checkpoint.
        expect(hashOf(store.database)).toBe(before);
        expect(Number(projector.checkpoint())).toBe(head);
        const postId = `appended-${batches}`;
        appends.push(
          store.append(`post-${postId}`, [
            event('PostCreated', { postId, organisationId: 'not-projected-yet', unitId: 'ward', title: 'Matron', family: 'nursing', grade: 'AfC 8a', maxHolders: 1, effectiveFrom: '2016-04-01' }),
            event('AppointmentStarted', { postId, appointmentId: `${postId}-a`, personId: 'someone', kind: 'acting', effectiveFrom: '2016-05-01' }),
          ], { expectedVersion: 'no_stream' }),
        );
      });
      await Promise.all(appends);
      expect(batches).toBeGreaterThan(2);
      const total = await store.count();
      expect(total).toBe(head + 4);
      expect(Number(projector.checkpoint())).toBe(total);
      expect(done.applied).toBe(total);
      expect(store.database.prepare("SELECT count(*) FROM rm_posts WHERE post_id LIKE 'appended-%'").pluck().get()).toBe(2);

      // The same read model as projecting the grown log event by event from the first event.
      const rebuilt = hashOf(store.database);
      const replayPath = join(dir, 'replayed.sqlite');
      await store.close();
      stores.splice(stores.indexOf(store), 1);
      copyFileSync(path, replayPath);
      forgetReadModel(replayPath);
      const replay = open(replayPath);
      await new LeadershipProjector(replay, { pageSize: 250 }).catchUp();
      expect(hashOf(replay.database)).toBe(rebuilt);
    }, 60_000);

    it('refuses a second rebuild of the same file while the first is running, and allows one after it', async () => {
      const path = join(dir, 'two-rebuilds.sqlite');
      copyFileSync(file, path);
      const store = open(path);
      const first = new LeadershipProjector(store, { pageSize: 500 });
      const second = new LeadershipProjector(open(path), { pageSize: 500 });
      let refusal: unknown;
      let batches = 0;
      await first.rebuild(() => {
        batches += 1;
        if (batches === 1) refusal = second.rebuild().catch((error: unknown) => error);
      });
      await expect(refusal).resolves.toBeInstanceOf(RebuildInProgressError);
      await expect(refusal).resolves.toMatchObject({ message: expect.stringMatching(new RegExp(`another rebuild of this read model is running \\(process ${process.pid} on `)) });
      const rebuiltOnce = hashOf(store.database);

      // The claim went with the swap: the second may rebuild now, to the same read model.
      await second.rebuild();
      expect(hashOf(store.database)).toBe(rebuiltOnce);
    }, 60_000);
  });
});
