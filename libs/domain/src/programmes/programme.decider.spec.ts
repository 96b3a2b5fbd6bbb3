import { day, deciderSpecification } from '@orgchange/testing';
import type { PlannedChange } from './planned-change';
import type { ProgrammeCommand } from './programme.commands';
import { programmeDecider } from './programme.decider';
import type { ProgrammeEvent } from './programme.events';

const spec = deciderSpecification(programmeDecider);
const programmeId = 'merge-2026';

const abolish = (changeId: string, on: string): PlannedChange => ({
  changeId,
  command: { type: 'AbolishPost', data: { postId: `post-${changeId}`, effectiveFrom: day(on) } },
});
const merge = (on: string): PlannedChange => ({
  changeId: 'merge-divisions',
  command: { type: 'MergeUnits', data: { organisationId: 'trust', unitIds: ['medicine', 'surgery'], newSuccessor: { unitId: 'med-surg', name: 'Medicine and Surgery', kind: 'division' }, effectiveFrom: day(on) } },
});
const changes = [merge('2026-09-01'), abolish('cd-surgery', '2026-09-01')];

const command = <T extends ProgrammeCommand['type']>(type: T, today: string, data: Record<string, unknown> = {}) =>
  ({ type, data: { programmeId, today: day(today), ...data } }) as unknown as Extract<ProgrammeCommand, { type: T }>;

const drafted: ProgrammeEvent = { type: 'ProgrammeDrafted', version: 1, data: { programmeId, title: 'Merge Medicine and Surgery', organisationIds: ['trust'], changes, reviewAfterMonths: 6, draftedOn: day('2026-05-01') } };
const published: ProgrammeEvent = { type: 'ProposalPublished', version: 1, data: { programmeId, publishedOn: day('2026-05-02') } };
const opened: ProgrammeEvent = { type: 'ConsultationOpened', version: 1, data: { programmeId, opensOn: day('2026-05-04'), days: 45, lastDayOn: day('2026-06-17') } };
const closed: ProgrammeEvent = { type: 'ConsultationClosed', version: 1, data: { programmeId, closedOn: day('2026-06-18'), responses: 0 } };
const approved: ProgrammeEvent = { type: 'ProgrammeDecided', version: 1, data: { programmeId, decision: 'approved', changes, decidedOn: day('2026-06-20') } };
const applied = (changeId: string): ProgrammeEvent => ({ type: 'PlannedChangeApplied', version: 1, data: { programmeId, changeId, effectiveFrom: day('2026-09-01'), appliedOn: day('2026-09-01'), streamIds: ['organisation-trust'] } });

describe('given no programme', () => {
  it('drafts one with its planned changes and a six-month review by default', () =>
    spec.given([]).when(command('DraftProgramme', '2026-05-01', { title: 'Merge Medicine and Surgery', organisationIds: ['trust'], changes })).then([drafted]));

  it('rejects a programme with no changes', () =>
    spec.given([]).when(command('DraftProgramme', '2026-05-01', { title: 'T', organisationIds: ['trust'], changes: [] })).thenRejects('ProgrammeHasNoChanges'));

  it('rejects two changes with one id', () =>
    spec.given([]).when(command('DraftProgramme', '2026-05-01', { title: 'T', organisationIds: ['trust'], changes: [abolish('a', '2026-09-01'), abolish('a', '2026-10-01')] })).thenRejects('DuplicateIds'));

  it('rejects a change on an impossible date', () =>
    spec.given([]).when(command('DraftProgramme', '2026-05-01', { title: 'T', organisationIds: ['trust'], changes: [abolish('a', '2026-02-30')] })).thenRejects('InvalidCalendarDate'));

  it('rejects a programme naming no organisation', () =>
    spec.given([]).when(command('DraftProgramme', '2026-05-01', { title: 'T', organisationIds: [], changes })).thenRejects('ProgrammeNeedsOrganisation'));

  it('rejects publishing a programme that does not exist', () => spec.given([]).when(command('PublishProposal', '2026-05-02')).thenRejects('ProgrammeNotFound'));
});

