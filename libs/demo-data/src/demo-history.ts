import { date, type DemoRecorder } from './demo-recorder';

/** Fictional organisations and people: any likeness to a real trust, council or person is accidental. */
export const DEMO = {
  trust: 'northvale-ft',
  communityTrust: 'brookfield-community',
  council: 'northvale-council',
} as const;

const { trust, communityTrust, council } = DEMO;

/**
 * The demo history of Northvale Hospitals NHS Foundation Trust, 2015–2022: three clinical divisions with
 * directorates and specialties, a medical director and associate medical directors, a triumvirate per division,
 * a consultant acting up while the clinical director is seconded, the merger of two divisions with people
 * re-appointed to new posts, a community service absorbed from another trust, a neighbourhood team whose staff
 * stay employed by the council and the trust, and one backdated correction.
 */
export async function recordDemoHistory(r: DemoRecorder): Promise<void> {
  await r.establish(trust, 'Northvale Hospitals NHS Foundation Trust', 'nhs-foundation-trust', '2012-04-01', 'ZZ1');
  await r.establish(communityTrust, 'Brookfield Community Health NHS Trust', 'nhs-trust', '2011-04-01', 'ZZ2');
  await r.establish(council, 'Northvale City Council', 'council', '1974-04-01');

  await structure2015(r);
  await people(r);
  await leadership2015(r);
  await actingClinicalDirector(r);
  await divisionalMerger2019(r);
  await communityServiceTransfer2020(r);
  await neighbourhoodTeam2021(r);
}

async function structure2015(r: DemoRecorder) {
  const on = '2015-04-01';
  await r.unit(trust, 'board', 'Trust Board', 'board', on);
  const divisions: [string, string, [string, string, string[]][]][] = [
    ['div-medicine', 'Division of Medicine', [
      ['dir-emergency', 'Emergency Medicine', ['Emergency Department', 'Acute Medical Unit']],
      ['dir-specialist-medicine', 'Specialist Medicine', ['Cardiology', 'Gastroenterology', 'Respiratory Medicine']],
    ]],
    ['div-surgery', 'Division of Surgery', [
      ['dir-general-surgery', 'General Surgery', ['Colorectal Surgery', 'Breast Surgery']],
      ['dir-trauma', 'Trauma and Orthopaedics', ['Orthopaedics', 'Fracture Clinic']],
    ]],
    ['div-women-children', "Division of Women's and Children's Services", [
      ['dir-maternity', 'Maternity', ['Obstetrics', 'Midwifery']],
      ['dir-paediatrics', 'Paediatrics', ['Neonatal Unit', 'Children’s Ward']],
    ]],
  ];
  for (const [divisionId, divisionName, directorates] of divisions) {
    await r.unit(trust, divisionId, divisionName, 'division', on);
    for (const [directorateId, directorateName, specialties] of directorates) {
      await r.unit(trust, directorateId, directorateName, 'directorate', on, divisionId);
      for (const specialty of specialties) {
        await r.unit(trust, `spec-${slug(specialty)}`, specialty, 'specialty', on, directorateId);
      }
    }
  }
}

async function people(r: DemoRecorder) {
  const doctors = ['p-md', 'p-amd-med', 'p-amd-surg', 'p-amd-wc', 'p-cd-med', 'p-cd-surg', 'p-cd-wc', 'p-cons-cardio', 'p-cd-medsurg-2'];
  const nurses = ['p-nm-med', 'p-nm-surg', 'p-nm-wc', 'p-nm-medsurg', 'p-inc-lead', 'p-community-lead', 'p-dn-1'];
  const managers = ['p-bm-med', 'p-bm-surg', 'p-bm-wc', 'p-bm-medsurg'];
  const others = ['p-social-worker', 'p-ot'];
  for (const id of doctors) await r.person(id, 'doctor');
  for (const id of nurses) await r.person(id, 'nurse');
  for (const id of managers) await r.person(id, 'manager');
  await r.person(others[0], 'other');
  await r.person(others[1], 'allied-health');
}

