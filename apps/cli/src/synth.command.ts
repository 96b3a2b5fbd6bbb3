import { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { eventUpcasters } from '@orgchange/domain';
import { chainUpcasters, SqliteEventStore } from '@orgchange/event-store';
import { generateSyntheticHistory, SimulatedClock, SyntheticSeedInUseError } from '@orgchange/synth';
import { CliError, wholeNumber } from './cli-error';
import { dbOption } from './store-option';

type SynthOptions = { db: string; organisations: number; posts: number; years: number; seed: number; append?: boolean };

/**
 * `orgchange synth`: fills a database with a seeded synthetic history of NHS trusts, every event decided by the
 * domain's rules. Progress goes to stderr; stdout gets one JSON line with the counts.
 */
export function synthCommand(): Command {
  return new Command('synth')
    .description('generate a synthetic, rule-abiding history of NHS trusts from 2015 (same seed, same events); prints one JSON line of counts')
    .addOption(dbOption())
    .option('--organisations <n>', 'trusts to generate', wholeNumber('--organisations', 1), 1)
    .option('--posts <n>', 'posts per trust on day one (about 150 units per 1,000 posts)', wholeNumber('--posts', 50), 1000)
    .option('--years <n>', 'years of history from 2015-01-01', wholeNumber('--years', 1), 10)
    .option('--seed <n>', 'seed of every choice and id', wholeNumber('--seed', 0), 1)
    .option('--append', 'add to a database that already has events (with a seed not used in it before)')
    .action(async (options: SynthOptions) => {
      // Recorded time follows the simulated days, so "as known at" questions have a history to look back on.
      const clock = new SimulatedClock();
      const store = new SqliteEventStore({ file: options.db, upcast: chainUpcasters(eventUpcasters), now: clock.now });
      const bar = new SingleBar({ stream: process.stderr, format: 'synth |{bar}| {percentage}% | {date} | {events} events', hideCursor: true }, Presets.shades_classic);
      try {
        const existing = await store.count();
        if (existing > 0 && !options.append) throw new CliError(`${options.db} already has ${existing} events: pass --append to add to it, or choose a new file`, 1);
        const started = performance.now();
        bar.start(1000, 0, { date: '', events: 0 });
        const counts = await generateSyntheticHistory(store, {
          organisations: options.organisations,
          postsPerOrganisation: options.posts,
          years: options.years,
          seed: options.seed,
          clock,
          onProgress: (p) => bar.update(Math.floor(p.fraction * 1000), { date: p.simulatedDate, events: p.events }),
        });
        bar.update(1000);
        bar.stop();
        const seconds = Math.round((performance.now() - started) / 100) / 10;
        console.log(JSON.stringify({ db: options.db, seed: options.seed, years: options.years, ...counts, seconds, eventsPerSec: Math.round(counts.events / seconds) }));
      } catch (error) {
        if (error instanceof SyntheticSeedInUseError) throw new CliError(`${error.message} (--seed)`, 1);
        throw error;
      } finally {
        bar.stop();
        await store.close();
      }
    });
}
