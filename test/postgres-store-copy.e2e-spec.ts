import { checksumOf, type NewEvent, openImportTarget, openStoreUrl, PostgresEventStore, SqliteEventStore, type AppendRequest } from '@orgchange/event-store';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileForChild } from '../libs/testing/src/compile-for-child';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../libs/event-store/src/postgres/postgres-test-schemas';
import { run } from '../apps/cli/src/main';
import { captureCliOutput } from './support/cli-output';
import { startKurrentDbTestDouble } from './kurrentdb-double/kurrentdb-test-double';
import { KurrentDbEventStore } from '@orgchange/event-store';

const EVENTS_PER_STREAM = 10;
const STREAMS = 1200;

const event = (n: number, k: number): NewEvent => ({
  eventId: randomUUID(),
  type: k % 2 === 0 ? 'AppointmentStarted' : 'AppointmentEnded',
  // Schema version 1 of a type the domain has since upcast would come back changed if the copy upcast it.
  version: 1,
  data: { postId: `post-${n}`, seq: k, note: k === 3 ? 'Siân — 👩🏽‍⚕️ وحدة' : undefined },
  metadata: { actor: 'copy-test', correlationId: randomUUID() },
});

/** 12,000 events in 1,200 interleaved streams, with recorded times from a clock that moves on. */
async function sourceLog(file: string): Promise<void> {
  let tick = Date.parse('2020-01-01T00:00:00.000Z');
  const store = new SqliteEventStore({ file, synchronous: 'NORMAL', now: () => new Date((tick += 1234)) });
  for (let k = 0; k < EVENTS_PER_STREAM; k += 1) {
    for (let first = 0; first < STREAMS; first += 200) {
      await store.appendMany(
        Array.from({ length: 200 }, (_, i): AppendRequest => ({ streamId: `post-${first + i}`, expectedVersion: k - 1 === -1 ? 'no_stream' : k - 1, events: [event(first + i, k)] })),
      );
    }
  }
  await store.close();
}

