import { Command } from 'commander';
import { storeConfigFrom } from '@orgchange/event-store';
import { type PersonDirectory, PostgresPersonDirectory } from '@orgchange/people-directory';
import { ID_PATTERN } from '../../api/src/common/dto-fields';
import { CliError } from './cli-error';
import { personDirectoryOf } from './person-names';
import { dbOption, openExistingStore } from './store-option';

/** `orgchange people erase <id>`: destroys the key of a person's record; the event log is left as it is. */
export function peopleCommand(): Command {
  const people = new Command('people').description("the person directory: people's names, kept apart from the event log");
  people
    .command('erase')
    .description("erase a person's name and contact details for good (their key is destroyed; events keep the opaque id)")
    .argument('<personId>', 'the opaque person id')
    .addOption(dbOption())
    .action(async (personId: string, options: { db: string }) => {
      if (!ID_PATTERN.test(personId)) throw new CliError(`personId: "${personId}" is not an id`);
      const destroyed = await withDirectory(options.db, (directory) => directory.erase(personId, new Date()));
      console.log(JSON.stringify({ personId, personErased: true, recordsDestroyed: destroyed }));
    });
  return people;
}

/** The directory the API uses: in PostgreSQL beside a PostgreSQL log (EVENT_STORE=postgres), else in the SQLite file. */
async function withDirectory<T>(db: string, work: (directory: PersonDirectory) => Promise<T>): Promise<T> {
  const config = storeConfigFrom({ ...process.env, ORGCHANGE_DB: db });
  if (config.kind === 'postgres') {
    const directory = await PostgresPersonDirectory.open({ url: config.url, schema: config.schema });
    try {
      return await work(directory);
    } finally {
      await directory.close();
    }
  }
  const store = openExistingStore(db);
  try {
    return await work(personDirectoryOf(store));
  } finally {
    await store.close();
  }
}
