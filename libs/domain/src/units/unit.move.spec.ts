import { day, deciderSpecification, organisationEstablished, unitDissolved, unitEstablished, unitMoved } from '@orgchange/testing';
import type { MoveUnit } from '../organisations/organisation.commands';
import { organisationDecider } from '../organisations/organisation.decider';
import { type OrganisationState, valueOn } from '../organisations/organisation.state';

const spec = deciderSpecification(organisationDecider);

const move = (unitId: string, on: string, toParentUnitId?: string): MoveUnit => ({
  type: 'MoveUnit',
  data: { organisationId: 'trust', unitId, effectiveFrom: day(on), ...(toParentUnitId ? { toParentUnitId } : {}) },
});
const parentOn = (state: OrganisationState, unitId: string, on: string): string | undefined =>
  state.status === 'established' ? valueOn(state.units[unitId].parents, day(on)) : 'no organisation';

/** surgery > orthopaedics > hip, and medicine, all under the trust. */
const tree = [
  organisationEstablished('trust', '2020-04-01'),
  unitEstablished('trust', 'surgery', '2020-04-01'),
  unitEstablished('trust', 'medicine', '2020-04-01'),
  unitEstablished('trust', 'orthopaedics', '2021-01-01', { kind: 'specialty', parentUnitId: 'surgery' }),
  unitEstablished('trust', 'hip', '2022-01-01', { kind: 'team', parentUnitId: 'orthopaedics' }),
];

describe('given an open organisation with two divisions and a specialty under one', () => {
  it('moves the specialty to the other division', () =>
    spec.given(tree).when(move('orthopaedics', '2024-04-01', 'medicine')).then([unitMoved('trust', 'orthopaedics', '2024-04-01', 'surgery', 'medicine')]));

  it('moves the specialty directly under the organisation', () =>
    spec.given(tree).when(move('orthopaedics', '2024-04-01')).then([unitMoved('trust', 'orthopaedics', '2024-04-01', 'surgery')]));

  it('moves a division under the other division', () =>
    spec.given(tree).when(move('medicine', '2024-04-01', 'surgery')).then([unitMoved('trust', 'medicine', '2024-04-01', undefined, 'surgery')]));

  it('keeps the moved unit under its old parent before the move and under the new one from its date', () => {
    const state = spec.given(tree).when(move('orthopaedics', '2024-04-01', 'medicine')).thenState([unitMoved('trust', 'orthopaedics', '2024-04-01', 'surgery', 'medicine')]);
    expect([parentOn(state, 'orthopaedics', '2024-03-31'), parentOn(state, 'orthopaedics', '2024-04-01')]).toEqual(['surgery', 'medicine']);
  });

  it('rejects an impossible effective date', () => spec.given(tree).when(move('orthopaedics', '2023-02-30', 'medicine')).thenRejects('InvalidCalendarDate'));

  it('rejects a move under the parent it already has', () => spec.given(tree).when(move('orthopaedics', '2024-04-01', 'surgery')).thenRejects('UnitAlreadyUnderParent'));

  it('rejects moving a top-level unit to the top level', () => spec.given(tree).when(move('medicine', '2024-04-01')).thenRejects('UnitAlreadyUnderParent'));

  it('rejects moving a unit under itself', () => spec.given(tree).when(move('surgery', '2024-04-01', 'surgery')).thenRejects('UnitTreeCycle'));

  it('rejects moving a division under its own specialty', () => spec.given(tree).when(move('surgery', '2024-04-01', 'orthopaedics')).thenRejects('UnitTreeCycle'));

  it('rejects moving a division under a team deep below it', () => spec.given(tree).when(move('surgery', '2024-04-01', 'hip')).thenRejects('UnitTreeCycle'));

  it('accepts a backdated move of a division, with the tree checked at every later change', () =>
    spec.given(tree).when(move('surgery', '2021-06-01', 'medicine')).thenEventTypes(['UnitMoved']));

  it('rejects moving a unit that does not exist', () => spec.given(tree).when(move('cardiology', '2024-04-01', 'medicine')).thenRejects('UnitNotFound'));

  it('rejects moving the specialty before it was established', () =>
    spec.given(tree).when(move('orthopaedics', '2020-12-31', 'medicine')).thenRejects('UnitNotOpen'));

  it('rejects a move on the day the unit was established (correct the establishment instead)', () =>
    spec.given(tree).when(move('orthopaedics', '2021-01-01', 'medicine')).thenRejects('UnitParentConflict'));

  it('rejects a new parent that does not exist', () => spec.given(tree).when(move('orthopaedics', '2024-04-01', 'cardiology')).thenRejects('ParentUnitNotOpen'));
});

