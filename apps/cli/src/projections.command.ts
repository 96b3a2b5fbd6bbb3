import { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { LeadershipProjector } from '@orgchange/projections';
import { dbOption, openExistingStore } from './store-option';

/** `orgchange projections rebuild`: empties the leadership read model and projects the whole log again. */
export function projectionsCommand(): Command {
  const rebuild = new Command('rebuild')
    .description('rebuild the leadership read model from the whole event log (progress on stderr)')
    .addOption(dbOption())
    .action(async (o: { db: string }) => {
      const store = openExistingStore(o.db);
      const bar = new SingleBar({ stream: process.stderr, format: 'rebuild |{bar}| {value}/{total} events | {eventsPerSec} events/s', hideCursor: true }, Presets.shades_classic);
      try {
        const projector = new LeadershipProjector(store);
        bar.start(await store.count(), 0, { eventsPerSec: 0 });
        const done = await projector.rebuild((p) => bar.update(p.applied, { eventsPerSec: p.eventsPerSec }));
        bar.stop();
        console.log(`rebuilt the leadership read model: ${done.applied} events, ${done.eventsPerSec} events/s`);
      } finally {
        bar.stop();
        await store.close();
      }
    });
  return new Command('projections').description('manage the read models').addCommand(rebuild);
}
