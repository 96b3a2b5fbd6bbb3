import { type CalendarDate, type PlannedChange, type ProgrammeCommand, organisationStream, programmeDecider, programmeStream, streamDeciders } from '@orgchange/domain';
import { type CommandEnvelope, handleCommand, SqliteEventStore } from '@orgchange/event-store';
import Database from 'better-sqlite3';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProgrammeTimerIndex } from './programme-timer-index';
import { ProgrammeTimerRunner } from './programme-timer-runner';
import { compileForChild } from '../../../testing/src/compile-for-child';

const ROOT = join(__dirname, '..', '..', '..', '..');
const CHILD = join(__dirname, 'testing', 'timer-crash-child.js');
const TRIALS = 50;
const TODAY = '2026-09-01';
const day = (date: string) => date as CalendarDate;

/**
 * Compiles what the child needs to CommonJS under `out`, as scripts/build.mjs does, into a private folder (dist/
 * is shared with whoever else is building). The event-store and commands barrels are replaced by ones without
 * their Nest modules: the runner uses none of them, and loading Nest costs a child about two seconds here,
 * which fifty children cannot afford. The modules the runner does load are compiled from the sources as they are.
 */
async function compileLibs(out: string): Promise<void> {
  await compileForChild(out, ['domain/src', 'event-store/src', 'commands/src', 'workflow/src/timers', 'workflow/src/programmes']);
  const barrel = (modules: string[]) => modules.map((m) => `Object.assign(exports, require('./${m}'));`).join('\n');
  writeFileSync(join(out, 'libs/event-store/src/index.js'), barrel(['event-store.port', 'event-store.errors', 'upcasting', 'stream-rules', 'command-handler', 'sqlite/sqlite-event-store']));
  writeFileSync(join(out, 'libs/commands/src/index.js'), barrel(['post-context', 'event-ids', 'cross-organisation-decision']));
}

const envelope = (correlationId: string): CommandEnvelope => ({ metadata: { actor: 'crash-test', correlationId }, newEventId: () => randomUUID() });

const rename = (organisationId: string, unitId: string, on: string): PlannedChange => ({
  changeId: `rename-${unitId}`,
  command: { type: 'RenameUnit', data: { organisationId, unitId, name: `Renamed ${unitId}`, effectiveFrom: day(on) } },
});

async function organisationWithUnits(store: SqliteEventStore, organisationId: string, units: number): Promise<string[]> {
  const stream = organisationStream(organisationId);
  await handleCommand(store, streamDeciders.organisation, stream, { type: 'EstablishOrganisation', data: { organisationId, name: organisationId, kind: 'nhs-trust', effectiveFrom: day('2015-04-01') } }, envelope('setup'));
  const ids = Array.from({ length: units }, (_, i) => `${organisationId}-u${i}`);
  for (const unitId of ids) {
    await handleCommand(store, streamDeciders.organisation, stream, { type: 'EstablishUnit', data: { organisationId, unitId, name: unitId, kind: 'team', effectiveFrom: day('2015-04-01') } }, envelope('setup'));
  }
  return ids;
}

async function programme(store: SqliteEventStore, programmeId: string, commands: (today: CalendarDate) => ProgrammeCommand[]): Promise<void> {
  for (const command of commands(day('2026-06-01'))) await handleCommand(store, programmeDecider, programmeStream(programmeId), command, envelope(`setup-${programmeId}`));
}

/**
 * Three programmes due on one day: one renaming 24 units (on two dates), one renaming 12 units in another
 * organisation plus a change the record refuses (a unit that does not exist), and one whose consultation has
 * ended. About 40 firings, each its own transaction.
 */
async function template(file: string): Promise<void> {
  const store = new SqliteEventStore({ file });
  const north = await organisationWithUnits(store, 'north', 24);
  const south = await organisationWithUnits(store, 'south', 12);
  const scheduled = (programmeId: string, organisationId: string, changes: PlannedChange[]) => (today: CalendarDate): ProgrammeCommand[] => [
    { type: 'DraftProgramme', data: { programmeId, today, title: programmeId, organisationIds: [organisationId], changes } },
    { type: 'WaiveConsultation', data: { programmeId, today, reason: 'crash test' } },
    { type: 'DecideProgramme', data: { programmeId, today, decision: 'approved' } },
  ];
  await programme(store, 'north-renames', scheduled('north-renames', 'north', north.map((id, i) => rename('north', id, i % 2 === 0 ? '2026-08-15' : TODAY))));
  await programme(store, 'south-renames', scheduled('south-renames', 'south', [...south.map((id) => rename('south', id, TODAY)), rename('south', 'ghost', TODAY)]));
  await programme(store, 'consulted', (today) => [
    { type: 'DraftProgramme', data: { programmeId: 'consulted', today, title: 'consulted', organisationIds: ['north'], changes: [rename('north', north[0], '2027-01-01')] } },
    { type: 'PublishProposal', data: { programmeId: 'consulted', today } },
    { type: 'OpenConsultation', data: { programmeId: 'consulted', today, days: 30, opensOn: day('2026-07-01') } },
  ]);
  await store.close();
}

