import { day, deciderSpecification, organisationEstablished, unitDissolved, unitEstablished, unitMoved } from '@orgchange/testing';
import type { MergeUnits, NewUnit, SplitUnit } from '../organisations/organisation.commands';
import { organisationDecider } from '../organisations/organisation.decider';
import { type OrganisationState, type UnitRecord, valueOn } from '../organisations/organisation.state';
import type { UnitsMerged, UnitSplit } from './unit.events';

const spec = deciderSpecification(organisationDecider);
const on = '2024-04-01';

const merge = (unitIds: string[], successor: { successorUnitId?: string; newSuccessor?: NewUnit }, date = on): MergeUnits => ({
  type: 'MergeUnits',
  data: { organisationId: 'trust', unitIds, effectiveFrom: day(date), ...successor },
});
const split = (unitId: string, successorIds: string[], childAllocation?: Record<string, string>, date = on): SplitUnit => ({
  type: 'SplitUnit',
  data: { organisationId: 'trust', unitId, successors: successorIds.map((id) => ({ unitId: id, name: `Unit ${id}`, kind: 'division' })), effectiveFrom: day(date), ...(childAllocation ? { childAllocation } : {}) },
});
const merged = (unitIds: string[], successorUnitId: string): UnitsMerged => ({ type: 'UnitsMerged', version: 1, data: { organisationId: 'trust', unitIds, successorUnitId, effectiveFrom: day(on) } });
const splitEvent = (unitId: string, successorUnitIds: string[]): UnitSplit => ({ type: 'UnitSplit', version: 1, data: { organisationId: 'trust', unitId, successorUnitIds, effectiveFrom: day(on) } });
const unitIn = (state: OrganisationState, unitId: string): UnitRecord | undefined => (state.status === 'established' ? state.units[unitId] : undefined);

/** surgery > (orthopaedics, urology); medicine > cardiology; theatres, all from 2020-04-01 or 2021-01-01. */
const tree = [
  organisationEstablished('trust', '2020-04-01'),
  unitEstablished('trust', 'surgery', '2020-04-01'),
  unitEstablished('trust', 'medicine', '2020-04-01'),
  unitEstablished('trust', 'theatres', '2020-04-01'),
  unitEstablished('trust', 'orthopaedics', '2021-01-01', { kind: 'specialty', parentUnitId: 'surgery' }),
  unitEstablished('trust', 'urology', '2021-01-01', { kind: 'specialty', parentUnitId: 'surgery' }),
  unitEstablished('trust', 'cardiology', '2021-01-01', { kind: 'specialty', parentUnitId: 'medicine' }),
];
const newDivision: NewUnit = { unitId: 'surgery-and-medicine', name: 'Unit surgery-and-medicine', kind: 'division' };

