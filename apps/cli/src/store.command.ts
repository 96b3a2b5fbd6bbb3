import { Presets, SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { copyLog, type EventStore, openImportTarget, openStoreUrl, StoreCopyError } from '@orgchange/event-store';
import { CliError, wholeNumber } from './cli-error';

type CopyOptions = { from: string; to: string; batch: number };

/** `orgchange store copy`: moves a whole log between stores, resumable, verified at the end. */
export function storeCommand(): Command {
  const store = new Command('store').description('operate on the event store itself');
  store
    .command('copy')
    .description(
      'copy every event (ids, positions, stream versions, recorded times) from one store to another; run it again to resume an interrupted copy. ' +
        'Stores: sqlite:<file>, postgres://user@host:5432/db[?schema=orgchange], kurrentdb://host:2113?tls=false (source only)',
    )
    .requiredOption('--from <url>', 'the store to read')
    .requiredOption('--to <url>', 'the store to write (empty, or holding an interrupted copy of --from)')
    .option('--batch <n>', 'events per transaction', wholeNumber('--batch', 1), 1000)
    .action(async (options: CopyOptions) => {
      const source = await opening('--from', () => openStoreUrl(options.from, { mustExist: true }));
      try {
        const target = await opening('--to', () => openImportTarget(options.to));
        try {
          await copyWithProgress(source, target, options.batch);
        } finally {
          await target.close();
        }
      } finally {
        await source.close();
      }
    });
  return store;
}

async function copyWithProgress(source: EventStore, target: Awaited<ReturnType<typeof openImportTarget>>, batchSize: number): Promise<void> {
  const bar = new SingleBar({ format: 'copying [{bar}] {value}/{total} events | {eta_formatted} left', stream: process.stderr }, Presets.shades_classic);
  let started = false;
  try {
    const report = await copyLog(source, target, {
      batchSize,
      onProgress: ({ copied, total }) => {
        if (!started) bar.start(total, copied);
        started = true;
        bar.update(copied);
      },
    });
    bar.stop();
    console.log(JSON.stringify({ ...report, resumedAfter: report.resumedAfter.toString(), verified: true }));
  } catch (error) {
    bar.stop();
    if (error instanceof StoreCopyError) throw new CliError(error.message, 1);
    throw error;
  }
}

/** A bad URL is a bad argument (exit 2, naming the option); a store that cannot be reached is a failure (exit 1). */
async function opening<T>(option: string, open: () => Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (error) {
    if (error instanceof RangeError) throw new CliError(`${option} ${error.message}`, 2);
    throw new CliError(`${option}: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
}
