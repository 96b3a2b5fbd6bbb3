import type { CalendarDate } from '@orgchange/domain';
import { change, givenStructures } from './testing/impact-specification';
import { holder } from './testing/structure-builders';
import { communityTrust, council, EFFECTIVE, trust } from './testing/trust-fixture';

const onTrust = (recipientId: string, personIds: string[], reasons: string[], changeIds: string[]) => ({ recipientKind: 'post' as const, recipientId, organisationId: 'trust', personIds, reasons, changeIds });

describe('a held leadership post in a triumvirate', () => {
  it('abolished: tells its holder, its held direct reports (leaders of the units below, other posts of its unit) and its held group partners', () => {
    givenStructures(trust())
      .when(change.abolishPost('cd-med', EFFECTIVE))
      .thenRecipients([
        onTrust('cd-med', ['p-cd'], ['post-abolished'], ['abolish-cd-med']),
        onTrust('ed-lead', ['p-ed-lead'], ['direct-report'], ['abolish-cd-med']),
        onTrust('med-admin', ['p-admin'], ['direct-report'], ['abolish-cd-med']),
        onTrust('nm-med', ['p-nm'], ['group-partner'], ['abolish-cd-med']),
      ]);
  });

  it('retitled while the substantive holder is seconded: the acting holder is told too', () => {
    const cdHolders = [holder('p-cd', 'secondment'), holder('p-acting', 'acting', { coveringForPersonId: 'p-cd' })];
    givenStructures(trust(cdHolders))
      .when(change.retitlePost('cd-med', EFFECTIVE))
      .thenRecipients([
        onTrust('cd-med', ['p-cd', 'p-acting'], ['post-retitled'], ['retitle-cd-med']),
        onTrust('ed-lead', ['p-ed-lead'], ['direct-report'], ['retitle-cd-med']),
        onTrust('med-admin', ['p-admin'], ['direct-report'], ['retitle-cd-med']),
        onTrust('nm-med', ['p-nm'], ['group-partner'], ['retitle-cd-med']),
      ]);
  });

  it('filled: the person starting is told with the post', () => {
    givenStructures(trust([]))
      .when(change.startAppointment('cd-med', 'p-new', EFFECTIVE))
      .thenRecipients([
        onTrust('cd-med', ['p-new'], ['appointment-started'], ['start-cd-med-p-new']),
        onTrust('ed-lead', ['p-ed-lead'], ['direct-report'], ['start-cd-med-p-new']),
        onTrust('med-admin', ['p-admin'], ['direct-report'], ['start-cd-med-p-new']),
        onTrust('nm-med', ['p-nm'], ['group-partner'], ['start-cd-med-p-new']),
      ]);
  });
});

describe('a vacant post', () => {
  it('abolished: is itself a recipient with nobody named; its held partners and reports are told', () => {
    givenStructures(trust())
      .when(change.abolishPost('bm-med', EFFECTIVE))
      .thenRecipients([
        onTrust('bm-med', [], ['post-abolished'], ['abolish-bm-med']),
        onTrust('ed-lead', ['p-ed-lead'], ['direct-report'], ['abolish-bm-med']),
        onTrust('med-admin', ['p-admin'], ['direct-report'], ['abolish-bm-med']),
        onTrust('cd-med', ['p-cd'], ['group-partner'], ['abolish-bm-med']),
        onTrust('nm-med', ['p-nm'], ['group-partner'], ['abolish-bm-med']),
      ]);
  });
});

describe('a post that leads nobody', () => {
  it('retitled: only its holder is told', () => {
    givenStructures(trust())
      .when(change.retitlePost('ed-nurse', EFFECTIVE))
      .thenRecipients([onTrust('ed-nurse', ['p-ed-nurse'], ['post-retitled'], ['retitle-ed-nurse'])]);
  });
});

describe('a post of a partnership unit', () => {
  it('is analysed in its host, whichever structure shows it', () => {
    givenStructures(council(), trust())
      .when(change.abolishPost('int-lead', EFFECTIVE))
      .thenRecipients([onTrust('int-lead', ['p-int-lead'], ['post-abolished'], ['abolish-int-lead']), onTrust('int-sw', ['p-sw'], ['direct-report'], ['abolish-int-lead'])]);
  });
});

describe('several changes reaching one post', () => {
  it('gives one recipient with every reason and change', () => {
    givenStructures(trust())
      .when(change.retitlePost('nm-med', EFFECTIVE), change.abolishPost('bm-med', EFFECTIVE))
      .thenRecipients([
        onTrust('nm-med', ['p-nm'], ['post-retitled', 'group-partner'], ['retitle-nm-med', 'abolish-bm-med']),
        onTrust('bm-med', [], ['post-abolished'], ['abolish-bm-med']),
        onTrust('cd-med', ['p-cd'], ['group-partner'], ['retitle-nm-med', 'abolish-bm-med']),
        onTrust('ed-lead', ['p-ed-lead'], ['direct-report'], ['retitle-nm-med', 'abolish-bm-med']),
        onTrust('med-admin', ['p-admin'], ['direct-report'], ['retitle-nm-med', 'abolish-bm-med']),
      ]);
  });
});

