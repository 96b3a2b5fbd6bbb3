import { Command } from 'commander';
import type { CalendarDate } from '@orgchange/domain';
import { runAnalyseOverLog, SYNTHETIC_SPAN } from './analyse-bench';

/**
 * `node dist/bench/src/analyse-huge.js --db <file>`: the analyst replay and every metric over an existing log
 * (such as one `orgchange synth --organisations 1000` wrote), in a process of its own so the peak RSS is the
 * analysis's. Prints one JSON object.
 */
async function main(): Promise<void> {
  const o = new Command('analyse-huge')
    .requiredOption('--db <file>', 'SQLite log to analyse')
    .option('--from <date>', 'first valid date', SYNTHETIC_SPAN.from)
    .option('--to <date>', 'last valid date', SYNTHETIC_SPAN.to)
    .parse()
    .opts<{ db: string; from: string; to: string }>();
  const result = await runAnalyseOverLog(o.db, { from: o.from as CalendarDate, to: o.to as CalendarDate });
  console.log(JSON.stringify({ db: o.db, from: o.from, to: o.to, every: 'quarter', by: 'kind', metrics: 'all', ...result }));
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
