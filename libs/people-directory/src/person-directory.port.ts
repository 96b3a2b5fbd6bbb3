import type { CalendarDate } from '@orgchange/domain';

/** DI token for the configured {@link PersonDirectory}. */
export const PERSON_DIRECTORY = Symbol('PERSON_DIRECTORY');

/**
 * One name a person went by, over a half-open span of valid time (`from` inclusive, `until` exclusive; either
 * may be open). People change names (Peter Mandelson became Lord Mandelson on 2008-10-03).
 */
export type PersonName = Readonly<{ name: string; from?: CalendarDate; until?: CalendarDate }>;

/**
 * People's names, kept apart from the event log: events carry opaque person ids only, so a name can be erased
 * here without rewriting history. Each person's names are encrypted under a key of their own; erasure destroys it. Erasure is final: once a person is erased, recording names for them again
 * (a re-import) does nothing.
 */
export interface PersonDirectory {
  /** Replaces every name recorded for `personId` from `source` (so a re-import is idempotent); false when the person was erased. */
  recordNames(personId: string, source: string, names: readonly PersonName[]): Promise<boolean>;
  /**
   * The name each person went by on `on`: the name in force that day, else the nearest name before it, else the
   * first after it. People with no name (never recorded, or erased) are absent from the map.
   */
  namesOn(personIds: readonly string[], on: CalendarDate): Promise<ReadonlyMap<string, string>>;
  /** Which of these people were erased, so reads can show them as erased rather than as unnamed. */
  erasedAmong(personIds: readonly string[]): Promise<ReadonlySet<string>>;
  /**
   * Destroys the person's key and sealed records and remembers the erasure; returns how many names were
   * destroyed. The event log is not touched: it holds only the opaque id.
   */
  erase(personId: string, erasedAt: Date): Promise<number>;
}
