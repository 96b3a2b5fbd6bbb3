import type { HolderView, PostView, StructureView, UnitView } from '../structure/structure.types';
import { diffStructures } from './structure-diff';

const holder = (personId: string, kind = 'substantive'): HolderView => ({
  appointmentId: `appt-${personId}-${kind}`,
  personId,
  profession: 'doctor',
  kind,
  from: '2015-04-01',
  until: null,
  coveringForPersonId: null,
  employingOrganisationId: 'trust',
  fraction: null,
  programmedActivities: null,
});

const post = (postId: string, unitId: string, holders: HolderView[] = [], title = `Post ${postId}`, grade = 'consultant'): PostView => ({
  postId, unitId, title, family: 'medical-leadership', grade, maxHolders: 1, programmedActivities: null, groupId: null, groupRole: null,
  holders, vacancies: holders.length > 0 ? 0 : 1, heldByClinician: false, span: null,
});

const unit = (unitId: string, more: { name?: string; parentUnitId?: string; posts?: PostView[]; children?: UnitView[] } = {}): UnitView => ({
  unitId, name: more.name ?? `Unit ${unitId}`, kind: 'division', parentUnitId: more.parentUnitId ?? null, hostOrganisationId: 'trust',
  memberOrganisationIds: [], employingOrganisationId: null, posts: more.posts ?? [], children: more.children ?? [],
});

const structure = (units: UnitView[]): StructureView => ({
  organisation: { organisationId: 'trust', name: 'Trust', kind: 'nhs-trust', code: null, openFrom: '2012-04-01', closesOn: null },
  at: '2018-01-01', knownAt: '2024-01-01T00:00:00.000Z', asOfPosition: 10, units, partnerships: [], groups: [], managementLayers: 1,
  counts: { units: units.length, posts: 0, vacancies: 0, actingOrCovering: 0 },
});

describe('diffing two structures', () => {
  it('finds units added and removed, and units renamed or moved, anywhere in the tree', () => {
    const before = structure([unit('div-a', { children: [unit('dir-x', { parentUnitId: 'div-a' })] }), unit('div-b', { name: 'Surgery' })]);
    const after = structure([unit('div-ab', { children: [unit('dir-x', { parentUnitId: 'div-ab' })] }), unit('div-b', { name: 'Surgical Services' })]);

    expect(diffStructures(before, after).units).toEqual({
      added: [{ unitId: 'div-ab', name: 'Unit div-ab', kind: 'division', parentUnitId: null }],
      removed: [{ unitId: 'div-a', name: 'Unit div-a', kind: 'division', parentUnitId: null }],
      renamed: [{ unitId: 'div-b', fromName: 'Surgery', toName: 'Surgical Services' }],
      moved: [{ unitId: 'dir-x', name: 'Unit dir-x', fromParentUnitId: 'div-a', toParentUnitId: 'div-ab' }],
    });
  });

  it('finds posts created, abolished, retitled and regraded', () => {
    const before = structure([unit('div', { posts: [post('cd', 'div', [], 'Clinical Director'), post('old', 'div'), post('bm', 'div', [], 'Business Manager', '8b')] })]);
    const after = structure([unit('div', { posts: [post('cd', 'div', [], 'Clinical Lead'), post('new', 'div'), post('bm', 'div', [], 'Business Manager', '8c')] })]);

    expect(diffStructures(before, after).posts).toEqual({
      created: [{ postId: 'new', unitId: 'div', title: 'Post new' }],
      abolished: [{ postId: 'old', unitId: 'div', title: 'Post old' }],
      retitled: [{ postId: 'cd', fromTitle: 'Clinical Director', toTitle: 'Clinical Lead' }],
      regraded: [{ postId: 'bm', title: 'Business Manager', fromGrade: '8b', toGrade: '8c' }],
    });
  });

  it('matches holders by post and person: appointed, left, and acting made substantive as a change of kind', () => {
    const before = structure([unit('div', { posts: [post('cd', 'div', [holder('p-1', 'acting')]), post('bm', 'div', [holder('p-2')])] })]);
    const after = structure([unit('div', { posts: [post('cd', 'div', [holder('p-1')]), post('bm', 'div', [holder('p-3')])] })]);

    expect(diffStructures(before, after).holders).toEqual({
      appointed: [{ postId: 'bm', title: 'Post bm', personId: 'p-3', kind: 'substantive' }],
      left: [{ postId: 'bm', title: 'Post bm', personId: 'p-2', kind: 'substantive' }],
      kindChanged: [{ postId: 'cd', title: 'Post cd', personId: 'p-1', fromKind: 'acting', toKind: 'substantive' }],
    });
  });

  it('treats a side where the organisation was not open as empty', () => {
    const diff = diffStructures(undefined, structure([unit('div', { posts: [post('cd', 'div', [holder('p-1')])] })]));

    expect([diff.units.added.length, diff.posts.created.length, diff.holders.appointed.length, diff.units.removed.length]).toEqual([1, 1, 1, 0]);
  });

  it('finds nothing between identical structures', () => {
    const same = structure([unit('div', { posts: [post('cd', 'div', [holder('p-1')])] })]);
    const diff = diffStructures(same, same);

    expect([...Object.values(diff.units), ...Object.values(diff.posts), ...Object.values(diff.holders)].every((list) => list.length === 0)).toBe(true);
  });
});
