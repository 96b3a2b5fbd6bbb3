import type { RestructureFact } from '../analysis-model';
import { GroupTally } from '../grouping';
import type { MetricValue, PeriodContext } from './metric-value';
import { RESTRUCTURE_METRICS } from './restructure-kinds';

/**
 * Restructuring facts whose effective date falls in the period (first and last day included), one metric per
 * kind. A fact that involves several organisations counts once in each group it touches: a merger of two
 * trusts into a third counts for each of the three organisations, and once for their kind.
 */
export function restructures(ctx: PeriodContext, facts: readonly RestructureFact[]): MetricValue[] {
  const { startDay: s, endDay: e } = ctx.period;
  const tally = new GroupTally(() => new Map<string, number>());
  for (const fact of facts) {
    if (fact.day < s || fact.day > e) continue;
    for (const group of new Set(fact.organisations.map((o) => ctx.end.group[o]))) {
      const counts = tally.of(group);
      counts.set(fact.metric, (counts.get(fact.metric) ?? 0) + 1);
    }
  }
  return tally.named(ctx.names).flatMap(([group, counts]) => Object.values(RESTRUCTURE_METRICS).map((metric) => ({ group, metric, value: counts.get(metric) ?? 0 })));
}
