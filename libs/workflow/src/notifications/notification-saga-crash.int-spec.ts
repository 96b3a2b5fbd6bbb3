import { SqliteEventStore } from '@orgchange/event-store';
import Database, { type Statement } from 'better-sqlite3';
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NotificationSagaRunner } from './notification-saga.runner';
import { expectedNotificationIds } from './testing/expected-notifications';
import { asNewEvents, plannedChanges, programmeHistory, TableRecipientFinder } from './testing/programme-history';
import { compileForChild } from '../../../testing/src/compile-for-child';

const ROOT = join(__dirname, '..', '..', '..', '..');
const CHILD = join(__dirname, 'testing', 'saga-crash-child.js');
const TRIALS = 50;
/** Trials run side by side: each mostly waits for its child process to start. */
const LANES = 5;
const POSTS_PER_CHANGE = 10;
const BIG_CHANGES = 8;
const OFF_CHANGES = 3;
const TRIAL_DEADLINE_MS = 10_000;

/** Compiles what the child loads to CommonJS in a private folder, as projector-crash.int-spec.ts does (dist/ is shared). */
async function compileLibs(out: string): Promise<void> {
  await compileForChild(out, ['domain/src', 'event-store/src', 'workflow/src/notifications']);
}

/** Two programmes (one takes effect, one is withdrawn after scheduling) between unrelated events, in several commits. */
async function generate(file: string): Promise<void> {
  const store = new SqliteEventStore({ file });
  const unrelated = (n: number) => asNewEvents(`organisation-other-${n}`, [{ type: 'OrganisationRenamed', version: 1, data: { organisationId: `other-${n}`, name: `Other ${n}`, effectiveFrom: '2026-01-01' } }]);
  const big = asNewEvents('programme-big', programmeHistory('big', plannedChanges(BIG_CHANGES)));
  const off = asNewEvents('programme-off', programmeHistory('off', plannedChanges(OFF_CHANGES), { withdraw: 'after-scheduling' }));
  let other = 0;
  for (let i = 0; i < Math.max(big.length, off.length); i += 1) {
    for (let k = 0; k < 2; k += 1) await store.append(`organisation-other-${other}`, unrelated(other++), { expectedVersion: 'no_stream' });
    if (i < big.length) await store.append('programme-big', [big[i]], { expectedVersion: i - 1 });
    if (i < off.length) await store.append('programme-off', [off[i]], { expectedVersion: i - 1 });
  }
  await store.close();
}

const expected = [
  ...expectedNotificationIds('big', plannedChanges(BIG_CHANGES).map((c) => c.changeId), POSTS_PER_CHANGE, 'effective'),
  ...expectedNotificationIds('off', plannedChanges(OFF_CHANGES).map((c) => c.changeId), POSTS_PER_CHANGE, 'withdrawn'),
].sort();

describe('notification saga killed at random points and restarted', () => {
  let dir: string;
  const children = new Set<ChildProcess>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgchange-saga-crash-'));
    await compileLibs(join(dir, 'compiled'));
    await generate(join(dir, 'template.sqlite'));
  }, 30_000);

  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the child until the outbox holds at least `killAt` notifications, then SIGKILLs it; true if it was killed. */
  async function runAndKill(file: string, killAt: number): Promise<boolean> {
    let stderr = '';
    const running = spawn(process.execPath, [CHILD, join(dir, 'compiled'), file, String(POSTS_PER_CHANGE), String(killAt)], { env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') }, stdio: ['ignore', 'ignore', 'pipe'] });
    children.add(running);
    running.stderr?.on('data', (chunk) => (stderr += String(chunk)));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => running.on('exit', (code, signal) => resolve({ code, signal })));
    const observer = new Database(file, { readonly: true, fileMustExist: true });
    let count: Statement | undefined;
    const notified = (): number => {
      try {
        count ??= observer.prepare('SELECT count(*) FROM notification_outbox').pluck();
        return count.get() as number;
      } catch {
        return 0; // the child has not created the outbox yet
      }
    };
    try {
      for (const deadline = Date.now() + TRIAL_DEADLINE_MS; notified() < killAt; ) {
        if (running.exitCode !== null) break;
        if (Date.now() > deadline) throw new Error(`child stalled below ${killAt} notifications: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      running.kill('SIGKILL');
      const { code, signal } = await exited;
      if (signal !== 'SIGKILL' && code !== 0) throw new Error(`child failed (${code}): ${stderr}`);
      return signal === 'SIGKILL';
    } finally {
      observer.close();
      children.delete(running);
    }
  }

  it(`ends every one of ${TRIALS} trials with exactly the expected notifications, none twice, none missing`, async () => {
    let killed = 0;
    const trial = async (n: number): Promise<void> => {
      const file = join(dir, `trial-${n}.sqlite`);
      copyFileSync(join(dir, 'template.sqlite'), file);
      // Random points over the whole run, from before the first notification to just before the last.
      if (await runAndKill(file, Math.floor(Math.random() * expected.length))) killed += 1;

      const store = new SqliteEventStore({ file });
      try {
        const saga = new NotificationSagaRunner(store, new TableRecipientFinder(POSTS_PER_CHANGE));
        await saga.catchUp();
        const ids = store.database.prepare('SELECT notification_id FROM notification_outbox ORDER BY notification_id').pluck().all();
        expect(ids).toEqual(expected);
        expect(saga.checkpoint()).toBe(BigInt(await store.count()));
      } finally {
        await store.close();
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      }
    };
    await Promise.all(
      Array.from({ length: LANES }, async (_, lane) => {
        for (let n = lane; n < TRIALS; n += LANES) await trial(n);
      }),
    );
    // Most trials must really have been cut short, or the test would prove nothing.
    expect(killed).toBeGreaterThan(TRIALS / 2);
  }, 90_000);
});
