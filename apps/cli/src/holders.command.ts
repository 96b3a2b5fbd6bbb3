import { Command, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import type { CalendarDate } from '@orgchange/domain';
import { nameLookup, withReaderAndNames } from './person-names';
import { atOption, knownAtOption, printJson } from './read-options';
import { dbOption } from './store-option';

type HoldersOptions = { db: string; title: string; at?: CalendarDate; knownAt?: string; format: 'csv' | 'json' };

const COLUMNS = ['name', 'title', 'organisation', 'from', 'to', 'kind', 'personId', 'postId', 'organisationId', 'organisationCode'] as const;

/**
 * `orgchange holders`: who held posts with a title on a date, in every organisation. `to` is the first day the
 * holding no longer ran (valid time is half-open), empty while it runs on; names come from the person directory.
 */
export function holdersCommand(): Command {
  return new Command('holders')
    .description('list who held posts with a title on a date, with their organisation (from: first day; to: first day no longer held)')
    .addOption(dbOption())
    .requiredOption('--title <post title>', 'post title, matched whole and without regard to case (such as "Secretary of State for Health")')
    .addOption(atOption())
    .addOption(knownAtOption())
    .addOption(new Option('--format <format>', 'csv (with a header row) or json').choices(['csv', 'json']).default('csv'))
    .action(async (o: HoldersOptions) => {
      const rows = await withReaderAndNames(o.db, async (reader, names) => {
        const view = await reader.holdersByTitle(o.title, o.at, o.knownAt);
        const nameOf = await nameLookup(names, view.holders.map((h) => h.personId), view.at as CalendarDate);
        return view.holders.map((h) => ({ name: nameOf(h.personId), ...h }));
      });
      // One JSON array and nothing else, so the output pipes straight into jq or a notebook.
      if (o.format === 'json') printJson(rows);
      else process.stdout.write(stringify(rows, { header: true, columns: [...COLUMNS] }));
    });
}