describe('given a drafted programme', () => {
  it('publishes the proposal', () => spec.given([drafted]).when(command('PublishProposal', '2026-05-02')).then([published]));
  it('rejects drafting it again', () =>
    spec.given([drafted]).when(command('DraftProgramme', '2026-05-03', { title: 'T', organisationIds: ['trust'], changes })).thenRejects('ProgrammeAlreadyExists'));
  it('rejects opening consultation before the proposal is published', () =>
    spec.given([drafted]).when(command('OpenConsultation', '2026-05-04', { days: 45 })).thenRejects('InvalidProgrammeTransition'));
  it('rejects a decision before any consultation', () => spec.given([drafted]).when(command('DecideProgramme', '2026-05-04', { decision: 'approved' })).thenRejects('InvalidProgrammeTransition'));
  it('waives consultation only with a reason', () => {
    spec.given([drafted]).when(command('WaiveConsultation', '2026-05-02', { reason: '  ' })).thenRejects('WaiverNeedsReason');
    spec.given([drafted]).when(command('WaiveConsultation', '2026-05-02', { reason: 'no change to terms and conditions' })).thenEventTypes(['ConsultationWaived']);
  });
  it('can be decided straight after a waiver', () =>
    spec
      .given([drafted, { type: 'ConsultationWaived', version: 1, data: { programmeId, reason: 'no staff affected', waivedOn: day('2026-05-02') } }])
      .when(command('DecideProgramme', '2026-05-03', { decision: 'approved' }))
      .thenEventTypes(['ProgrammeDecided']));
});

describe('given a proposal published', () => {
  it('opens a 45-day consultation whose last day is 44 days after it opens', () =>
    spec.given([drafted, published]).when(command('OpenConsultation', '2026-05-04', { days: 45 })).then([opened]));
  it('rejects a consultation of no days', () => spec.given([drafted, published]).when(command('OpenConsultation', '2026-05-04', { days: 0 })).thenRejects('InvalidConsultationPeriod'));
  it('rejects a consultation of part days', () => spec.given([drafted, published]).when(command('OpenConsultation', '2026-05-04', { days: 30.5 })).thenRejects('InvalidConsultationPeriod'));
});

describe('given a consultation open to 2026-06-17', () => {
  const history = [drafted, published, opened];

  it('records a response on its last day', () =>
    spec.given(history).when(command('RecordConsultationResponse', '2026-06-17', { responseId: 'r1', respondent: 'unit-surgery', summary: 'concerns about rotas' })).thenEventTypes(['ConsultationResponseRecorded']));
  it('rejects a response after its last day', () =>
    spec.given(history).when(command('RecordConsultationResponse', '2026-06-18', { responseId: 'r1', respondent: 'x', summary: 'late' })).thenRejects('ConsultationEnded'));
  it('rejects a decision while it is open', () => spec.given(history).when(command('DecideProgramme', '2026-06-10', { decision: 'approved' })).thenRejects('ConsultationStillOpen'));
  it('rejects a waiver once it is open', () => spec.given(history).when(command('WaiveConsultation', '2026-06-10', { reason: 'urgent' })).thenRejects('InvalidProgrammeTransition'));
  it('announces closing a week before the last day, once', () => {
    spec.given(history).when(command('AnnounceConsultationClosing', '2026-06-09')).thenRejects('ConsultationNotClosingYet');
    const announced = spec.given(history).when(command('AnnounceConsultationClosing', '2026-06-10')).thenState([
      { type: 'ConsultationClosingSoon', version: 1, data: { programmeId, lastDayOn: day('2026-06-17'), announcedOn: day('2026-06-10') } },
    ]);
    expect(announced.status === 'consultation-open' && announced.consultation?.closingAnnounced).toBe(true);
  });
  it('refuses to close on its last day and closes the day after, counting responses', () => {
    spec.given(history).when(command('CloseConsultation', '2026-06-17')).thenRejects('ConsultationStillOpen');
    spec
      .given([...history, { type: 'ConsultationResponseRecorded', version: 1, data: { programmeId, responseId: 'r1', respondent: 'x', summary: 's', receivedOn: day('2026-05-10') } }])
      .when(command('CloseConsultation', '2026-06-18'))
      .then([{ type: 'ConsultationClosed', version: 1, data: { programmeId, closedOn: day('2026-06-18'), responses: 1 } }]);
  });
});

describe('given the consultation closed', () => {
  const history = [drafted, published, opened, closed];

  it('approves the changes as proposed', () => spec.given(history).when(command('DecideProgramme', '2026-06-20', { decision: 'approved' })).then([approved]));
  it('amends: the amended changes are the ones scheduled', () => {
    const state = spec.given(history).when(command('DecideProgramme', '2026-06-20', { decision: 'amended', changes: [merge('2026-10-01')] })).thenState([
      { type: 'ProgrammeDecided', version: 1, data: { programmeId, decision: 'amended', changes: [merge('2026-10-01')], decidedOn: day('2026-06-20') } },
    ]);
    expect(state.status === 'scheduled' && state.changes.map((c) => c.changeId)).toEqual(['merge-divisions']);
  });
  it('rejects an amendment without changes', () => spec.given(history).when(command('DecideProgramme', '2026-06-20', { decision: 'amended' })).thenRejects('AmendmentNeedsChanges'));
});