describe('given an open organisation with two divisions that have specialties', () => {
  it('rejects a merge of one unit', () => spec.given(tree).when(merge(['surgery'], { successorUnitId: 'surgery' })).thenRejects('MergeNeedsTwoUnits'));

  it('rejects a merge naming a unit twice', () => spec.given(tree).when(merge(['surgery', 'surgery'], { successorUnitId: 'surgery' })).thenRejects('DuplicateIds'));

  it('rejects a merge without a successor', () => spec.given(tree).when(merge(['surgery', 'medicine'], {})).thenRejects('MergeNeedsOneSuccessor'));

  it('rejects a merge with both an existing and a new successor', () =>
    spec.given(tree).when(merge(['surgery', 'medicine'], { successorUnitId: 'surgery', newSuccessor: newDivision })).thenRejects('MergeNeedsOneSuccessor'));

  it('rejects a merge of a unit that does not exist', () => spec.given(tree).when(merge(['surgery', 'oncology'], { successorUnitId: 'surgery' })).thenRejects('UnitNotFound'));

  it('rejects a merge before a unit was established', () =>
    spec.given(tree).when(merge(['orthopaedics', 'urology'], { successorUnitId: 'orthopaedics' }, '2020-12-31')).thenRejects('UnitNotOpen'));

  it('rejects an impossible effective date', () => spec.given(tree).when(merge(['surgery', 'medicine'], { successorUnitId: 'surgery' }, '2023-02-30')).thenRejects('InvalidCalendarDate'));

  it('merges into a new division, moving every child of the merged units to it', () =>
    spec.given(tree).when(merge(['surgery', 'medicine'], { newSuccessor: newDivision })).then([
      unitEstablished('trust', 'surgery-and-medicine', on),
      unitMoved('trust', 'orthopaedics', on, 'surgery', 'surgery-and-medicine'),
      unitMoved('trust', 'urology', on, 'surgery', 'surgery-and-medicine'),
      unitMoved('trust', 'cardiology', on, 'medicine', 'surgery-and-medicine'),
      merged(['surgery', 'medicine'], 'surgery-and-medicine'),
    ]));

  it('closes the merged units and opens the new division from the merge date', () => {
    const state = spec.given(tree).when(merge(['surgery', 'medicine'], { newSuccessor: newDivision })).thenState([
      unitEstablished('trust', 'surgery-and-medicine', on),
      unitMoved('trust', 'orthopaedics', on, 'surgery', 'surgery-and-medicine'),
      unitMoved('trust', 'urology', on, 'surgery', 'surgery-and-medicine'),
      unitMoved('trust', 'cardiology', on, 'medicine', 'surgery-and-medicine'),
      merged(['surgery', 'medicine'], 'surgery-and-medicine'),
    ]);
    expect(unitIn(state, 'surgery')).toMatchObject({ closedOn: on, closure: 'merged', successorUnitIds: ['surgery-and-medicine'] });
    expect(unitIn(state, 'medicine')).toMatchObject({ closedOn: on, closure: 'merged' });
    expect(valueOn(unitIn(state, 'cardiology')!.parents, day('2024-03-31'))).toBe('medicine');
    expect(valueOn(unitIn(state, 'cardiology')!.parents, day(on))).toBe('surgery-and-medicine');
  });

  it('merges into one of the merged units, which carries on with its own children', () => {
    const state = spec.given(tree).when(merge(['surgery', 'medicine'], { successorUnitId: 'surgery' })).thenState([
      unitMoved('trust', 'cardiology', on, 'medicine', 'surgery'),
      merged(['surgery', 'medicine'], 'surgery'),
    ]);
    expect(unitIn(state, 'surgery')?.closedOn).toBeUndefined();
    expect(unitIn(state, 'medicine')?.closedOn).toBe(on);
  });

  it('merges into an existing unit outside the merge', () =>
    spec.given(tree).when(merge(['surgery', 'medicine'], { successorUnitId: 'theatres' })).then([
      unitMoved('trust', 'orthopaedics', on, 'surgery', 'theatres'),
      unitMoved('trust', 'urology', on, 'surgery', 'theatres'),
      unitMoved('trust', 'cardiology', on, 'medicine', 'theatres'),
      merged(['surgery', 'medicine'], 'theatres'),
    ]));

  it('merges two leaf specialties without moving anything', () =>
    spec.given(tree).when(merge(['orthopaedics', 'urology'], { successorUnitId: 'orthopaedics' })).then([merged(['orthopaedics', 'urology'], 'orthopaedics')]));

  it('rejects a successor that does not exist', () => spec.given(tree).when(merge(['surgery', 'medicine'], { successorUnitId: 'oncology' })).thenRejects('SuccessorUnitNotOpen'));

  it('rejects a new successor whose id is taken', () =>
    spec.given(tree).when(merge(['surgery', 'medicine'], { newSuccessor: { ...newDivision, unitId: 'theatres' } })).thenRejects('UnitAlreadyExists'));

  it('rejects a split into one successor', () => spec.given(tree).when(split('medicine', ['medicine-north'], { cardiology: 'medicine-north' })).thenRejects('SplitNeedsTwoSuccessors'));

  it('rejects a split naming a successor twice', () => spec.given(tree).when(split('medicine', ['medicine-north', 'medicine-north'])).thenRejects('DuplicateIds'));

  it('rejects a split that leaves a child unallocated', () =>
    spec.given(tree).when(split('surgery', ['surgery-north', 'surgery-south'], { orthopaedics: 'surgery-north' })).thenRejects('SplitLeavesChildrenUnallocated'));

  it('rejects a split that allocates a child to a unit that is not a successor', () =>
    spec.given(tree).when(split('surgery', ['surgery-north', 'surgery-south'], { orthopaedics: 'surgery-north', urology: 'theatres' })).thenRejects('SplitLeavesChildrenUnallocated'));

  it('rejects a successor whose id is taken', () => spec.given(tree).when(split('theatres', ['theatres', 'theatres-south'])).thenRejects('UnitAlreadyExists'));

  it('splits a division: creates the successors, moves each child as allocated, then records the split', () =>
    spec.given(tree).when(split('surgery', ['surgery-north', 'surgery-south'], { orthopaedics: 'surgery-north', urology: 'surgery-south' })).then([
      unitEstablished('trust', 'surgery-north', on),
      unitEstablished('trust', 'surgery-south', on),
      unitMoved('trust', 'orthopaedics', on, 'surgery', 'surgery-north'),
      unitMoved('trust', 'urology', on, 'surgery', 'surgery-south'),
      splitEvent('surgery', ['surgery-north', 'surgery-south']),
    ]));

  it('splits a specialty into successors under its own parent', () =>
    spec.given(tree).when(split('cardiology', ['cardiology-north', 'cardiology-south'])).then([
      unitEstablished('trust', 'cardiology-north', on, { parentUnitId: 'medicine' }),
      unitEstablished('trust', 'cardiology-south', on, { parentUnitId: 'medicine' }),
      splitEvent('cardiology', ['cardiology-north', 'cardiology-south']),
    ]));

  it('closes the split unit and leaves each child under its successor', () => {
    const state = spec.given(tree).when(split('medicine', ['medicine-north', 'medicine-south'], { cardiology: 'medicine-south' })).thenState([
      unitEstablished('trust', 'medicine-north', on),
      unitEstablished('trust', 'medicine-south', on),
      unitMoved('trust', 'cardiology', on, 'medicine', 'medicine-south'),
      splitEvent('medicine', ['medicine-north', 'medicine-south']),
    ]);
    expect(unitIn(state, 'medicine')).toMatchObject({ closedOn: on, closure: 'split', successorUnitIds: ['medicine-north', 'medicine-south'] });
    expect(valueOn(unitIn(state, 'cardiology')!.parents, day(on))).toBe('medicine-south');
  });
});

describe('given a dissolved division', () => {
  const history = [...tree, unitDissolved('trust', 'theatres', '2023-04-01')];

  it('rejects merging it', () => spec.given(history).when(merge(['surgery', 'theatres'], { successorUnitId: 'surgery' })).thenRejects('UnitNotOpen'));

  it('rejects merging into it', () => spec.given(history).when(merge(['surgery', 'medicine'], { successorUnitId: 'theatres' })).thenRejects('SuccessorUnitNotOpen'));

  it('accepts a backdated merge from before its dissolution', () => {
    spec.given(history).when(merge(['surgery', 'theatres'], { successorUnitId: 'surgery' }, '2023-03-31')).thenEventTypes(['UnitsMerged']);
  });

  it('rejects splitting it', () => spec.given(history).when(split('theatres', ['theatres-north', 'theatres-south'])).thenRejects('UnitNotOpen'));
});
