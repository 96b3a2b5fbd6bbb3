import { existsSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { eventUpcasters } from '@orgchange/domain';
import { chainUpcasters, openEventStore, SqliteEventStore, storeConfigFrom, type StoreConfig } from '@orgchange/event-store';
import { CliError } from './cli-error';

export const DEFAULT_DB = './data/orgchange.sqlite';

/** `--db <file>`, defaulting to $ORGCHANGE_DB and then ./data/orgchange.sqlite, as the API does. */
export const dbOption = () =>
  new Option('--db <file>', 'SQLite database file (with EVENT_STORE=postgres or kurrentdb: the local state file, refreshed from the log first)')
    .env('ORGCHANGE_DB')
    .default(DEFAULT_DB);

/** Opens an existing database for reading; a missing file is a user error, not an empty log. */
export function openExistingStore(file: string): SqliteEventStore {
  if (!existsSync(file)) throw new CliError(`no database at ${file}: start the API once (npm start) or pass --db`, 1);
  return new SqliteEventStore({ file, upcast: chainUpcasters(eventUpcasters) });
}

/** Verbs that append to the log through a SQLite file of their own, which a server-side log cannot take. */
const WRITING_VERBS = new Set(['import', 'synth']);

/**
 * Runs before every verb. With EVENT_STORE=postgres or kurrentdb (same variables as the API), the verb's
 * `--db` file is the local state file: it is brought up to date with the log first, so read verbs answer
 * from the whole log; verbs that write events are refused with the way round (write a SQLite file, then
 * `orgchange store copy` it in). On SQLite nothing happens.
 */
export async function prepareStore(verb: Command, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const db = (verb.opts() as { db?: unknown }).db;
  if (typeof db !== 'string') return;
  const config = storeConfigOf(env, db);
  if (config.kind === 'sqlite') return;
  const path = verb.parent?.parent ? [verb.parent.name(), verb.name()] : [verb.name()];
  if (WRITING_VERBS.has(path[0])) {
    throw new CliError(
      `orgchange ${path.join(' ')} writes a SQLite log; with EVENT_STORE=${config.kind}, run it with EVENT_STORE=sqlite --db <new file>, then: orgchange store copy --from sqlite:<file> --to <the log's URL> (into an empty log)`,
      2,
    );
  }
  try {
    await (await openEventStore(config, chainUpcasters(eventUpcasters))).close();
  } catch (error) {
    throw new CliError(`cannot refresh ${db} from the ${config.kind} log: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
}

function storeConfigOf(env: NodeJS.ProcessEnv, db: string): StoreConfig {
  try {
    return storeConfigFrom({ ...env, ORGCHANGE_DB: db });
  } catch (error) {
    throw new CliError((error as Error).message, 2);
  }
}
