import { Option } from 'commander';
import { type CalendarDate, isCalendarDate } from '@orgchange/domain';
import { instantMessage, LeadershipProjector, LeadershipReader, parseInstant, type ReadResult } from '@orgchange/projections';
import { CliError } from './cli-error';
import { openExistingStore } from './store-option';

/** Parses a calendar date option, naming the option when the value is not one. */
export const calendarDate = (name: string) => (value: string): CalendarDate => {
  if (!isCalendarDate(value)) throw new CliError(`${name} must be a real calendar date in the form YYYY-MM-DD, got "${value}"`);
  return value;
};

/** Parses a timestamp option into the store's form, naming the option when the value is not one. */
export const instant = (name: string) => (value: string): string => {
  const parsed = parseInstant(value);
  if (parsed === undefined) throw new CliError(`${instantMessage(name)}, got "${value}"`);
  return parsed;
};

export const atOption = () => new Option('--at <date>', 'the valid date to look at (YYYY-MM-DD); default today').argParser(calendarDate('--at'));

export const knownAtOption = (flag = '--known-at', what = 'the record') =>
  new Option(`${flag} <time>`, `read ${what} as it stood at this ISO timestamp (events recorded later are ignored); default now`).argParser(instant(flag));

/**
 * Runs `read` against the database's leadership read model, closing the store afterwards. Every read catches
 * the projector up first, so a database written by the API while no projector ran still answers in full.
 */
export async function withReader<T>(file: string, read: (reader: LeadershipReader) => Promise<T>): Promise<T> {
  const store = openExistingStore(file);
  try {
    return await read(new LeadershipReader(store, new LeadershipProjector(store)));
  } finally {
    await store.close();
  }
}

/** The answer, or exit 1 with the reason prefixed by the option that named the missing thing. */
export function orFail<T>(result: ReadResult<T>, option: string): T {
  if (result.ok) return result.value;
  throw new CliError(`${option}: ${result.message}`, 1);
}

/** Prints a value as indented JSON. */
export const printJson = (value: unknown): void => console.log(JSON.stringify(value, null, 2));
