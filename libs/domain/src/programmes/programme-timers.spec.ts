import { day } from '@orgchange/testing';
import { fold } from '../shared/decider';
import type { PlannedChange } from './planned-change';
import { programmeDecider } from './programme.decider';
import type { ProgrammeEvent } from './programme.events';
import { dueTimers, pendingTimers, timerCommand } from './programme-timers';

const programmeId = 'p';
const change = (changeId: string, on: string): PlannedChange => ({ changeId, command: { type: 'AbolishPost', data: { postId: changeId, effectiveFrom: day(on) } } });
const changes = [change('late', '2026-10-01'), change('early', '2026-09-01')];
const drafted: ProgrammeEvent = { type: 'ProgrammeDrafted', version: 1, data: { programmeId, title: 'T', organisationIds: ['o'], changes, reviewAfterMonths: 3, draftedOn: day('2026-05-01') } };
const published: ProgrammeEvent = { type: 'ProposalPublished', version: 1, data: { programmeId, publishedOn: day('2026-05-02') } };
const opened: ProgrammeEvent = { type: 'ConsultationOpened', version: 1, data: { programmeId, opensOn: day('2026-05-04'), days: 30, lastDayOn: day('2026-06-02') } };
const closed: ProgrammeEvent = { type: 'ConsultationClosed', version: 1, data: { programmeId, closedOn: day('2026-06-03'), responses: 0 } };
const approved: ProgrammeEvent = { type: 'ProgrammeDecided', version: 1, data: { programmeId, decision: 'approved', changes, decidedOn: day('2026-06-05') } };
const state = (...events: ProgrammeEvent[]) => fold(programmeDecider, events);

describe('programme timers', () => {
  it('waits for nothing while drafted or published', () => expect(pendingTimers(state(drafted, published))).toEqual([]));

  it('waits, during consultation, for the closing-soon reminder a week before the last day and for the close the day after it', () =>
    expect(pendingTimers(state(drafted, published, opened))).toEqual([
      { kind: 'consultation-closing-soon', dueOn: '2026-05-26' },
      { kind: 'consultation-end', dueOn: '2026-06-03' },
    ]));

  it('sends the reminder on the opening day when the consultation is shorter than a week', () =>
    expect(pendingTimers(state(drafted, published, { ...opened, data: { ...opened.data, days: 5, lastDayOn: day('2026-05-08') } } as ProgrammeEvent))[0]).toEqual({ kind: 'consultation-closing-soon', dueOn: '2026-05-04' }));

  it('waits, once scheduled, for each change on its effective date; only those due by today fire, earliest first', () => {
    const scheduled = state(drafted, published, opened, closed, approved);
    expect(dueTimers(scheduled, day('2026-08-31'))).toEqual([]);
    expect(dueTimers(scheduled, day('2026-10-01')).map((t) => t.changeId)).toEqual(['early', 'late']);
  });

  it('forgets a change once it is applied, and waits for the review once all are', () => {
    const applied = (changeId: string, on: string): ProgrammeEvent => ({ type: 'PlannedChangeApplied', version: 1, data: { programmeId, changeId, effectiveFrom: day(on), appliedOn: day(on), streamIds: [] } });
    expect(pendingTimers(state(drafted, published, opened, closed, approved, applied('early', '2026-09-01'))).map((t) => t.changeId)).toEqual(['late']);
    const effective: ProgrammeEvent = { type: 'ProgrammeTookEffect', version: 1, data: { programmeId, applied: 2, failed: 0, reviewDueOn: day('2027-01-01') } };
    expect(pendingTimers(state(drafted, published, opened, closed, approved, applied('early', '2026-09-01'), applied('late', '2026-10-01'), effective))).toEqual([{ kind: 'review-due', dueOn: '2027-01-01' }]);
  });

  it('waits for nothing once withdrawn: withdrawal cancels every timer', () => {
    const withdrawn: ProgrammeEvent = { type: 'ProgrammeWithdrawn', version: 1, data: { programmeId, reason: 'r', withdrawnOn: day('2026-07-01'), cancelledChangeIds: ['late', 'early'], previousStatus: 'scheduled' } };
    expect(pendingTimers(state(drafted, published, opened, closed, approved, withdrawn))).toEqual([]);
  });

  it('gives each timer the command the decider accepts on its day', () => {
    const consulting = state(drafted, published, opened);
    for (const timer of pendingTimers(consulting)) {
      const decided = programmeDecider.decide(timerCommand(timer, programmeId, timer.dueOn)!, consulting);
      expect(Array.isArray(decided)).toBe(true);
    }
  });
});
