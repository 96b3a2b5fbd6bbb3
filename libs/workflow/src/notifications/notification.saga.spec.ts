import { type ExistingProgramme, evolveProgramme, initialProgrammeState, type PlannedChange, type ProgrammeEvent } from '@orgchange/domain';
import { day } from '@orgchange/testing';
import { notificationId } from './notification-id';
import { notificationSaga } from './notification.saga';
import type { Notification, NotifiedRecipient } from './notification.types';

const programmeId = 'merge-2026';
const merge: PlannedChange = {
  changeId: 'merge-divisions',
  command: { type: 'MergeUnits', data: { organisationId: 'trust', unitIds: ['medicine', 'surgery'], newSuccessor: { unitId: 'med-surg', name: 'Medicine and Surgery', kind: 'division' }, effectiveFrom: day('2026-09-01') } },
};
const abolish: PlannedChange = { changeId: 'abolish-cd', command: { type: 'AbolishPost', data: { postId: 'cd-surgery', effectiveFrom: day('2026-09-01') } } };

const recipient = (recipientKind: NotifiedRecipient['recipientKind'], recipientId: string, changeIds: string[], personIds: string[] = []): NotifiedRecipient => ({
  recipientKind,
  recipientId,
  organisationId: 'trust',
  personIds,
  reasons: ['unit-member'],
  changeIds,
});
/** What impact analysis says each change affects: the surgery unit is touched by both changes. */
const affected: Record<string, NotifiedRecipient[]> = {
  'merge-divisions': [recipient('unit', 'medicine', ['merge-divisions']), recipient('unit', 'surgery', ['merge-divisions']), recipient('post', 'nurse-med', ['merge-divisions'], ['p1'])],
  'abolish-cd': [recipient('post', 'cd-surgery', ['abolish-cd'], ['p2']), recipient('unit', 'surgery', ['abolish-cd'])],
};

const drafted: ProgrammeEvent = { type: 'ProgrammeDrafted', version: 1, data: { programmeId, title: 'Merge Medicine and Surgery', organisationIds: ['trust'], changes: [merge, abolish], reviewAfterMonths: 6, draftedOn: day('2026-05-01') } };
const published: ProgrammeEvent = { type: 'ProposalPublished', version: 1, data: { programmeId, publishedOn: day('2026-05-02') } };
const opened: ProgrammeEvent = { type: 'ConsultationOpened', version: 1, data: { programmeId, opensOn: day('2026-05-04'), days: 45, lastDayOn: day('2026-06-17') } };
const closingSoon: ProgrammeEvent = { type: 'ConsultationClosingSoon', version: 1, data: { programmeId, lastDayOn: day('2026-06-17'), announcedOn: day('2026-06-10') } };
const response: ProgrammeEvent = { type: 'ConsultationResponseRecorded', version: 1, data: { programmeId, responseId: 'r1', respondent: 'staff-side', summary: 'ok', receivedOn: day('2026-05-10') } };
const closed: ProgrammeEvent = { type: 'ConsultationClosed', version: 1, data: { programmeId, closedOn: day('2026-06-18'), responses: 1 } };
const amended: ProgrammeEvent = { type: 'ProgrammeDecided', version: 1, data: { programmeId, decision: 'amended', changes: [merge], decidedOn: day('2026-06-20'), reason: 'keep the post' } };
const approved: ProgrammeEvent = { type: 'ProgrammeDecided', version: 1, data: { programmeId, decision: 'approved', changes: [merge, abolish], decidedOn: day('2026-06-20') } };
const applied: ProgrammeEvent = { type: 'PlannedChangeApplied', version: 1, data: { programmeId, changeId: 'abolish-cd', effectiveFrom: day('2026-09-01'), appliedOn: day('2026-09-01'), streamIds: ['post-cd-surgery'] } };
const withdrawn: ProgrammeEvent = { type: 'ProgrammeWithdrawn', version: 1, data: { programmeId, reason: 'funding', withdrawnOn: day('2026-07-01'), cancelledChangeIds: ['merge-divisions', 'abolish-cd'], previousStatus: 'scheduled' } };

const cause = { eventId: 'event-1', globalPosition: '42' };

/**
 * given a programme's history (and who has been told about it), when one more event, then these notifications.
 * Recipients come from `affected` for exactly the changes the saga says it needs, as the runner asks the finder.
 */
function given(history: readonly ProgrammeEvent[], told: readonly NotifiedRecipient[] = []) {
  const programme = history.reduce(evolveProgramme, initialProgrammeState()) as ExistingProgramme;
  const decide = (event: ProgrammeEvent): Notification[] => {
    const needs = notificationSaga.needs(event, programme);
    if (!needs) return [];
    const recipients = needs.changes.flatMap((c) => affected[c.changeId] ?? []);
    return notificationSaga.decide(event, programme, { recipients, alreadyNotified: needs.alreadyNotified ? told : [], cause });
  };
  return {
    when: (event: ProgrammeEvent) => ({
      then: (expected: readonly Notification[]) => expect(decide(event)).toEqual(expected),
      /** The recipients told and the kind and change of each message, in order. */
      thenNotifies: (expected: readonly string[]) => expect(decide(event).map((n) => `${n.kind} ${n.changeId ?? '-'} ${n.recipient.recipientKind}:${n.recipient.recipientId}`)).toEqual(expected),
      thenNothing: () => expect(decide(event)).toEqual([]),
      thenThrows: (message: RegExp) => expect(() => decide(event)).toThrow(message),
    }),
  };
}

