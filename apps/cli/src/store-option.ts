import { existsSync } from 'node:fs';
import { Option } from 'commander';
import { eventUpcasters } from '@orgchange/domain';
import { chainUpcasters, SqliteEventStore } from '@orgchange/event-store';
import { CliError } from './cli-error';

export const DEFAULT_DB = './data/orgchange.sqlite';

/** `--db <file>`, defaulting to $ORGCHANGE_DB and then ./data/orgchange.sqlite, as the API does. */
export const dbOption = () =>
  new Option('--db <file>', 'SQLite database file').env('ORGCHANGE_DB').default(DEFAULT_DB);

/** Opens an existing database for reading; a missing file is a user error, not an empty log. */
export function openExistingStore(file: string): SqliteEventStore {
  if (!existsSync(file)) throw new CliError(`no database at ${file}: start the API once (npm start) or pass --db`, 1);
  return new SqliteEventStore({ file, upcast: chainUpcasters(eventUpcasters) });
}
