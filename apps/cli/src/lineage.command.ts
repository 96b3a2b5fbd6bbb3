import { Command, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { knownAtOption, orFail, printJson, withReader } from './read-options';
import { dbOption } from './store-option';

type LineageOptions = { db: string; code: string; knownAt?: string; format: 'csv' | 'json' };

const COLUMNS = ['relation', 'generation', 'code', 'name', 'kind', 'openedOn', 'closedOn', 'change', 'effectiveFrom', 'linkedTo', 'reason', 'organisationId'] as const;

/**
 * `orgchange lineage`: an organisation's predecessors and successors through mergers, splits and re-codings,
 * followed link by link (generation 1 = direct). `closedOn` is the last day open, as in the `units` listing.
 */
export function lineageCommand(): Command {
  return new Command('lineage')
    .description("list an organisation's predecessors and successors through mergers and splits (all generations)")
    .addOption(dbOption())
    .addOption(new Option('--code <code>', 'organisation code (such as an ODS code) or id').makeOptionMandatory())
    .addOption(knownAtOption())
    .addOption(new Option('--format <format>', 'csv (with a header row) or json (one array)').choices(['csv', 'json']).default('csv'))
    .action(async (o: LineageOptions) => {
      const view = orFail(await withReader(o.db, (reader) => reader.organisationLineage(o.code, o.knownAt)), '--code');
      if (o.format === 'json') printJson(view.lineage);
      else process.stdout.write(stringify(view.lineage, { header: true, columns: [...COLUMNS] }));
    });
}
