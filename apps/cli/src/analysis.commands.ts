import type { Command } from 'commander';
import { analyseCommand } from './analyse.command';
import { chartCommand } from './chart.command';

/** The analyst verbs: `analyse` (metrics as CSV) and `chart` (one metric drawn). */
export const analysisCommands = (): Command[] => [analyseCommand(), chartCommand()];
