import type { ChangeEntry } from '../api-types';
import { instantBefore } from '../calendar';

export type KnownAtOption = { value: string; label: string };

/**
 * The instants worth looking from: now, and just before and at each correction or retraction, so a backdated
 * change can be seen appearing and disappearing. Values are ISO instants; '' means now.
 */
export function knownAtOptions(entries: readonly ChangeEntry[]): KnownAtOption[] {
  const options: KnownAtOption[] = [{ value: '', label: 'now (the latest record)' }];
  const amendments = entries.flatMap((e) => [
    ...e.corrections.map((c) => ({ at: c.recordedAt, what: `correction of ${describe(e)}${c.reason ? ` (${c.reason})` : ''}` })),
    ...(e.retracted ? [{ at: e.retracted.recordedAt, what: `retraction of ${describe(e)}${e.retracted.reason ? ` (${e.retracted.reason})` : ''}` }] : []),
  ]);
  for (const a of amendments.sort((x, y) => x.at.localeCompare(y.at))) {
    options.push({ value: instantBefore(a.at), label: `just before the ${a.what} was recorded` });
    options.push({ value: a.at, label: `once the ${a.what} was recorded (${a.at})` });
  }
  return options;
}

const describe = (e: ChangeEntry): string => `${e.type}${e.subjectId ? ` of ${e.subjectId}` : ''} on ${e.originalEffectiveFrom ?? e.effectiveFrom}`;
