import type { EventStore } from '@orgchange/event-store';
import { IfgFormatError, type ImportProgress, type ImportReport, importIfgMinisters } from '@orgchange/importers';
import { CliError } from './cli-error';
import { personDirectoryOf } from './person-names';

/** The IfG importer with the store's person directory; a file that is not an IfG table is a user error (exit 1), not a crash. */
export async function importIfgMinistersIntoStore(store: EventStore, dir: string, progress: ImportProgress): Promise<ImportReport> {
  try {
    return await importIfgMinisters(store, personDirectoryOf(store), dir, progress);
  } catch (error) {
    if (error instanceof IfgFormatError) throw new CliError(error.message, 1);
    throw error;
  }
}
