import type { Database, Statement } from 'better-sqlite3';
import type { CalendarDate } from '@orgchange/domain';
import type { EventStore } from '@orgchange/event-store';
import type { KnownAt } from '../queries/read-point';
import type { ChangeAmendmentView, ChangeEntryView, OrganisationChangesView } from './changes.types';

type ChangeRow = { global_position: number; event_id: string; type: string; subject_id: string | null; effective_from: string | null; recorded_at: string; summary: string };
type Amendment = ChangeAmendmentView & { targetEventId: string; type: 'EventRetracted' | 'EventCorrected'; correctedData: Record<string, unknown> };

export type ChangeWindow = Readonly<{ from?: CalendarDate; to?: CalendarDate }>;

/**
 * An organisation's change log between two effective dates (both inclusive), as recorded at a position.
 * Retractions and corrections are not entries of their own (they have no effective date) but marks on the
 * entries they amend; a correction that moves a change's effective date moves it in or out of the window.
 */
export class OrganisationChangesQuery {
  private readonly changes: Statement;
  private readonly amendments: Statement;

  /** `events` reads the amending events' data (reasons, corrected fields), which the change log keeps only as text. */
  constructor(
    db: Database,
    private readonly events: Pick<EventStore, 'readEvent'>,
  ) {
    // The window is applied again after corrections; here it only narrows the read, keeping corrected entries that may move in.
    this.changes = db.prepare(`SELECT * FROM rm_changes c WHERE c.organisation_id = @organisationId AND c.global_position <= @position
      AND c.effective_from IS NOT NULL
      AND ((c.effective_from >= coalesce(@from, '') AND c.effective_from <= coalesce(@to, '9999-12-31'))
        OR c.event_id IN (SELECT a.subject_id FROM rm_changes a WHERE a.organisation_id = @organisationId AND a.type = 'EventCorrected' AND a.global_position <= @position))`);
    this.amendments = db.prepare(`SELECT * FROM rm_changes c WHERE c.organisation_id = @organisationId AND c.global_position <= @position
      AND c.type IN ('EventRetracted', 'EventCorrected') ORDER BY c.global_position`);
  }

  async changesOf(organisationId: string, window: ChangeWindow, point: KnownAt): Promise<OrganisationChangesView> {
    const params = { organisationId, position: point.position };
    const amendments = await this.readAmendments(this.amendments.all(params) as ChangeRow[]);
    const entries = (this.changes.all({ ...params, from: window.from ?? null, to: window.to ?? null }) as ChangeRow[])
      .map((row) => toEntry(row, amendments.filter((a) => a.targetEventId === row.event_id)))
      .filter((e) => (window.from === undefined || e.effectiveFrom >= window.from) && (window.to === undefined || e.effectiveFrom <= window.to))
      .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : a.position - b.position));
    return { organisationId, from: window.from ?? null, to: window.to ?? null, knownAt: point.knownAt, asOfPosition: point.position, entries };
  }

  private async readAmendments(rows: readonly ChangeRow[]): Promise<Amendment[]> {
    const amendments: Amendment[] = [];
    for (const row of rows) {
      const event = await this.events.readEvent(row.event_id);
      const data = (event?.data ?? {}) as { targetEventId?: string; reason?: string; correctedData?: Record<string, unknown> };
      amendments.push({
        eventId: row.event_id,
        position: row.global_position,
        recordedAt: row.recorded_at,
        reason: data.reason ?? null,
        targetEventId: data.targetEventId ?? row.subject_id ?? '',
        type: row.type as Amendment['type'],
        correctedData: data.correctedData ?? {},
      });
    }
    return amendments;
  }
}

function toEntry(row: ChangeRow, amendments: readonly Amendment[]): ChangeEntryView {
  const corrections = amendments.filter((a) => a.type === 'EventCorrected');
  const retraction = amendments.find((a) => a.type === 'EventRetracted');
  // Corrections lay their fields over the original in the order recorded, so the last date given wins.
  const corrected = corrections.reduce<string | null>((date, c) => (typeof c.correctedData.effectiveFrom === 'string' ? c.correctedData.effectiveFrom : date), null);
  const amendment = (a: Amendment): ChangeAmendmentView => ({ eventId: a.eventId, position: a.position, recordedAt: a.recordedAt, reason: a.reason });
  return {
    position: row.global_position,
    eventId: row.event_id,
    type: row.type,
    subjectId: row.subject_id,
    effectiveFrom: corrected ?? row.effective_from!,
    originalEffectiveFrom: corrected !== null && corrected !== row.effective_from ? row.effective_from : null,
    recordedAt: row.recorded_at,
    summary: row.summary,
    retracted: retraction ? amendment(retraction) : null,
    corrections: corrections.map((c) => ({ ...amendment(c), correctedFields: Object.keys(c.correctedData) })),
  };
}
