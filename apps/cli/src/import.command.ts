import { Command, Option } from 'commander';
import { importNhsOds, NHS_ODS_FILES } from '@orgchange/importers';
import { runImport } from './import-runner';
import { dbOption } from './store-option';

const dirOption = (what: string) => new Option('--dir <dir>', `directory holding the ${what} files`).makeOptionMandatory();

/** `orgchange import <source>`: loads published history into the log, idempotently (a second run appends nothing). */
export function importCommand(): Command {
  const nhsOds = new Command('nhs-ods')
    .description(`import NHS ODS extracts (${NHS_ODS_FILES.join(', ')}): organisations, practice memberships, successions, closures`)
    .addOption(dbOption())
    .addOption(dirOption('NHS ODS CSV'))
    .action((o: { db: string; dir: string }) => runImport(o, NHS_ODS_FILES, importNhsOds));
  return new Command('import').description('import real published history (prints a JSON report; progress on stderr)').addCommand(nhsOds);
}