async function leadership2015(r: DemoRecorder) {
  const on = '2015-04-01';
  await r.createPost({ postId: 'md', organisationId: trust, unitId: 'board', title: 'Medical Director', family: 'executive', grade: 'VSM', on });
  await r.appoint('md', 'appt-md', 'p-md', 'substantive', on);
  for (const [division, key] of [['div-medicine', 'med'], ['div-surgery', 'surg'], ['div-women-children', 'wc']] as const) {
    await r.createPost({ postId: `amd-${key}`, organisationId: trust, unitId: division, title: `Associate Medical Director (${key})`, family: 'medical-leadership', grade: 'consultant', programmedActivities: 3, on });
    await r.appoint(`amd-${key}`, `appt-amd-${key}`, `p-amd-${key}`, 'substantive', on, { programmedActivities: 3 });
    await triumvirate(r, division, key, on);
    await leadershipAppointments(r, key, on, { cd: `p-cd-${key}`, nm: `p-nm-${key}`, bm: `p-bm-${key}` });
  }
}

/** Clinical director + divisional nurse manager + business manager, three single-holder posts in one group. */
async function triumvirate(r: DemoRecorder, unitId: string, key: string, on: string) {
  const groupId = `triumvirate-${key}`;
  await r.createPost({ postId: `cd-${key}`, organisationId: trust, unitId, title: `Clinical Director (${key})`, family: 'medical-leadership', grade: 'consultant', programmedActivities: 2, groupId, groupRole: 'clinical-director', on });
  await r.createPost({ postId: `nm-${key}`, organisationId: trust, unitId, title: `Divisional Nurse Manager (${key})`, family: 'nursing-leadership', grade: 'AfC 8c', groupId, groupRole: 'nurse-manager', on });
  await r.createPost({ postId: `bm-${key}`, organisationId: trust, unitId, title: `Divisional Business Manager (${key})`, family: 'management', grade: 'AfC 8b', groupId, groupRole: 'business-manager', on });
}

async function leadershipAppointments(r: DemoRecorder, key: string, on: string, holders: { cd: string; nm: string; bm: string }) {
  await r.appoint(`cd-${key}`, `appt-cd-${key}`, holders.cd, 'substantive', on, { programmedActivities: 2 });
  await r.appoint(`nm-${key}`, `appt-nm-${key}`, holders.nm, 'substantive', on);
  await r.appoint(`bm-${key}`, `appt-bm-${key}`, holders.bm, 'substantive', on);
}

/** 2017: the medicine clinical director is seconded to the regional network; a cardiologist acts up. */
async function actingClinicalDirector(r: DemoRecorder) {
  const acting = await r.appoint('cd-med', 'appt-cd-med-acting', 'p-cons-cardio', 'acting', '2017-10-01', { coveringForPersonId: 'p-cd-med', endsOn: '2018-10-01' });
  // Backdated correction: the acting-up began a month earlier than first recorded.
  await r.correct(acting.results[0].events[0].eventId, { effectiveFrom: '2017-09-01' }, 'HR confirmed the acting-up started on 1 September 2017');
}

