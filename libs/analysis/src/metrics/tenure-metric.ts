import { groupInUnit, GroupTally } from '../grouping';
import type { Spells } from './leadership-spells';
import type { MetricValue, PeriodContext } from './metric-value';

/**
 * Tenure in days of the leadership spells that ended in the period or were current on its last day: from the
 * spell's first day to its last day in the period, inclusive. Mean and median per group, grouped by the
 * organisation of the spell's latest post on the period's last day.
 */
export function tenure(ctx: PeriodContext, spells: Spells): MetricValue[] {
  const { startDay: s, endDay: e } = ctx.period;
  const { posts } = ctx.model;
  const tally = new GroupTally(() => ({ days: [] as number[], people: 0, lastPerson: -1 }));
  for (let i = 0; i < spells.person.length; i++) {
    const from = spells.from.get(i);
    const until = spells.until.get(i);
    if (from > e || until <= s) continue;
    const post = spells.lastPost.get(i);
    const t = tally.of(groupInUnit(ctx.end, posts.unit.get(post), posts.organisation.get(post)));
    t.days.push(Math.min(until, e + 1) - from);
    // One person's spells are adjacent, so a person already counted in this group was the last one counted.
    const person = spells.person.get(i);
    if (t.lastPerson !== person) t.people += 1;
    t.lastPerson = person;
  }
  return tally.named(ctx.names).flatMap(([group, t]) => [
    { group, metric: 'tenure-mean-days', value: mean(t.days), people: t.people },
    { group, metric: 'tenure-median-days', value: median(t.days), people: t.people },
  ]);
}

export const mean = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
