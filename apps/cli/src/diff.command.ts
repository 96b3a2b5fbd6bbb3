import { Command, Option } from 'commander';
import type { CalendarDate } from '@orgchange/domain';
import { diffLines } from './diff.format';
import { calendarDate, knownAtOption, orFail, printJson, withReader } from './read-options';
import { dbOption } from './store-option';

type DiffOptions = {
  db: string; org: string; from: CalendarDate; to: CalendarDate; format: 'text' | 'json';
  knownAt?: string; fromKnownAt?: string; toKnownAt?: string;
};

/** `orgchange diff`: what changed in an organisation's structure between two dates, or two recorded instants. */
export function diffCommand(): Command {
  return new Command('diff')
    .description('compare an organisation’s structure at two dates (or one date as known at two instants)')
    .addOption(dbOption())
    .requiredOption('--org <id or code>', 'organisation id or external code')
    .requiredOption('--from <date>', 'the earlier valid date (YYYY-MM-DD)', calendarDate('--from'))
    .requiredOption('--to <date>', 'the later valid date (YYYY-MM-DD)', calendarDate('--to'))
    .addOption(knownAtOption('--known-at', 'both sides'))
    .addOption(knownAtOption('--from-known-at', 'the earlier side (overrides --known-at)'))
    .addOption(knownAtOption('--to-known-at', 'the later side (overrides --known-at)'))
    .addOption(new Option('--format <format>', 'text (one line per change) or json').choices(['text', 'json']).default('text'))
    .action(async (o: DiffOptions) => {
      const from = { at: o.from, knownAt: o.fromKnownAt ?? o.knownAt };
      const to = { at: o.to, knownAt: o.toKnownAt ?? o.knownAt };
      const view = orFail(await withReader(o.db, (reader) => reader.diff(o.org, from, to)), '--org');
      if (o.format === 'json') printJson(view);
      else for (const line of diffLines(view)) console.log(line);
    });
}
