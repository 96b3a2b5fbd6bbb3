import type { DomainEvent } from '@orgchange/domain';
import { AnalysisModel } from '../analysis-model';
import { analysisRows, type AnalysisRow } from '../analysis-rows';
import type { Grouping } from '../grouping';
import { calendarPeriods, type PeriodLength } from '../periods';

type Data = Record<string, unknown>;

/** The stream a test event belongs to, as the command handlers choose it. */
export function streamOf(event: DomainEvent, organisationId?: string): string {
  const d = event.data as Data;
  if (organisationId) return `organisation-${organisationId}`;
  if (event.type === 'PersonRegistered') return `person-${String(d.personId)}`;
  if (typeof d.postId === 'string') return `post-${d.postId}`;
  return `organisation-${String(d.organisationId)}`;
}

/** A model folded from events given in recorded order (a `[stream organisation, event]` pair for a cross-organisation copy). */
export function givenLog(events: readonly (DomainEvent | readonly [string, DomainEvent])[]): AnalysisModel {
  const model = new AnalysisModel();
  events.forEach((entry, i) => {
    const [organisationId, event] = Array.isArray(entry) ? (entry as [string, DomainEvent]) : [undefined, entry as DomainEvent];
    model.apply({ type: event.type, streamId: streamOf(event, organisationId), seq: i + 1, data: event.data as Data });
  });
  return model;
}

export type Asked = Readonly<{ from: string; to: string; every?: PeriodLength; by?: Grouping; minGroup?: number }>;

/** `[period_start, group, metric, value]` of every row, with a suppressed value shown as 'suppressed'. */
export function rowsOf(model: AnalysisModel, metrics: readonly string[], asked: Asked): (string | number | null)[][] {
  const periods = calendarPeriods(asked.from as never, asked.to as never, asked.every ?? 'quarter');
  return [...analysisRows(model, { periods, by: asked.by ?? 'all', metrics, minGroup: asked.minGroup ?? 1 })].map((r: AnalysisRow) => [r.periodStart, r.group, r.metric, r.suppressed ? 'suppressed' : r.value]);
}