describe('the day a change is read on', () => {
  it('is the day before it takes effect, when the record still shows who the change affects', () => {
    const onTheDay = { ...trust([holder('p-successor')]), at: EFFECTIVE };
    givenStructures(trust(), onTheDay)
      .when(change.abolishPost('cd-med', EFFECTIVE))
      .thenRecipients([
        onTrust('cd-med', ['p-cd'], ['post-abolished'], ['abolish-cd-med']),
        onTrust('ed-lead', ['p-ed-lead'], ['direct-report'], ['abolish-cd-med']),
        onTrust('med-admin', ['p-admin'], ['direct-report'], ['abolish-cd-med']),
        onTrust('nm-med', ['p-nm'], ['group-partner'], ['abolish-cd-med']),
      ]);
  });
});

describe('a post the record does not have', () => {
  it('is reported unresolved and names nobody', () => {
    const when = givenStructures(trust(), communityTrust()).when(change.abolishPost('no-such-post', EFFECTIVE));

    when.thenRecipients([]);
    when.thenUnresolved([{ changeId: 'abolish-no-such-post', subjectId: 'no-such-post', code: 'PostNotFound' }]);
  });
});

describe('a post that another of the changes creates', () => {
  it('created and filled on the same day: the person appointed is told with the new post, the unit\'s leaders of its creation', () => {
    const when = givenStructures(trust()).when(change.createPost('cd-new', 'div-surg', EFFECTIVE), change.startAppointment('cd-new', 'p-new', EFFECTIVE));

    when.thenRecipients([onTrust('cd-new', ['p-new'], ['appointment-started'], ['start-cd-new-p-new']), onTrust('cd-surg', ['p-cd-surg'], ['unit-manager'], ['create-cd-new'])]);
    when.thenUnresolved([]);
  });

  it('filled in a triumvirate: its held group partners are told of the appointment', () => {
    givenStructures(trust())
      .when(change.createPost('bm-new', 'div-med', EFFECTIVE, { groupId: 'tri-med', groupRole: 'business-manager' }), change.startAppointment('bm-new', 'p-new', EFFECTIVE))
      .thenRecipients([
        onTrust('bm-new', ['p-new'], ['appointment-started'], ['start-bm-new-p-new']),
        onTrust('cd-med', ['p-cd'], ['unit-manager', 'group-partner'], ['create-bm-new', 'start-bm-new-p-new']),
        onTrust('nm-med', ['p-nm'], ['unit-manager', 'group-partner'], ['create-bm-new', 'start-bm-new-p-new']),
      ]);
  });

  it('retitled later: the person the changes put in it by then is told', () => {
    const laterTrust = { ...trust(), at: '2024-05-31' };
    givenStructures(trust(), laterTrust)
      .when(change.createPost('cd-new', 'div-surg', EFFECTIVE), change.startAppointment('cd-new', 'p-new', EFFECTIVE), change.retitlePost('cd-new', '2024-06-01'))
      .thenRecipients([
        onTrust('cd-new', ['p-new'], ['appointment-started', 'post-retitled'], ['start-cd-new-p-new', 'retitle-cd-new']),
        onTrust('cd-surg', ['p-cd-surg'], ['unit-manager'], ['create-cd-new']),
      ]);
  });

  it('created only after the change: the change is still unresolved', () => {
    const when = givenStructures(trust(), { ...trust(), at: '2024-04-30' }).when(change.startAppointment('cd-new', 'p-new', EFFECTIVE), change.createPost('cd-new', 'div-surg', '2024-05-01'));

    when.thenUnresolved([{ changeId: 'start-cd-new-p-new', subjectId: 'cd-new', code: 'PostNotFound' }]);
  });

  it('created in a directorate another change establishes, then filled: the leaders of the unit above are told of both, the appointee of the post', () => {
    const establish = change.of('establish-dir-new', { type: 'EstablishUnit', data: { organisationId: 'trust', unitId: 'dir-new', name: 'New directorate', kind: 'directorate', parentUnitId: 'div-surg', effectiveFrom: EFFECTIVE as CalendarDate } });
    const when = givenStructures(trust()).when(establish, change.createPost('cd-new', 'dir-new', EFFECTIVE), change.startAppointment('cd-new', 'p-new', EFFECTIVE));

    when.thenRecipients([onTrust('cd-surg', ['p-cd-surg'], ['unit-manager'], ['establish-dir-new', 'create-cd-new']), onTrust('cd-new', ['p-new'], ['appointment-started'], ['start-cd-new-p-new'])]);
    when.thenUnresolved([]);
  });

  it('created in a unit established only after the post: the creation is unresolved', () => {
    const establish = change.of('establish-dir-new', { type: 'EstablishUnit', data: { organisationId: 'trust', unitId: 'dir-new', name: 'New directorate', kind: 'directorate', parentUnitId: 'div-surg', effectiveFrom: '2024-05-01' as CalendarDate } });
    const when = givenStructures(trust(), { ...trust(), at: '2024-04-30' }).when(change.createPost('cd-new', 'dir-new', EFFECTIVE), establish);

    when.thenUnresolved([{ changeId: 'create-cd-new', subjectId: 'dir-new', code: 'UnitNotFound' }]);
  });
});
