import { Command } from 'commander';
import { CliError } from './cli-error';
import { personDirectoryOf } from './person-names';
import { dbOption, openExistingStore } from './store-option';
import { ID_PATTERN } from '../../api/src/common/dto-fields';

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
      const store = openExistingStore(options.db);
      try {
        const destroyed = await personDirectoryOf(store).erase(personId, new Date());
        console.log(JSON.stringify({ personId, personErased: true, recordsDestroyed: destroyed }));
      } finally {
        await store.close();
      }
    });
  return people;
}