describe('given a dissolved team', () => {
  const history = [...tree, unitDissolved('trust', 'hip', '2023-04-01')];

  it('rejects moving the team on the day it is dissolved', () => spec.given(history).when(move('hip', '2023-04-01', 'surgery')).thenRejects('UnitNotOpen'));

  it('rejects moving the team after it is dissolved', () => spec.given(history).when(move('hip', '2024-01-01', 'surgery')).thenRejects('UnitNotOpen'));

  it('accepts a backdated move of the team while it was open', () =>
    spec.given(history).when(move('hip', '2023-03-31', 'surgery')).then([unitMoved('trust', 'hip', '2023-03-31', 'orthopaedics', 'surgery')]));

  it('rejects a move under the team after it is dissolved', () => spec.given(history).when(move('medicine', '2023-04-01', 'hip')).thenRejects('ParentUnitNotOpen'));
});

describe('given a specialty already moving to medicine on 2024-04-01', () => {
  const history = [...tree, unitMoved('trust', 'orthopaedics', '2024-04-01', 'surgery', 'medicine')];

  it('rejects a second move of the specialty on the same date', () => spec.given(history).when(move('orthopaedics', '2024-04-01')).thenRejects('UnitParentConflict'));

  it('rejects a second move to the same parent on the same date', () =>
    spec.given(history).when(move('orthopaedics', '2024-04-01', 'medicine')).thenRejects('UnitAlreadyUnderParent'));

  it('accepts a move on the next day', () =>
    spec.given(history).when(move('orthopaedics', '2024-04-02')).then([unitMoved('trust', 'orthopaedics', '2024-04-02', 'medicine')]));

  it('places a backdated move in date order, before the later move', () => {
    const state = spec.given(history).when(move('orthopaedics', '2023-01-01')).thenState([unitMoved('trust', 'orthopaedics', '2023-01-01', 'surgery')]);
    expect(['2022-12-31', '2023-01-01', '2024-03-31', '2024-04-01'].map((on) => parentOn(state, 'orthopaedics', on))).toEqual([
      'surgery',
      undefined,
      undefined,
      'medicine',
    ]);
  });
});

describe('given medicine scheduled to move under surgery on 2025-01-01', () => {
  const history = [...tree, unitMoved('trust', 'medicine', '2025-01-01', undefined, 'surgery')];

  it('rejects moving surgery under medicine today, which would make a cycle once the scheduled move takes effect', () =>
    spec.given(history).when(move('surgery', '2024-04-01', 'medicine')).thenRejects('UnitTreeCycle'));

  it('rejects moving surgery under medicine on the day of the scheduled move', () =>
    spec.given(history).when(move('surgery', '2025-01-01', 'medicine')).thenRejects('UnitTreeCycle'));

  it('accepts moving the specialty under medicine today', () =>
    spec.given(history).when(move('orthopaedics', '2024-04-01', 'medicine')).thenEventTypes(['UnitMoved']));

  it('rejects moving surgery under a team of medicine, a deep cycle once the scheduled move takes effect', () =>
    spec.given([...history, unitMoved('trust', 'hip', '2023-01-01', 'orthopaedics', 'medicine')]).when(move('surgery', '2024-04-01', 'hip')).thenRejects('UnitTreeCycle'));
});
