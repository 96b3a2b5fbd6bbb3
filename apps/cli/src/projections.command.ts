import { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { LeadershipProjector, RebuildInProgressError } from '@orgchange/projections';
import { CliError } from './cli-error';
import { dbOption, openExistingStore } from './store-option';

/**
 * `orgchange projections rebuild`: builds the leadership read model again from the whole log, stream by stream
 * beside the live one, which keeps answering queries until the new one replaces it in one transaction.
 */
export function projectionsCommand(): Command {
  const rebuild = new Command('rebuild')
    .description('rebuild the leadership read model from the whole event log; the old one serves reads until the new one is swapped in (progress on stderr)')
    .addOption(dbOption())
    .action(async (o: { db: string }) => {
      const store = openExistingStore(o.db);
      const bar = new SingleBar({ stream: process.stderr, format: 'rebuild |{bar}| {value}/{total} events | {eventsPerSec} events/s', hideCursor: true }, Presets.shades_classic);
      try {
        const projector = new LeadershipProjector(store);
        bar.start(await store.count(), 0, { eventsPerSec: 0 });
        const done = await projector.rebuild((p) => bar.update(p.applied, { eventsPerSec: p.eventsPerSec }));
        bar.stop();
        const phases = Object.entries(done.phases ?? {}).map(([name, p]) => `${name} ${(p.ms / 1000).toFixed(1)} s`);
        if (phases.length > 0) process.stderr.write(`rebuild phases: ${phases.join(', ')}\n`);
        console.log(`rebuilt the leadership read model: ${done.applied} events, ${done.eventsPerSec} events/s`);
      } catch (error) {
        if (error instanceof RebuildInProgressError) throw new CliError(error.message, 1);
        throw error;
      } finally {
        bar.stop();
        await store.close();
      }
    });
  return new Command('projections').description('manage the read models').addCommand(rebuild);
}
