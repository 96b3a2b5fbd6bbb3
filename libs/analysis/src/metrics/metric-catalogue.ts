import { RESTRUCTURE_METRICS } from './restructure-kinds';

/** A metric the analyst can ask for by name; `people` metrics fall under the small-group suppression rule. */
export type MetricDefinition = Readonly<{ name: string; people: boolean; rows: readonly string[]; definition: string }>;

const metric = (name: string, people: boolean, definition: string, rows: readonly string[] = [name]): MetricDefinition => ({ name, people, rows, definition });

export const METRIC_CATALOGUE: readonly MetricDefinition[] = [
  metric('open-organisations', false, 'organisations open on the last day of the period'),
  metric('open-units', false, 'units open on the last day of the period, in the organisation hosting them then'),
  metric('restructures', false, 'restructuring events effective in the period (first and last day included), one row per kind: organisation merge, split, rename, reclassify; unit merge, split, rename, move; service transfer, boundary redraw, membership change, employment transfer. A fact spanning organisations counts once in each group it touches', Object.values(RESTRUCTURE_METRICS)),
  metric('leadership-churn', true, 'holdings of leadership posts whose last day falls in the period ÷ leadership posts held on its first day'),
  metric('tenure', true, 'mean and median days of unbroken spells in one leadership role (the career query rule: across posts, merges and renames) that ended in the period or were current on its last day, counted to the last day in the period', ['tenure-mean-days', 'tenure-median-days']),
  metric('acting-share', true, 'leadership posts held on the last day by an acting, covering or interim holder ÷ leadership posts held then'),
  metric('clinician-share', true, 'leadership posts held on the last day by a doctor, nurse or allied health professional ÷ leadership posts held then'),
  metric('vacancy-rate', false, 'posts (any family) open on the last day with no holder of any kind ÷ posts open then'),
  metric('layers', false, 'depth of the unit tree on the last day (a top-level unit is layer 1), averaged over the open organisations of the group'),
  metric('span', false, 'units directly under a unit that has any, on the last day: child units ÷ parent units, pooled over the group'),
];

export const METRIC_NAMES: readonly string[] = METRIC_CATALOGUE.map((m) => m.name);

export const metricDefinition = (name: string): MetricDefinition | undefined => METRIC_CATALOGUE.find((m) => m.name === name);
