import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { analysisCommands } from './analysis.commands';
import { CliError } from './cli-error';
import { diffCommand } from './diff.command';
import { holdersCommand } from './holders.command';
import { importCommand } from './import.command';
import { kafkaCommand } from './kafka.command';
import { lineageCommand } from './lineage.command';
import { logCommand } from './log.command';
import { notificationsCommand } from './notifications.command';
import { peopleCommand } from './people.command';
import { programmesCommand } from './programmes.command';
import { projectionsCommand } from './projections.command';
import { storeCommand } from './store.command';
import { prepareStore } from './store-option';
import { structureCommand } from './structure.command';
import { synthCommand } from './synth.command';
import { timelineCommand } from './timeline.command';
import { tokenCommand } from './token.command';
import { unitsCommand } from './units.command';

/** The `orgchange` command. Each verb lives in its own file and honours --db / ORGCHANGE_DB. */
export function buildProgram(): Command {
  const program = new Command('orgchange')
    .description('orgchange: the record of organisational change, from the command line')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError()
    .hook('preAction', (_program, verb) => prepareStore(verb));
  for (const verb of [logCommand(), structureCommand(), diffCommand(), timelineCommand(), unitsCommand(), projectionsCommand(), synthCommand(), importCommand(), lineageCommand(), holdersCommand(), programmesCommand(), notificationsCommand(), tokenCommand(), peopleCommand(), storeCommand(), kafkaCommand()]) program.addCommand(inheriting(verb, program));
  for (const verb of analysisCommands()) program.addCommand(inheriting(verb, program));
  return program;
}

/**
 * addCommand (unlike .command) does not pass exitOverride on: without it `log --help` or a bad option calls
 * process.exit. Copied down to sub-verbs too (`projections rebuild`).
 */
function inheriting(command: Command, parent: Command): Command {
  command.copyInheritedSettings(parent);
  for (const sub of command.commands) inheriting(sub, command);
  return command;
}

export async function run(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliError) {
      console.error(`orgchange: ${error.message}`);
      return error.exitCode;
    }
    console.error(`orgchange: unexpected error: ${error instanceof Error ? error.stack : String(error)}`);
    return 1;
  }
}

if (require.main === module || process.argv[1]?.endsWith('orgchange.js')) {
  void run(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