/** 2019: Medicine and Surgery merge; the old triumvirate posts go and people re-apply for the new ones. */
async function divisionalMerger2019(r: DemoRecorder) {
  const on = '2019-04-01';
  await r.organisation({
    type: 'MergeUnits',
    data: { organisationId: trust, unitIds: ['div-medicine', 'div-surgery'], newSuccessor: { unitId: 'div-medicine-surgery', name: 'Division of Medicine and Surgery', kind: 'division' }, effectiveFrom: date(on), reason: 'Clinical strategy 2019: fewer, larger divisions' },
  });
  for (const key of ['med', 'surg']) {
    for (const role of ['cd', 'nm', 'bm']) {
      await r.end(`${role}-${key}`, `appt-${role}-${key}`, on, 'restructured-out', 'divisional merger 2019');
      await r.post({ type: 'AbolishPost', data: { postId: `${role}-${key}`, effectiveFrom: date(on) } });
    }
    await r.end(`amd-${key}`, `appt-amd-${key}`, on, 'restructured-out');
    await r.post({ type: 'AbolishPost', data: { postId: `amd-${key}`, effectiveFrom: date(on) } });
  }
  await r.createPost({ postId: 'amd-medsurg', organisationId: trust, unitId: 'div-medicine-surgery', title: 'Associate Medical Director, Medicine and Surgery', family: 'medical-leadership', grade: 'consultant', programmedActivities: 4, on });
  await r.appoint('amd-medsurg', 'appt-amd-medsurg', 'p-amd-med', 'substantive', on, { programmedActivities: 4 });
  await triumvirate(r, 'div-medicine-surgery', 'medsurg', on);
  // The former medicine clinical director is re-appointed without a gap; surgery's is not.
  await leadershipAppointments(r, 'medsurg', on, { cd: 'p-cd-med', nm: 'p-nm-medsurg', bm: 'p-bm-surg' });
}

/** 2020: the community nursing service moves from Brookfield to Northvale; its staff move employer too. */
async function communityServiceTransfer2020(r: DemoRecorder) {
  await r.unit(communityTrust, 'community-services', 'Community Services', 'division', '2011-04-01');
  await r.unit(communityTrust, 'community-nursing', 'Community Nursing Service', 'service', '2011-04-01', 'community-services');
  await r.createPost({ postId: 'community-lead', organisationId: communityTrust, unitId: 'community-nursing', title: 'Community Nursing Lead', family: 'nursing-leadership', grade: 'AfC 8a', on: '2011-04-01' });
  await r.appoint('community-lead', 'appt-community-lead', 'p-community-lead', 'substantive', '2016-06-01');
  await r.unit(trust, 'div-integrated-care', 'Division of Integrated Care', 'division', '2020-10-01');
  await r.across({ type: 'TransferService', data: { unitId: 'community-nursing', fromOrganisationId: communityTrust, toOrganisationId: trust, toParentUnitId: 'div-integrated-care', effectiveFrom: date('2020-10-01'), reason: 'Community services transaction 2020' } });
}

/** 2021: an integrated neighbourhood team hosted by the trust, with the council as partner. */
async function neighbourhoodTeam2021(r: DemoRecorder) {
  const on = '2021-07-01';
  await r.unit(trust, 'int-east', 'Northvale East Integrated Neighbourhood Team', 'neighbourhood-team', on, 'div-integrated-care', [council]);
  await r.createPost({ postId: 'int-lead', organisationId: trust, unitId: 'int-east', title: 'Neighbourhood Team Lead', family: 'nursing-leadership', grade: 'AfC 8a', on });
  await r.appoint('int-lead', 'appt-int-lead', 'p-inc-lead', 'substantive', on);
  await r.createPost({ postId: 'int-social-worker', organisationId: trust, unitId: 'int-east', title: 'Senior Social Worker', family: 'clinical', grade: 'council grade 9', on });
  await r.appoint('int-social-worker', 'appt-int-sw', 'p-social-worker', 'substantive', on, { employingOrganisationId: council });
  await r.createPost({ postId: 'int-ot', organisationId: trust, unitId: 'int-east', title: 'Occupational Therapist', family: 'clinical', grade: 'AfC 6', on });
  await r.appoint('int-ot', 'appt-int-ot', 'p-ot', 'substantive', on);
  await r.across({ type: 'TransferEmployment', data: { hostOrganisationId: trust, unitId: 'int-east', personIds: ['p-ot'], fromEmployerId: trust, toEmployerId: council, effectiveFrom: date('2022-04-01'), reason: 'Section 75 agreement: therapy staff employed by the council' } });
}

const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
