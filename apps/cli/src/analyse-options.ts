import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Option } from 'commander';
import type { CalendarDate } from '@orgchange/domain';
import { GROUPINGS, type Grouping, METRIC_CATALOGUE, METRIC_NAMES, PERIOD_LENGTHS, type PeriodLength } from '@orgchange/analysis';
import { CliError, wholeNumber } from './cli-error';

/** Options the analyse and chart verbs share. */
export type PeriodOptions = Readonly<{ db: string; from: CalendarDate; to: CalendarDate; every: PeriodLength; by: Grouping; knownAt?: string; minGroup: number }>;

export const everyOption = (fallback?: PeriodLength) => {
  const option = new Option('--every <period>', 'period length').choices(PERIOD_LENGTHS);
  return fallback ? option.default(fallback) : option.makeOptionMandatory();
};
export const byOption = () => new Option('--by <grouping>', 'one row per organisation, per organisation kind, or one group "all"').choices(GROUPINGS).default('all');
export const minGroupOption = () =>
  new Option('--min-group <n>', 'suppress people metrics computed from fewer people than this').argParser(wholeNumber('--min-group', 1)).default(5);

/** `from` must not be after `to`; both are already real dates. */
export function checkRange(o: { from: CalendarDate; to: CalendarDate }): void {
  if (o.to < o.from) throw new CliError(`--from (${o.from}) must not be after --to (${o.to})`);
}

/** A comma list of metric names from the catalogue, or `all`. */
export const metricList = (value: string): string[] => {
  const names = value.split(',').map((n) => n.trim()).filter(Boolean);
  if (names.length === 1 && names[0] === 'all') return [...METRIC_NAMES];
  const unknown = names.filter((n) => !METRIC_NAMES.includes(n));
  if (names.length === 0 || unknown.length > 0) throw new CliError(`--metrics: unknown metric ${unknown.map((n) => `"${n}"`).join(', ') || '(none given)'}; choose from ${METRIC_NAMES.join(', ')} or all`);
  return [...new Set(names)];
};

/** The catalogue metric a chart asks for, by its name or by one of its row names, and the rows to draw. */
export function chartMetric(name: string): { metric: string; rows: readonly string[] } {
  const definition = METRIC_CATALOGUE.find((m) => m.name === name) ?? METRIC_CATALOGUE.find((m) => m.rows.includes(name));
  if (!definition) throw new CliError(`<metric>: unknown metric "${name}"; choose from ${METRIC_CATALOGUE.flatMap((m) => (m.rows.length > 1 ? [m.name, ...m.rows] : [m.name])).join(', ')}`);
  return { metric: definition.name, rows: definition.name === name ? definition.rows : [name] };
}

/** Creates the directory when needed and checks it can be written to, naming the option when not. */
export function writableDirectory(option: string, dir: string): string {
  try {
    makeDirectories(dir);
    accessSync(dir, constants.W_OK);
    return dir;
  } catch (error) {
    throw new CliError(`${option}: cannot write to ${dir} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

export const writableFileDirectory = (option: string, file: string): string => writableDirectory(option, dirname(file));

/** One level at a time: Node 20's recursive mkdir spins for ever under /proc instead of failing. */
function makeDirectories(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) missing.unshift(d);
  for (const d of missing) mkdirSync(d);
}
