import { Command, Option } from 'commander';
import type { CalendarDate } from '@orgchange/domain';
import { atOption, knownAtOption, orFail, printJson, withReader } from './read-options';
import { dbOption } from './store-option';
import { structureTree } from './structure-tree.format';

type StructureOptions = { db: string; org: string; at?: CalendarDate; knownAt?: string; format: 'tree' | 'json' };

/** `orgchange structure`: an organisation's units, posts and holders on a date, as known at an instant. */
export function structureCommand(): Command {
  return new Command('structure')
    .description('print the leadership structure of an organisation on a date, as the record stood at an instant')
    .addOption(dbOption())
    .requiredOption('--org <id or code>', 'organisation id or external code (such as an ODS code)')
    .addOption(atOption())
    .addOption(knownAtOption())
    .addOption(new Option('--format <format>', 'tree (indented text) or json').choices(['tree', 'json']).default('tree'))
    .action(async (options: StructureOptions) => {
      const view = orFail(await withReader(options.db, (reader) => reader.structure(options.org, options.at, options.knownAt)), '--org');
      if (options.format === 'json') printJson(view);
      else for (const line of structureTree(view)) console.log(line);
    });
}
