import type { Holder, Post, Structure, Unit } from '../api-types';
import { chartBoxes } from './chart-model';

const holder = (personId: string, over: Partial<Holder> = {}): Holder => ({
  appointmentId: `appt-${personId}`,
  personId,
  profession: 'doctor',
  kind: 'substantive',
  from: '2015-04-01',
  until: null,
  coveringForPersonId: null,
  employingOrganisationId: 'trust',
  ...over,
});
const post = (postId: string, holders: Holder[], over: Partial<Post> = {}): Post => ({
  postId,
  unitId: 'div',
  title: `Post ${postId}`,
  family: 'management',
  grade: 'AfC 8b',
  maxHolders: 1,
  groupId: null,
  groupRole: null,
  holders,
  vacancies: holders.length === 0 ? 1 : 0,
  heldByClinician: false,
  ...over,
});
const unit = (unitId: string, posts: Post[], over: Partial<Unit> = {}): Unit => ({
  unitId,
  name: `Unit ${unitId}`,
  kind: 'division',
  parentUnitId: null,
  hostOrganisationId: 'trust',
  memberOrganisationIds: [],
  employingOrganisationId: null,
  posts,
  children: [],
  ...over,
});
const structure = (units: Unit[], partnerships: Unit[] = []): Structure => ({
  organisation: { organisationId: 'trust', name: 'The Trust', kind: 'nhs-trust', code: 'T1', openFrom: '2012-04-01', closesOn: null },
  at: '2018-01-01',
  knownAt: '2026-01-01T00:00:00.000Z',
  asOfPosition: 1,
  units,
  partnerships,
  counts: { units: units.length, posts: 0, vacancies: 0, actingOrCovering: 0 },
});
const names = (id: string) => ({ trust: 'The Trust', council: 'The Council', other: 'Other Trust' })[id] ?? id;

describe('chart boxes from a structure answer', () => {
  it('draws a triumvirate as one block in the order its posts come, other posts on their own', () => {
    const posts = [
      post('amd', [holder('p-amd')]),
      post('cd', [holder('p-cd')], { groupId: 'g-a', groupRole: 'medical-lead', family: 'medical-leadership' }),
      post('nm', [holder('p-nm')], { groupId: 'g-a', groupRole: 'nursing-lead', family: 'nursing-leadership' }),
      post('bm', [holder('p-bm')], { groupId: 'g-a', groupRole: 'operational-lead', family: 'management' }),
    ];

    const [division] = chartBoxes(structure([unit('div', posts)]), names).children;

    expect(division.blocks.map((b) => [b.label, b.posts.map((p) => p.postId)])).toEqual([
      [null, ['amd']],
      ['triumvirate', ['cd', 'nm', 'bm']],
    ]);
  });

  it('calls any other group (here medical and nursing only) a leadership group', () => {
    const posts = [post('a', [], { groupId: 'g-1', family: 'medical-leadership' }), post('b', [], { groupId: 'g-1', family: 'nursing-leadership' })];

    const [division] = chartBoxes(structure([unit('div', posts)]), names).children;

    expect(division.blocks.map((b) => b.label)).toEqual(['leadership group']);
  });

  it('marks acting holders with whom they cover, leaves substantive ones unmarked, and keeps vacancies and clinician-led posts', () => {
    const cd = post('cd', [holder('p-cd'), holder('p-acting', { kind: 'acting', coveringForPersonId: 'p-cd' })], { heldByClinician: true });
    const empty = post('bm', []);

    const [division] = chartBoxes(structure([unit('div', [cd, empty])]), names).children;
    const [cdLine, bmLine] = division.blocks.map((b) => b.posts[0]);

    expect(cdLine.holders.map((h) => [h.personId, h.mark, h.coveringFor])).toEqual([
      ['p-cd', null, null],
      ['p-acting', 'acting', 'p-cd'],
    ]);
    expect(cdLine.clinicianLed).toBe(true);
    expect(bmLine).toMatchObject({ vacancies: 1, holders: [], clinicianLed: false });
  });

  it('names every holder’s employer in a partnership unit, and elsewhere only an employer other than the host', () => {
    const team = unit('team', [post('sw', [holder('p-sw', { employingOrganisationId: 'council' })]), post('ot', [holder('p-ot')])], { memberOrganisationIds: ['council'] });
    const ward = unit('ward', [post('seconded', [holder('p-x', { employingOrganisationId: 'other' })]), post('own', [holder('p-y')])]);

    const [teamBox, wardBox] = chartBoxes(structure([team, ward]), names).children;

    expect(teamBox.partnership).toBe('partnership: hosted by The Trust with The Council');
    expect(teamBox.blocks.map((b) => b.posts[0].holders[0].employer)).toEqual(['The Council', 'The Trust']);
    expect(wardBox.partnership).toBeNull();
    expect(wardBox.blocks.map((b) => b.posts[0].holders[0].employer)).toEqual(['Other Trust', null]);
  });

  it('puts partnership units hosted elsewhere under a branch of their own, marked with their host', () => {
    const hostedElsewhere = unit('shared', [], { hostOrganisationId: 'council', memberOrganisationIds: ['trust'] });

    const root = chartBoxes(structure([unit('div', [])], [hostedElsewhere]), names);

    expect(root.children.map((c) => c.id)).toEqual(['div', '__partnerships']);
    expect(root.children[1].children[0].partnership).toBe('partnership: hosted by The Council with The Trust');
  });

  it('carries diff marks onto units, posts and holders', () => {
    const s = structure([unit('div', [post('cd', [holder('p-cd')])], { children: [unit('dir', [], { parentUnitId: 'div' })] })]);
    const highlights = { units: new Map([['dir', 'moved']]), posts: new Map([['cd', 'created']]), holders: new Map([['cd|p-cd', 'appointed']]) };

    const [division] = chartBoxes(s, names, highlights).children;

    expect(division.highlight).toBeNull();
    expect(division.children[0].highlight).toBe('moved');
    expect(division.blocks[0].posts[0]).toMatchObject({ highlight: 'created', holders: [{ highlight: 'appointed' }] });
  });
});
