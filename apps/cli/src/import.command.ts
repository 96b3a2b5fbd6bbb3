import { Command, Option } from 'commander';
import { IFG_MINISTERS_FILES, importNhsOds, NHS_ODS_FILES } from '@orgchange/importers';
import { importIfgMinistersIntoStore } from './ifg-ministers-import';
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
  const ifgMinisters = new Command('ifg-ministers')
    .description(`import the IfG Ministers Database (${IFG_MINISTERS_FILES.join(', ')}): departments, restructures, posts, people (names kept out of the log) and appointments`)
    .addOption(dbOption())
    .addOption(dirOption('IfG Ministers Database CSV'))
    .action((o: { db: string; dir: string }) => runImport(o, IFG_MINISTERS_FILES, importIfgMinistersIntoStore));
  return new Command('import').description('import real published history (prints a JSON report; progress on stderr)').addCommand(nhsOds).addCommand(ifgMinisters);
}
