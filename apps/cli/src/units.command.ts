import { Command, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { type CalendarDate, ORGANISATION_KINDS } from '@orgchange/domain';
import { atOption, knownAtOption, printJson, withReader } from './read-options';
import { dbOption } from './store-option';

type UnitsOptions = { db: string; type: string; at?: CalendarDate; knownAt?: string; format: 'csv' | 'json' };

const COLUMNS = ['organisationId', 'code', 'name', 'kind', 'openedOn', 'closedOn'] as const;

/**
 * `orgchange units`: the organisations of one kind open on a date, as a directory lists them. `closedOn` is
 * the last day open (NHS ODS close dates are inclusive), one day before the record's first closed day.
 */
export function unitsCommand(): Command {
  return new Command('units')
    .description('list the organisations of a kind open on a date, with code, name, open date and close date (last day open)')
    .addOption(dbOption())
    .addOption(new Option('--type <kind>', 'organisation kind').choices(ORGANISATION_KINDS).makeOptionMandatory())
    .addOption(atOption())
    .addOption(knownAtOption())
    .addOption(new Option('--format <format>', 'csv (with a header row) or json').choices(['csv', 'json']).default('csv'))
    .action(async (o: UnitsOptions) => {
      const { organisations } = await withReader(o.db, (reader) => reader.organisationsOpenOn(o.type, o.at, o.knownAt));
      // One JSON array and nothing else, so the output pipes straight into jq or a notebook.
      if (o.format === 'json') printJson(organisations);
      else process.stdout.write(stringify(organisations, { header: true, columns: [...COLUMNS] }));
    });
}
