import { Command, Option } from 'commander';
import { CliError } from './cli-error';
import { knownAtOption, orFail, printJson, withReader } from './read-options';
import { dbOption } from './store-option';
import { careerLines, lineageLines, postTimelineLines } from './timeline.format';

type TimelineOptions = { db: string; post?: string; person?: string; unit?: string; knownAt?: string; format: 'text' | 'json' };

/** `orgchange timeline`: a post's history, a person's career, or a unit's lineage, over all valid time. */
export function timelineCommand(): Command {
  return new Command('timeline')
    .description('print the history of one post (--post), person (--person) or unit (--unit), as the record stood at an instant')
    .addOption(dbOption())
    .option('--post <id>', "a post's titles, grades and holders over time")
    .option('--person <id>', "a person's holdings and unbroken spells per role")
    .option('--unit <id>', "a unit's mergers, splits, renames, moves and transfers")
    .addOption(knownAtOption())
    .addOption(new Option('--format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .action(async (o: TimelineOptions) => {
      const chosen = (['post', 'person', 'unit'] as const).filter((k) => o[k] !== undefined);
      if (chosen.length !== 1) throw new CliError(`give exactly one of --post, --person or --unit${chosen.length > 1 ? `, not ${chosen.map((k) => `--${k}`).join(' and ')}` : ''}`);
      const shown = await withReader(o.db, async (reader) => {
        if (o.post !== undefined) return show(orFail(await reader.postTimeline(o.post, o.knownAt), '--post'), postTimelineLines);
        if (o.person !== undefined) return show(orFail(await reader.personCareer(o.person, o.knownAt), '--person'), careerLines);
        return show(orFail(await reader.unitLineage(o.unit!, o.knownAt), '--unit'), lineageLines);
      });
      if (o.format === 'json') printJson(shown.view);
      else for (const line of shown.lines) console.log(line);
    });
}

const show = <T>(view: T, format: (view: T) => string[]) => ({ view, lines: format(view) });
