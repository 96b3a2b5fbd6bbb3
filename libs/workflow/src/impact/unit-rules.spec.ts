import type { CalendarDate } from '@orgchange/domain';
import { change, givenStructures } from './testing/impact-specification';
import { council, EFFECTIVE, trust } from './testing/trust-fixture';

const on = EFFECTIVE as CalendarDate;
const inTrust = (recipientKind: 'post' | 'unit', recipientId: string, personIds: string[], reasons: string[], changeId: string) => ({ recipientKind, recipientId, organisationId: 'trust', personIds, reasons, changeIds: [changeId] });

describe('a directorate with a specialty below it', () => {
  it('moved: tells its members, its leaders, the held leaders of its old parent and of its new one, and not the specialty below', () => {
    givenStructures(trust())
      .when(change.moveUnit('trust', 'dir-emergency', 'div-surg', EFFECTIVE))
      .thenRecipients([
        inTrust('unit', 'dir-emergency', ['p-ed-lead', 'p-ed-nurse'], ['unit-member'], 'move-dir-emergency'),
        inTrust('post', 'ed-lead', ['p-ed-lead'], ['unit-manager'], 'move-dir-emergency'),
        inTrust('post', 'cd-med', ['p-cd'], ['unit-manager'], 'move-dir-emergency'),
        inTrust('post', 'nm-med', ['p-nm'], ['unit-manager'], 'move-dir-emergency'),
        inTrust('post', 'cd-surg', ['p-cd-surg'], ['unit-manager'], 'move-dir-emergency'),
      ]);
  });
});

describe('two top-level divisions', () => {
  it('merged into a new division: tells both teams and their leaders', () => {
    givenStructures(trust())
      .when(change.of('merge', { type: 'MergeUnits', data: { organisationId: 'trust', unitIds: ['div-med', 'div-surg'], newSuccessor: { unitId: 'div-ms', name: 'Medicine and Surgery', kind: 'division' }, effectiveFrom: on } }))
      .thenRecipients([
        inTrust('unit', 'div-med', ['p-cd', 'p-nm', 'p-admin'], ['unit-member'], 'merge'),
        inTrust('unit', 'div-surg', ['p-cd-surg'], ['unit-member'], 'merge'),
        inTrust('post', 'cd-med', ['p-cd'], ['unit-manager'], 'merge'),
        inTrust('post', 'nm-med', ['p-nm'], ['unit-manager'], 'merge'),
        inTrust('post', 'cd-surg', ['p-cd-surg'], ['unit-manager'], 'merge'),
      ]);
  });
});

describe('a directorate whose lead post is vacant', () => {
  it('dissolved: is told with nobody named; its parent’s held leaders are told', () => {
    givenStructures(trust())
      .when(change.of('dissolve', { type: 'DissolveUnit', data: { organisationId: 'trust', unitId: 'dir-cardio', effectiveFrom: on } }))
      .thenRecipients([
        inTrust('unit', 'dir-cardio', [], ['unit-member'], 'dissolve'),
        inTrust('post', 'cd-med', ['p-cd'], ['unit-manager'], 'dissolve'),
        inTrust('post', 'nm-med', ['p-nm'], ['unit-manager'], 'dissolve'),
      ]);
  });
});

describe('a new unit under a division', () => {
  it('established: tells the held leaders of its parent, and no team yet', () => {
    givenStructures(trust())
      .when(change.of('establish', { type: 'EstablishUnit', data: { organisationId: 'trust', unitId: 'dir-new', name: 'New', kind: 'directorate', parentUnitId: 'div-med', effectiveFrom: on } }))
      .thenRecipients([inTrust('post', 'cd-med', ['p-cd'], ['unit-manager'], 'establish'), inTrust('post', 'nm-med', ['p-nm'], ['unit-manager'], 'establish')]);
  });
});

describe('a partnership unit with staff employed by the partner', () => {
  it('renamed: tells the team, its lead, and the partner through its board, as partner and as employer', () => {
    givenStructures(trust(), council())
      .when(change.of('rename', { type: 'RenameUnit', data: { organisationId: 'trust', unitId: 'int-team', name: 'East Neighbourhood Team', effectiveFrom: on } }))
      .thenRecipients([
        inTrust('unit', 'int-team', ['p-int-lead', 'p-sw'], ['unit-member'], 'rename'),
        inTrust('post', 'int-lead', ['p-int-lead'], ['unit-manager'], 'rename'),
        { recipientKind: 'organisation', recipientId: 'council', organisationId: 'council', personIds: ['p-council-ceo'], reasons: ['partner-organisation', 'employing-organisation'], changeIds: ['rename'] },
      ]);
  });
});

describe('a unit the record does not have', () => {
  it('is reported unresolved and names nobody', () => {
    const when = givenStructures(trust()).when(change.moveUnit('trust', 'no-such-unit', 'div-surg', EFFECTIVE));

    when.thenRecipients([]);
    when.thenUnresolved([{ changeId: 'move-no-such-unit', subjectId: 'no-such-unit', code: 'UnitNotFound' }]);
  });
});
