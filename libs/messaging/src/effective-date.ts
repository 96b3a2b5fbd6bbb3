import type { PublishedEventType } from './published-events';

/**
 * The data field holding each programme event's day (programme events record the day a step happened, not
 * an `effectiveFrom`). Every other event with a valid time carries `effectiveFrom`.
 */
const PROGRAMME_DAY_FIELD: Partial<Record<PublishedEventType, string>> = {
  ProgrammeDrafted: 'draftedOn',
  ProposalPublished: 'publishedOn',
  ConsultationOpened: 'opensOn',
  ConsultationClosingSoon: 'announcedOn',
  ConsultationResponseRecorded: 'receivedOn',
  ConsultationWaived: 'waivedOn',
  ConsultationClosed: 'closedOn',
  ProgrammeDecided: 'decidedOn',
  ReviewFellDue: 'dueOn',
  ProgrammeClosed: 'closedOn',
  ProgrammeWithdrawn: 'withdrawnOn',
};

/**
 * The valid-time date of an event for the `effectivefrom` CloudEvents extension: `effectiveFrom`, or a
 * programme step's day. Undefined for events with no valid time (corrections, ProgrammeTookEffect).
 */
export function effectiveDateOf(type: string, data: unknown): string | undefined {
  const fields = (data ?? {}) as Record<string, unknown>;
  const value = fields.effectiveFrom ?? fields[PROGRAMME_DAY_FIELD[type as PublishedEventType] ?? ''];
  return typeof value === 'string' ? value : undefined;
}
