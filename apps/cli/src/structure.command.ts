import { Command, Option } from 'commander';
import type { CalendarDate } from '@orgchange/domain';
import { holdersOf, withHolderNames } from '@orgchange/projections';
import { nameLookup, withReaderAndNames } from './person-names';
import { atOption, knownAtOption, orFail, printJson } from './read-options';
import { dbOption } from './store-option';
import { structureTree } from './structure-tree.format';

type StructureOptions = { db: string; org: string; at?: CalendarDate; knownAt?: string; format: 'tree' | 'json' };

/**
 * `orgchange structure`: an organisation's units, posts and holders on a date, as known at an instant. Holders
 * are named from the person directory where it knows them (names are kept out of the log and its read model).
 */
export function structureCommand(): Command {
  return new Command('structure')
    .description('print the leadership structure of an organisation on a date, as the record stood at an instant')
    .addOption(dbOption())
    .requiredOption('--org <id or code>', 'organisation id or external code (such as an ODS code)')
    .addOption(atOption())
    .addOption(knownAtOption())
    .addOption(new Option('--format <format>', 'tree (indented text) or json').choices(['tree', 'json']).default('tree'))
    .action(async (options: StructureOptions) => {
      const { view, nameOf } = await withReaderAndNames(options.db, async (reader, names) => {
        const structure = orFail(await reader.structure(options.org, options.at, options.knownAt), '--org');
        return { view: structure, nameOf: await nameLookup(names, holdersOf(structure).map((h) => h.personId), structure.at as CalendarDate) };
      });
      if (options.format === 'json') printJson(withHolderNames(view, nameOf));
      else for (const line of structureTree(view, nameOf)) console.log(line);
    });
}
