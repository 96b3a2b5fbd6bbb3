import { holder, post, structure, unit } from './structure-builders';

/** The day before the changes of the specs, which take effect on {@link EFFECTIVE}. */
export const DAY_BEFORE = '2024-03-31';
export const EFFECTIVE = '2024-04-01';

/**
 * A trust on {@link DAY_BEFORE}: a board; the Division of Medicine with a triumvirate (business manager vacant),
 * an administrator and two directorates, Emergency (a lead, a nurse, and a specialty below with a consultant)
 * and Cardiology (lead vacant); the Division of Surgery; and a neighbourhood team in partnership with the
 * council, whose social worker the council employs.
 */
export const trust = (cdHolders = [holder('p-cd')]) =>
  structure('trust', DAY_BEFORE, [
    unit('board', { kind: 'board', posts: [post('ceo', { family: 'executive', holders: [holder('p-ceo')] }), post('md', { family: 'executive', holders: [holder('p-md')] })] }),
    unit('div-med', {
      posts: [
        post('cd-med', { family: 'medical-leadership', groupId: 'tri-med', groupRole: 'clinical-director', holders: cdHolders }),
        post('nm-med', { family: 'nursing-leadership', groupId: 'tri-med', groupRole: 'nurse-manager', holders: [holder('p-nm')] }),
        post('bm-med', { family: 'management', groupId: 'tri-med', groupRole: 'business-manager' }),
        post('med-admin', { family: 'other', holders: [holder('p-admin')] }),
      ],
      children: [
        unit('dir-emergency', {
          kind: 'directorate',
          posts: [post('ed-lead', { family: 'medical-leadership', holders: [holder('p-ed-lead')] }), post('ed-nurse', { family: 'clinical', holders: [holder('p-ed-nurse')] })],
          children: [unit('spec-ed', { kind: 'specialty', posts: [post('ed-consultant', { family: 'clinical', holders: [holder('p-ed-consultant')] })] })],
        }),
        unit('dir-cardio', { kind: 'directorate', posts: [post('cardio-lead', { family: 'medical-leadership' })] }),
      ],
    }),
    unit('div-surg', { posts: [post('cd-surg', { family: 'medical-leadership', holders: [holder('p-cd-surg')] })] }),
    unit('int-team', {
      kind: 'neighbourhood-team',
      members: ['council'],
      posts: [
        post('int-lead', { family: 'nursing-leadership', holders: [holder('p-int-lead')] }),
        post('int-sw', { family: 'clinical', holders: [holder('p-sw', 'substantive', { employingOrganisationId: 'council' })] }),
      ],
    }),
  ]);

/** The council on {@link DAY_BEFORE}: its own executive team, and the trust's neighbourhood team as a partner. */
export const council = () =>
  structure('council', DAY_BEFORE, [unit('council-exec', { posts: [post('council-ceo', { family: 'executive', holders: [holder('p-council-ceo')] })] })], trust().units.filter((u) => u.unitId === 'int-team'));

/** A community trust whose nursing service, with its own lead and a district nurse, is transferred to the trust. */
export const communityTrust = () =>
  structure('brookfield', DAY_BEFORE, [
    unit('bf-board', { kind: 'board', posts: [post('bf-ceo', { family: 'executive', holders: [holder('p-bf-ceo')] })] }),
    unit('community-services', {
      posts: [post('cs-director', { family: 'management', holders: [holder('p-cs-director')] })],
      children: [
        unit('community-nursing', {
          kind: 'service',
          posts: [post('community-lead', { family: 'nursing-leadership', holders: [holder('p-community-lead')] }), post('district-nurse', { family: 'clinical', holders: [holder('p-dn')] })],
        }),
      ],
    }),
  ]);
