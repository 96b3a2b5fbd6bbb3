import type { AnalysisModel } from './analysis-model';
import { GroupNames, type Grouping } from './grouping';
import { DistinctPeople } from './model/distinct-people';
import { holdingsByPost } from './model/holdings-by-post';
import type { MetricValue, PeriodContext } from './metrics/metric-value';
import { metricDefinition, type MetricDefinition } from './metrics/metric-catalogue';
import { postMetrics } from './metrics/post-metrics';
import { restructures } from './metrics/restructure-metric';
import { RESTRUCTURE_METRICS } from './metrics/restructure-kinds';
import { layers, openOrganisations, openUnits, span } from './metrics/structure-metrics';
import { leadershipSpells } from './metrics/leadership-spells';
import { tenure } from './metrics/tenure-metric';
import type { Period } from './periods';
import { Snapshots } from './snapshot';

/** One row of the tidy output: a metric for a group in a period; a suppressed row has no value. */
export type AnalysisRow = Readonly<{ periodStart: string; periodEnd: string; group: string; metric: string; value: number | null; suppressed: boolean }>;

export type AnalysisRequest = Readonly<{ periods: readonly Period[]; by: Grouping; metrics: readonly string[]; minGroup: number }>;

/** Counts are 0 where a group has nothing to count; shares and means stay empty, as they are undefined. */
const COUNTS = new Set(['open-organisations', 'open-units', ...Object.values(RESTRUCTURE_METRICS)]);

const DECIMALS = 1e6;

/**
 * The rows of every requested metric, period by period (so a caller can write them as they come), each
 * period's rows in the order the metrics were asked for, then by group. People metrics computed from fewer
 * than `minGroup` distinct people are suppressed.
 */
export function* analysisRows(model: AnalysisModel, request: AnalysisRequest): Generator<AnalysisRow> {
  const definitions = request.metrics.map((name) => metricDefinition(name) ?? unknownMetric(name));
  const wanted = new Set(request.metrics);
  const snapshots = new Snapshots(model);
  const names = new GroupNames(request.by, model);
  const wantsPosts = ['vacancy-rate', 'acting-share', 'clinician-share', 'leadership-churn'].some((m) => wanted.has(m));
  const holdings = wantsPosts || wanted.has('tenure') ? holdingsByPost(model.posts) : undefined;
  const distinct = new DistinctPeople(model.people.size);
  const spells = holdings && wanted.has('tenure') ? leadershipSpells(model, holdings) : undefined;
  for (const period of request.periods) {
    const ctx: PeriodContext = { model, period, names, start: names.grouped(snapshots.on(period.startDay)), end: names.grouped(snapshots.on(period.endDay)) };
    const values = new Map<string, MetricValue>();
    const note = (list: MetricValue[]) => list.forEach((v) => values.set(`${v.metric}\u0000${v.group}`, v));
    if (wanted.has('open-organisations')) note(openOrganisations(ctx));
    if (wanted.has('open-units')) note(openUnits(ctx));
    if (wanted.has('layers')) note(layers(ctx));
    if (wanted.has('span')) note(span(ctx));
    if (wanted.has('restructures')) note(restructures(ctx, model.restructures));
    if (holdings && wantsPosts) note(postMetrics(ctx, holdings, distinct));
    if (spells) note(tenure(ctx, spells));
    // Every group with an organisation open on the last day gets its rows, even when it had nothing to count.
    const open = new Set<string>();
    ctx.end.open.forEach((isOpen, o) => isOpen && open.add(names.nameOf(ctx.end.group[o])));
    const groups = [...new Set([...open, ...[...values.values()].map((v) => v.group)])].sort();
    for (const definition of definitions) {
      for (const metric of definition.rows) {
        for (const group of groups) yield row(period, group, metric, definition, values.get(`${metric}\u0000${group}`), request.minGroup);
      }
    }
  }
}

function row(period: Period, group: string, metric: string, definition: MetricDefinition, found: MetricValue | undefined, minGroup: number): AnalysisRow {
  const base = { periodStart: period.start, periodEnd: period.end, group, metric };
  if (definition.people && (found?.people ?? 0) < minGroup) return { ...base, value: null, suppressed: true };
  const value = found?.value ?? (COUNTS.has(metric) ? 0 : null);
  return { ...base, value: value === null ? null : Math.round(value * DECIMALS) / DECIMALS, suppressed: false };
}

function unknownMetric(name: string): never {
  throw new RangeError(`unknown metric "${name}"`);
}