describe('orgchange store copy', () => {
  const cli = captureCliOutput();
  /** Runs `orgchange store copy <args>` in process, with what it printed. */
  const copy = async (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    cli.clear();
    const code = await run(['store', 'copy', ...args]);
    return { code, stdout: cli.printed(), stderr: cli.errors() };
  };
  let dir: string;
  let schema: string;
  let sqliteUrl: string;
  let postgresUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgchange-copy-'));
    sqliteUrl = `sqlite:${join(dir, 'source.sqlite')}`;
    await sourceLog(join(dir, 'source.sqlite'));
  });
  beforeEach(() => {
    schema = freshSchemaName('oc_copy');
    postgresUrl = `${TEST_DATABASE_URL}?schema=${schema}`;
  });
  afterEach(async () => {
    await dropSchema(schema);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('copies SQLite into PostgreSQL with ids, positions, versions and both times, and back again, checksums equal', async () => {
    const back = `sqlite:${join(dir, `back-${randomUUID()}.sqlite`)}`;

    const there = await copy('--from', sqliteUrl, '--to', postgresUrl);
    const home = await copy('--from', postgresUrl, '--to', back);

    expect(there.code).toBe(0);
    expect(home.code).toBe(0);
    const [report, returned] = [JSON.parse(there.stdout), JSON.parse(home.stdout)];
    expect(report).toMatchObject({ total: STREAMS * EVENTS_PER_STREAM, copiedNow: STREAMS * EVENTS_PER_STREAM, resumedAfter: '0', verified: true });
    expect(returned.checksum).toBe(report.checksum);
    const [source, copied] = [await openStoreUrl(sqliteUrl), await openStoreUrl(postgresUrl)];
    try {
      expect(await copied.readAll({ after: 5000n, limit: 300 })).toEqual(await source.readAll({ after: 5000n, limit: 300 }));
      expect((await checksumOf(copied)).checksum).toBe(report.checksum);
    } finally {
      await source.close();
      await copied.close();
    }
  }, 120_000);

  it('resumes a copy killed part way, and ends with the same count and checksum', async () => {
    const tree = join(dir, `child-${randomUUID()}`);
    await compileForChild(tree, ['domain/src', 'event-store/src']);
    const child = spawn(process.execPath, [join(__dirname, 'postgres-store-copy.child.js'), tree, sqliteUrl, postgresUrl, '7'], {
      env: { ...process.env, NODE_PATH: join(__dirname, '..', 'node_modules') },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    clearTimeout(timer);
    expect({ signal, stderr }).toEqual({ signal: 'SIGKILL', stderr: '' });
    const partial = await PostgresEventStore.open({ url: TEST_DATABASE_URL, schema });
    const copiedBeforeKill = await partial.count();
    await partial.close();
    expect(copiedBeforeKill).toBe(7 * 500);

    const resumed = await copy('--from', sqliteUrl, '--to', postgresUrl);

    expect(resumed.code).toBe(0);
    const report = JSON.parse(resumed.stdout);
    expect(report).toMatchObject({ total: STREAMS * EVENTS_PER_STREAM, copiedNow: STREAMS * EVENTS_PER_STREAM - 3500, resumedAfter: '3500', verified: true });
    const source = await openStoreUrl(sqliteUrl);
    try {
      expect(report.checksum).toBe((await checksumOf(source)).checksum);
    } finally {
      await source.close();
    }
  }, 120_000);

  it('refuses a target holding other events, and bad URLs, with exit code 2 and a message; nothing is written', async () => {
    const target = await openImportTarget(postgresUrl);
    await (target as PostgresEventStore).append('unit-x', [event(0, 0)], { expectedVersion: 'no_stream' });
    await target.close();

    const foreign = await copy('--from', sqliteUrl, '--to', postgresUrl);
    const badUrl = await copy('--from', 'mysql://x', '--to', postgresUrl);
    const missing = await copy('--from', `sqlite:${join(dir, 'nope.sqlite')}`, '--to', postgresUrl);

    expect([foreign.code, badUrl.code, missing.code]).toEqual([1, 2, 2]);
    expect(foreign.stderr).toMatch(/not a copy of the source/);
    expect(badUrl.stderr).toMatch(/--from mysql:\/\/x: expected sqlite:<file>, postgres:\/\/… or kurrentdb:\/\//);
    expect(missing.stderr).toMatch(/no database at/);
    const after = await PostgresEventStore.open({ url: TEST_DATABASE_URL, schema });
    expect(await after.count()).toBe(1);
    await after.close();
  });

  it('copies a KurrentDB log (the test double) into PostgreSQL keeping its sparse commit positions, and refuses KurrentDB as a target', async () => {
    const double = await startKurrentDbTestDouble();
    const kurrentUrl = double.connectionString;
    let tick = Date.parse('2024-01-01T00:00:00.000Z');
    const writer = new KurrentDbEventStore({ connectionString: kurrentUrl, now: () => new Date((tick += 1000)) });
    try {
      for (let n = 0; n < 30; n += 1) await writer.append(`post-${n % 7}`, [event(n, n)], { expectedVersion: 'any' });

      const copied = await copy('--from', kurrentUrl, '--to', postgresUrl, '--batch', '8');
      const intoKurrent = await copy('--from', sqliteUrl, '--to', kurrentUrl);

      expect(copied.code).toBe(0);
      expect(JSON.parse(copied.stdout)).toMatchObject({ total: 30, copiedNow: 30, verified: true });
      const target = await PostgresEventStore.open({ url: TEST_DATABASE_URL, schema });
      try {
        expect(await target.readAll()).toEqual(await writer.readAll());
      } finally {
        await target.close();
      }
      expect(intoKurrent.code).toBe(2);
      expect(intoKurrent.stderr).toMatch(/--to .*cannot copy into this store, which assigns its own positions/);
    } finally {
      await writer.close();
      await double.stop();
    }
  });
});
