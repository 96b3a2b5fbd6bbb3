import { isDomainError, type PlannedChange, type ProgrammeCommand, programmeDecider, type ProgrammeEvent, type CalendarDate } from '@orgchange/domain';
import type { NewEvent } from '@orgchange/event-store';
import { v5 as uuidv5 } from 'uuid';
import type { NotifiedRecipient } from '../notification.types';
import type { RecipientFinder } from '../recipient-finder.port';

const day = (iso: string) => iso as CalendarDate;
const FIXTURE_NAMESPACE = '0b8e7c52-9d43-4c1e-8f6a-3f2b1d7e5a90';

/** `count` planned changes, each abolishing one post on 2026-09-01 (the finder below says who that affects). */
export const plannedChanges = (count: number): PlannedChange[] =>
  Array.from({ length: count }, (_, i) => ({ changeId: `change-${i}`, command: { type: 'AbolishPost', data: { postId: `abolished-${i}`, effectiveFrom: day('2026-09-01') } } }));

/**
 * A programme's events as its decider decides them: drafted, published, a 45-day consultation with its reminder,
 * closed, approved, then either every change applied (taking effect) or, with `withdraw`, withdrawn once scheduled.
 */
export function programmeHistory(programmeId: string, changes: readonly PlannedChange[], options: { withdraw?: 'after-scheduling' | 'while-drafted' } = {}): ProgrammeEvent[] {
  const commands: ProgrammeCommand[] = [{ type: 'DraftProgramme', data: { programmeId, today: day('2026-05-01'), title: `Programme ${programmeId}`, organisationIds: ['trust'], changes: [...changes] } }];
  if (options.withdraw !== 'while-drafted') {
    commands.push(
      { type: 'PublishProposal', data: { programmeId, today: day('2026-05-02') } },
      { type: 'OpenConsultation', data: { programmeId, today: day('2026-05-04'), days: 45 } },
      { type: 'AnnounceConsultationClosing', data: { programmeId, today: day('2026-06-10') } },
      { type: 'CloseConsultation', data: { programmeId, today: day('2026-06-18') } },
      { type: 'DecideProgramme', data: { programmeId, today: day('2026-06-20'), decision: 'approved' } },
    );
  }
  if (options.withdraw) commands.push({ type: 'WithdrawProgramme', data: { programmeId, today: day('2026-07-01'), reason: 'funding withdrawn' } });
  else for (const c of changes) commands.push({ type: 'RecordChangeApplied', data: { programmeId, changeId: c.changeId, today: day('2026-09-01'), streamIds: ['organisation-trust'] } });

  const events: ProgrammeEvent[] = [];
  for (const command of commands) {
    const decided = programmeDecider.decide(command, events.reduce(programmeDecider.evolve, programmeDecider.initialState()));
    if (isDomainError(decided)) throw new Error(`fixture programme refused ${command.type}: ${decided.code}`);
    events.push(...decided);
  }
  return events;
}

/** Events ready to append, with ids derived from the stream and place so that two copies of a fixture match. */
export const asNewEvents = (streamId: string, events: readonly { type: string; version: number; data: unknown }[], from = 0): NewEvent[] =>
  events.map((e, i) => ({ ...e, eventId: uuidv5(`${streamId}|${from + i}`, FIXTURE_NAMESPACE), metadata: { actor: 'fixture', correlationId: streamId } }) as NewEvent);

/**
 * A hand-written stand-in for impact analysis: change i affects `postsPerChange` posts of its own, its unit, and
 * the trust's board unit that every change affects (so recipients are merged across changes, as the real one does).
 */
export class TableRecipientFinder implements RecipientFinder {
  constructor(private readonly postsPerChange: number) {}

  async recipientsOf(changes: readonly PlannedChange[]): Promise<readonly NotifiedRecipient[]> {
    const found = new Map<string, NotifiedRecipient>();
    const add = (recipientKind: NotifiedRecipient['recipientKind'], recipientId: string, changeId: string, personIds: string[]): void => {
      const key = `${recipientKind} ${recipientId}`;
      const before = found.get(key);
      found.set(key, {
        recipientKind,
        recipientId,
        organisationId: 'trust',
        personIds: [...new Set([...(before?.personIds ?? []), ...personIds])],
        reasons: ['unit-member'],
        changeIds: [...(before?.changeIds ?? []), changeId],
      });
    };
    for (const { changeId } of changes) {
      for (let k = 0; k < this.postsPerChange; k += 1) add('post', `${changeId}-post-${k}`, changeId, [`${changeId}-person-${k}`]);
      add('unit', `${changeId}-unit`, changeId, []);
      add('unit', 'board', changeId, []);
    }
    return [...found.values()];
  }
}