type Row = { event_id: string; stream_id: string; stream_version: number; type: string; data: string; metadata: string };

/** Every event after `after`, by stream and version, without recorded times (which differ run to run). */
function eventsAfter(file: string, after: number): Row[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT event_id, stream_id, stream_version, type, data, metadata FROM events WHERE global_position > ? ORDER BY stream_id, stream_version').all(after) as Row[];
  } finally {
    db.close();
  }
}

async function resume(file: string): Promise<void> {
  const store = new SqliteEventStore({ file });
  try {
    const report = await new ProgrammeTimerRunner(store, new ProgrammeTimerIndex(store, store.database), { now: () => new Date(`${TODAY}T12:00:00Z`) }).runOnce();
    expect(report.errors).toEqual([]);
  } finally {
    await store.close();
  }
}

/** A small seeded generator, so a failing trial can be replayed with CRASH_SEED. */
const random = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

describe('ProgrammeTimerRunner killed at random points while firing', () => {
  let dir: string;
  const children = new Set<ChildProcess>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgchange-timer-crash-'));
    await compileLibs(join(dir, 'compiled'));
    await template(join(dir, 'template.sqlite'));
  }, 60_000);

  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the child on `file` and SIGKILLs it once `killAt` events have been appended (or lets it finish). */
  async function runChildUntil(file: string, base: number, killAt: number): Promise<'killed' | 'finished'> {
    let stderr = '';
    const running = spawn(process.execPath, [CHILD, join(dir, 'compiled'), file, TODAY, String(killAt)], { env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(running);
    running.stderr?.on('data', (chunk) => (stderr += String(chunk)));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => running.on('exit', (code, signal) => resolve({ code, signal })));
    await new Promise<void>((resolve, reject) => {
      running.stdout?.once('data', () => resolve());
      void exited.then(() => reject(new Error(`child exited before it was ready: ${stderr}`)));
    });
    const observer = new Database(file, { readonly: true });
    try {
      const appended = observer.prepare('SELECT COALESCE(MAX(global_position), 0) FROM events').pluck();
      while (running.exitCode === null && (appended.get() as number) - base < killAt) await new Promise((resolve) => setImmediate(resolve));
    } finally {
      observer.close();
    }
    running.kill('SIGKILL');
    const { code, signal } = await exited;
    children.delete(running);
    if (signal === 'SIGKILL') return 'killed';
    if (code !== 0) throw new Error(`child failed (${code}): ${stderr}`);
    return 'finished';
  }

  it(`ends every one of ${TRIALS} trials with exactly the events of an uninterrupted run`, async () => {
    const templateFile = join(dir, 'template.sqlite');
    const base = (new Database(templateFile, { readonly: true }).prepare('SELECT MAX(global_position) FROM events').pluck().get() as number);
    const oracleFile = join(dir, 'oracle.sqlite');
    copyFileSync(templateFile, oracleFile);
    await resume(oracleFile);
    const expected = eventsAfter(oracleFile, base);
    expect(expected.filter((e) => e.type === 'PlannedChangeApplied')).toHaveLength(36);
    expect(expected.filter((e) => e.type === 'PlannedChangeFailed')).toHaveLength(1);
    expect(expected.filter((e) => e.type === 'ConsultationClosed')).toHaveLength(1);

    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
    const next = random(seed);
    const outcomes = { killed: 0, finished: 0 };
    const trial = async (index: number, killAt: number): Promise<void> => {
      const file = join(dir, `trial-${index}.sqlite`);
      copyFileSync(templateFile, file);
      outcomes[await runChildUntil(file, base, killAt)] += 1;
      await resume(file);
      const actual = eventsAfter(file, base);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`trial ${index} (CRASH_SEED=${seed}, killed after ${killAt} events) differs from the uninterrupted run`);
      rmSync(file, { force: true });
    };
    // Two at a time: each child spends most of its life starting up, so a second one overlaps it.
    for (let index = 0; index < TRIALS; index += 2) {
      await Promise.all([trial(index, Math.floor(next() * expected.length)), trial(index + 1, Math.floor(next() * expected.length))]);
    }
    // Most trials must really be cut short, or the test would prove nothing about resuming.
    expect(outcomes.killed).toBeGreaterThanOrEqual(TRIALS * 0.8);
  }, 120_000);
});