describe('given a drafted programme', () => {
  it('tells nobody about a draft', () => given([]).when(drafted).thenNothing());

  it('tells every post and unit either change affects once that the proposal is published, the unit both changes touch only once', () =>
    given([drafted]).when(published).thenNotifies([
      'proposal-published - unit:medicine',
      'proposal-published - unit:surgery',
      'proposal-published - post:nurse-med',
      'proposal-published - post:cd-surgery',
    ]));

  it('writes the whole notification: id from programme, change, recipient and kind; programme title; the step; its cause', () =>
    given([drafted]).when(published).then(
      [...affected['merge-divisions'], affected['abolish-cd'][0]].map((r) => ({
        notificationId: notificationId(programmeId, null, r, 'proposal-published'),
        kind: 'proposal-published',
        programmeId,
        programmeTitle: 'Merge Medicine and Surgery',
        changeId: null,
        recipient: r,
        occurredOn: day('2026-05-02'),
        details: {},
        cause,
      })),
    ));
});

describe('given a published proposal', () => {
  it('tells the same recipients the consultation has opened, with its last day', () => {
    const notifications = notificationSaga.decide(opened, programmeAfter([drafted, published]), { recipients: affected['abolish-cd'], alreadyNotified: [], cause });
    expect(notifications.map((n) => [n.kind, n.details])).toEqual([
      ['consultation-opened', { opensOn: '2026-05-04', lastDayOn: '2026-06-17', days: 45 }],
      ['consultation-opened', { opensOn: '2026-05-04', lastDayOn: '2026-06-17', days: 45 }],
    ]);
  });
});

describe('given an open consultation', () => {
  it('reminds everyone affected a week before it closes', () =>
    given([drafted, published, opened]).when(closingSoon).thenNotifies([
      'consultation-closing-soon - unit:medicine',
      'consultation-closing-soon - unit:surgery',
      'consultation-closing-soon - post:nurse-med',
      'consultation-closing-soon - post:cd-surgery',
    ]));

  it('tells nobody about a response', () => given([drafted, published, opened]).when(response).thenNothing());
});

describe('given a closed consultation', () => {
  it('tells those affected by the decided changes and, after an amendment dropped a change, those told about it before', () =>
    given([drafted, published, opened, closed], [...affected['merge-divisions'], ...affected['abolish-cd']]).when(amended).thenNotifies([
      'programme-decided - unit:medicine',
      'programme-decided - unit:surgery',
      'programme-decided - post:nurse-med',
      'programme-decided - post:cd-surgery',
    ]));

  it('says what was decided and why', () => {
    const [first] = notificationSaga.decide(amended, programmeAfter([drafted, published, opened, closed]), { recipients: affected['merge-divisions'], alreadyNotified: [], cause });
    expect(first.details).toEqual({ decision: 'amended', reason: 'keep the post', changeIds: ['merge-divisions'] });
  });
});

describe('given a scheduled programme', () => {
  const scheduled = [drafted, published, opened, closed, approved];

  it('tells those affected by one change when it takes effect, naming the change in the id', () => {
    given(scheduled).when(applied).thenNotifies(['change-effective abolish-cd post:cd-surgery', 'change-effective abolish-cd unit:surgery']);
    const [first] = notificationSaga.decide(applied, programmeAfter(scheduled), { recipients: affected['abolish-cd'], alreadyNotified: [], cause });
    expect(first.notificationId).toBe(notificationId(programmeId, 'abolish-cd', affected['abolish-cd'][0], 'change-effective'));
    expect(first.details).toEqual({ effectiveFrom: '2026-09-01' });
  });

  it('reads the change that takes effect with the programme\'s other changes, so a post another of them creates is found', () => {
    const needs = notificationSaga.needs(applied, programmeAfter(scheduled));

    expect(needs).toEqual({ changes: [abolish], context: [merge, abolish], alreadyNotified: false });
  });

  it('refuses an applied change the programme never planned, rather than tell nobody', () =>
    given(scheduled).when({ ...applied, data: { ...applied.data, changeId: 'unknown' } } as ProgrammeEvent).thenThrows(/plans no change unknown/));

  it('on withdrawal tells exactly those already told that it is off, and nobody else', () =>
    given(scheduled, [affected['abolish-cd'][0], affected['merge-divisions'][0]]).when(withdrawn).thenNotifies(['programme-withdrawn - post:cd-surgery', 'programme-withdrawn - unit:medicine']));

  it('on withdrawal before anyone was told tells nobody', () => given(scheduled, []).when(withdrawn).thenNothing());
});

describe('notification ids', () => {
  const post = affected['abolish-cd'][0];
  it('are the same for the same programme, change, recipient and kind, and differ when any of them does', () => {
    const id = notificationId(programmeId, 'c', post, 'change-effective');
    expect(notificationId(programmeId, 'c', { ...post }, 'change-effective')).toBe(id);
    const others = [
      notificationId('other', 'c', post, 'change-effective'),
      notificationId(programmeId, 'd', post, 'change-effective'),
      notificationId(programmeId, null, post, 'change-effective'),
      notificationId(programmeId, 'c', { ...post, recipientId: 'other' }, 'change-effective'),
      notificationId(programmeId, 'c', { ...post, recipientKind: 'unit' }, 'change-effective'),
      notificationId(programmeId, 'c', post, 'programme-withdrawn'),
    ];
    expect(new Set([id, ...others]).size).toBe(7);
  });
});

function programmeAfter(history: readonly ProgrammeEvent[]): ExistingProgramme {
  return history.reduce(evolveProgramme, initialProgrammeState()) as ExistingProgramme;
}
