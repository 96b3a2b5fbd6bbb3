import type { ProgrammeDetail, ProgrammeSummary } from '@orgchange/workflow';

const timerText = (t: { kind: string; dueOn: string; changeId?: string } | null): string => (t ? `${t.kind}${t.changeId ? ` ${t.changeId}` : ''} on ${t.dueOn}` : '-');

/** One tab-separated line per programme under a header. */
export function programmeListText(programmes: readonly ProgrammeSummary[]): string[] {
  return [['programme', 'status', 'changes', 'next timer', 'title'].join('\t'), ...programmes.map((p) => [p.programmeId, p.status, String(p.changes), timerText(p.nextTimer), p.title].join('\t'))];
}

/** The programme's state, its pending timers and its timeline, for a reader at a terminal. */
export function programmeDetailText(detail: ProgrammeDetail): string[] {
  const { state } = detail;
  const settled = (changeId: string) => (changeId in state.applied ? `applied ${state.applied[changeId]}` : changeId in state.failed ? `failed (${state.failed[changeId]})` : 'pending');
  return [
    `${detail.programmeId}: ${state.title}`,
    `status: ${state.status} (version ${detail.version})`,
    `organisations: ${state.organisationIds.join(', ')}`,
    ...(state.consultation ? [`consultation: ${state.consultation.opensOn} to ${state.consultation.lastDayOn}, ${state.consultation.responses} response(s)`] : []),
    ...(state.reviewDueOn ? [`review due: ${state.reviewDueOn}`] : []),
    'changes:',
    ...state.changes.map((c) => `  ${c.changeId}\t${c.command.type}\t${c.command.data.effectiveFrom}\t${settled(c.changeId)}`),
    'pending timers:',
    ...(detail.pendingTimers.length > 0 ? detail.pendingTimers.map((t) => `  ${timerText(t)}`) : ['  none']),
    'timeline:',
    ...detail.timeline.map((e) => `  ${e.recordedAt}\t${e.type}\t${e.actor}`),
  ];
}
