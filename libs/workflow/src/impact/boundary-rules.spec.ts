import type { CalendarDate } from '@orgchange/domain';
import { change, givenStructures } from './testing/impact-specification';
import { communityTrust, council, EFFECTIVE, trust } from './testing/trust-fixture';

const on = EFFECTIVE as CalendarDate;
const organisation = (recipientId: string, personIds: string[], reasons: string[], changeId: string) => ({ recipientKind: 'organisation' as const, recipientId, organisationId: recipientId, personIds, reasons, changeIds: [changeId] });
const at = (organisationId: string, recipientKind: 'post' | 'unit', recipientId: string, personIds: string[], reasons: string[], changeId: string) => ({ recipientKind, recipientId, organisationId, personIds, reasons, changeIds: [changeId] });

describe('a community service transferred to the trust, its staff employed by the council', () => {
  it('tells the losing, gaining and employing organisations through their boards, the service’s team and managers, and its new parent’s leaders', () => {
    givenStructures(trust(), communityTrust(), council())
      .when(change.of('transfer', { type: 'TransferService', data: { unitId: 'community-nursing', fromOrganisationId: 'brookfield', toOrganisationId: 'trust', toParentUnitId: 'div-med', employingOrganisationId: 'council', effectiveFrom: on } }))
      .thenRecipients([
        organisation('brookfield', ['p-bf-ceo'], ['losing-organisation'], 'transfer'),
        organisation('trust', ['p-ceo', 'p-md'], ['gaining-organisation'], 'transfer'),
        organisation('council', ['p-council-ceo'], ['employing-organisation'], 'transfer'),
        at('brookfield', 'unit', 'community-nursing', ['p-community-lead', 'p-dn'], ['unit-member'], 'transfer'),
        at('brookfield', 'post', 'community-lead', ['p-community-lead'], ['unit-manager'], 'transfer'),
        at('brookfield', 'post', 'cs-director', ['p-cs-director'], ['unit-manager'], 'transfer'),
        at('trust', 'post', 'cd-med', ['p-cd'], ['unit-manager'], 'transfer'),
        at('trust', 'post', 'nm-med', ['p-nm'], ['unit-manager'], 'transfer'),
      ]);
  });
});

describe('an organisation merged into one not yet open', () => {
  it('tells both, the new one with nobody named yet', () => {
    givenStructures(communityTrust())
      .when(change.of('merge', { type: 'MergeOrganisations', data: { predecessorIds: ['brookfield'], successorId: 'northvale-community', effectiveFrom: on } }))
      .thenRecipients([organisation('brookfield', ['p-bf-ceo'], ['losing-organisation'], 'merge'), organisation('northvale-community', [], ['gaining-organisation'], 'merge')]);
  });
});

describe('a boundary redrawn between two trusts', () => {
  it('tells the losing and the gaining organisation', () => {
    givenStructures(trust(), communityTrust())
      .when(change.of('redraw', { type: 'RedrawBoundary', data: { fromOrganisationId: 'brookfield', toOrganisationId: 'trust', description: 'Eastfield ward', effectiveFrom: on } }))
      .thenRecipients([organisation('brookfield', ['p-bf-ceo'], ['losing-organisation'], 'redraw'), organisation('trust', ['p-ceo', 'p-md'], ['gaining-organisation'], 'redraw')]);
  });
});

describe('staff of a partnership unit moving employer', () => {
  it('tells both employers, and the host as well when it is neither', () => {
    givenStructures(trust(), council(), communityTrust())
      .when(change.of('tupe', { type: 'TransferEmployment', data: { hostOrganisationId: 'trust', unitId: 'int-team', personIds: ['p-int-lead'], fromEmployerId: 'brookfield', toEmployerId: 'council', effectiveFrom: on } }))
      .thenRecipients([
        organisation('brookfield', ['p-bf-ceo'], ['losing-organisation'], 'tupe'),
        { ...organisation('council', ['p-council-ceo'], ['gaining-organisation', 'partner-organisation', 'employing-organisation'], 'tupe') },
        organisation('trust', ['p-ceo', 'p-md'], ['host-organisation'], 'tupe'),
        at('trust', 'unit', 'int-team', ['p-int-lead', 'p-sw'], ['unit-member'], 'tupe'),
        at('trust', 'post', 'int-lead', ['p-int-lead'], ['unit-manager'], 'tupe'),
      ]);
  });
});

describe('a member joining a partnership unit', () => {
  it('tells the group and the member organisation, and the partnership’s team and lead', () => {
    givenStructures(trust(), communityTrust(), council())
      .when(change.of('join', { type: 'ChangeMembership', data: { groupOrganisationId: 'trust', partnershipUnitId: 'int-team', memberOrganisationId: 'brookfield', change: 'joined', effectiveFrom: on } }))
      .thenRecipients([
        organisation('trust', ['p-ceo', 'p-md'], ['group-organisation'], 'join'),
        organisation('brookfield', ['p-bf-ceo'], ['member-organisation'], 'join'),
        organisation('council', ['p-council-ceo'], ['partner-organisation', 'employing-organisation'], 'join'),
        at('trust', 'unit', 'int-team', ['p-int-lead', 'p-sw'], ['unit-member'], 'join'),
        at('trust', 'post', 'int-lead', ['p-int-lead'], ['unit-manager'], 'join'),
      ]);
  });
});
