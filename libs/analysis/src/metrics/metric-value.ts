import type { AnalysisModel } from '../analysis-model';
import type { GroupedSnapshot, GroupNames } from '../grouping';
import type { Period } from '../periods';

/**
 * One metric for one group in one period. `value` is null when it is undefined (a share of nothing);
 * `people` is how many distinct people it was computed from, for the suppression rule.
 */
export type MetricValue = Readonly<{ group: string; metric: string; value: number | null; people?: number }>;

/** What a metric sees of one period: the model, and snapshots (with every organisation's group) on its first and last day. */
export type PeriodContext = Readonly<{ model: AnalysisModel; period: Period; names: GroupNames; start: GroupedSnapshot; end: GroupedSnapshot }>;

export const ratio = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : numerator / denominator);
