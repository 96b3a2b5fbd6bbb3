import type { PersonName } from './person-directory.port';

/** The name in force on `on`; failing that the latest that ended before it; failing that the earliest after it. */
export function nameOn(names: readonly PersonName[], on: string): string | undefined {
  const inForce = names.find((n) => (n.from === undefined || n.from <= on) && (n.until === undefined || on < n.until));
  if (inForce) return inForce.name;
  const before = names.filter((n) => n.until !== undefined && n.until <= on).sort((a, b) => (a.until! < b.until! ? 1 : -1));
  if (before.length > 0) return before[0].name;
  const after = names.filter((n) => n.from !== undefined && n.from > on).sort((a, b) => (a.from! < b.from! ? -1 : 1));
  return after[0]?.name;
}