describe('given a scheduled programme with two changes on 2026-09-01', () => {
  const history = [drafted, published, opened, closed, approved];

  it('refuses to record a change before its day', () =>
    spec.given(history).when(command('RecordChangeApplied', '2026-08-31', { changeId: 'merge-divisions', streamIds: [] })).thenRejects('PlannedChangeNotYetDue'));
  it('records the first change applied and stays scheduled', () =>
    spec.given(history).when(command('RecordChangeApplied', '2026-09-01', { changeId: 'merge-divisions', streamIds: ['organisation-trust'] })).then([applied('merge-divisions')]));
  it('takes effect when the last change is settled, even if it failed, with the review six months after', () =>
    spec
      .given([...history, applied('merge-divisions')])
      .when(command('RecordChangeFailed', '2026-09-01', { changeId: 'cd-surgery', code: 'PostStillHeld', message: 'post is held' }))
      .then([
        { type: 'PlannedChangeFailed', version: 1, data: { programmeId, changeId: 'cd-surgery', effectiveFrom: day('2026-09-01'), code: 'PostStillHeld', message: 'post is held' } },
        { type: 'ProgrammeTookEffect', version: 1, data: { programmeId, applied: 1, failed: 1, reviewDueOn: day('2027-03-01') } },
      ]));
  it('refuses to record a change twice (a timer firing again)', () =>
    spec.given([...history, applied('merge-divisions')]).when(command('RecordChangeApplied', '2026-09-02', { changeId: 'merge-divisions', streamIds: [] })).thenRejects('PlannedChangeAlreadySettled'));
  it('refuses an unknown change', () => spec.given(history).when(command('RecordChangeApplied', '2026-09-01', { changeId: 'nope', streamIds: [] })).thenRejects('PlannedChangeNotFound'));
  it('can still be amended before any change takes effect', () =>
    spec.given(history).when(command('DecideProgramme', '2026-07-01', { decision: 'amended', changes: [merge('2026-10-01')] })).thenEventTypes(['ProgrammeDecided']));
  it('rejects an amendment once a change has taken effect', () =>
    spec.given([...history, applied('merge-divisions')]).when(command('DecideProgramme', '2026-09-02', { decision: 'amended', changes: [merge('2026-10-01')] })).thenRejects('ProgrammeAlreadyInEffect'));
  it('is withdrawn with every scheduled change cancelled', () =>
    spec.given(history).when(command('WithdrawProgramme', '2026-07-01', { reason: 'funding withdrawn' })).then([
      { type: 'ProgrammeWithdrawn', version: 1, data: { programmeId, reason: 'funding withdrawn', withdrawnOn: day('2026-07-01'), cancelledChangeIds: ['merge-divisions', 'cd-surgery'], previousStatus: 'scheduled' } },
    ]));
  it('cannot be withdrawn once a change has taken effect', () =>
    spec.given([...history, applied('merge-divisions')]).when(command('WithdrawProgramme', '2026-09-02', { reason: 'too late' })).thenRejects('ProgrammeAlreadyInEffect'));
});

describe('given a withdrawn programme', () => {
  const history = [drafted, published, opened, closed, approved, { type: 'ProgrammeWithdrawn', version: 1, data: { programmeId, reason: 'r', withdrawnOn: day('2026-07-01'), cancelledChangeIds: ['merge-divisions', 'cd-surgery'], previousStatus: 'scheduled' } } as ProgrammeEvent];

  it('cannot take effect', () =>
    spec.given(history).when(command('RecordChangeApplied', '2026-09-01', { changeId: 'merge-divisions', streamIds: [] })).thenRejects('ProgrammeWithdrawn'));
  it('cannot be decided again', () => spec.given(history).when(command('DecideProgramme', '2026-07-02', { decision: 'approved' })).thenRejects('ProgrammeWithdrawn'));
});

describe('given a programme in effect since 2026-09-01', () => {
  const effective: ProgrammeEvent = { type: 'ProgrammeTookEffect', version: 1, data: { programmeId, applied: 2, failed: 0, reviewDueOn: day('2027-03-01') } };
  const history = [drafted, published, opened, closed, approved, applied('merge-divisions'), applied('cd-surgery'), effective];

  it('marks the review due on its day, not before', () => {
    spec.given(history).when(command('MarkReviewDue', '2027-02-28')).thenRejects('ReviewNotYetDue');
    spec.given(history).when(command('MarkReviewDue', '2027-03-01')).then([{ type: 'ReviewFellDue', version: 1, data: { programmeId, dueOn: day('2027-03-01') } }]);
  });
  it('closes only after the review', () => {
    spec.given(history).when(command('CloseProgramme', '2027-03-01')).thenRejects('InvalidProgrammeTransition');
    spec.given([...history, { type: 'ReviewFellDue', version: 1, data: { programmeId, dueOn: day('2027-03-01') } }]).when(command('CloseProgramme', '2027-03-05')).thenEventTypes(['ProgrammeClosed']);
  });
});
