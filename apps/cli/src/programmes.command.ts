import { Command, Option } from 'commander';
import { ProgrammeReader } from '@orgchange/workflow';
import { CliError } from './cli-error';
import { programmeDetailText, programmeListText } from './programmes.format';
import { dbOption, openExistingStore } from './store-option';

type Format = { db: string; format: 'text' | 'json' };

const formatOption = () => new Option('--format <format>', 'text, or json').choices(['text', 'json']).default('text');

/** `orgchange programmes list|show`: change programmes as their streams tell them. */
export function programmesCommand(): Command {
  const programmes = new Command('programmes').description('change programmes: their status, timers and timeline');
  programmes
    .command('list')
    .description('every programme with its status and next timer')
    .addOption(dbOption())
    .addOption(formatOption())
    .action(async (options: Format) => {
      const store = openExistingStore(options.db);
      try {
        const list = await new ProgrammeReader(store).list();
        if (options.format === 'json') console.log(JSON.stringify(list, null, 2));
        else for (const line of programmeListText(list)) console.log(line);
      } finally {
        await store.close();
      }
    });
  programmes
    .command('show')
    .description('one programme: its state, pending timers and timeline of events')
    .argument('<id>', 'programme id')
    .addOption(dbOption())
    .addOption(formatOption())
    .action(async (id: string, options: Format) => {
      const store = openExistingStore(options.db);
      try {
        const detail = await new ProgrammeReader(store).show(id);
        if (!detail) throw new CliError(`<id>: no programme ${id}`, 1);
        if (options.format === 'json') console.log(JSON.stringify(detail, null, 2));
        else for (const line of programmeDetailText(detail)) console.log(line);
      } finally {
        await store.close();
      }
    });
  return programmes;
}
