import { day, deciderSpecification, organisationEstablished, unitDissolved, unitEstablished, unitMoved } from '@orgchange/testing';
import type { DissolveUnit, EstablishUnit, RenameUnit } from '../organisations/organisation.commands';
import { organisationDecider } from '../organisations/organisation.decider';
import { valueOn } from '../organisations/organisation.state';

const spec = deciderSpecification(organisationDecider);

const establish = (unitId: string, on: string, more: Partial<EstablishUnit['data']> = {}): EstablishUnit => ({
  type: 'EstablishUnit',
  data: { organisationId: 'trust', unitId, name: `Unit ${unitId}`, kind: 'division', effectiveFrom: day(on), ...more },
});
const rename = (unitId: string, on: string): RenameUnit => ({ type: 'RenameUnit', data: { organisationId: 'trust', unitId, name: 'Surgery and Theatres', effectiveFrom: day(on) } });
const dissolve = (unitId: string, on: string): DissolveUnit => ({ type: 'DissolveUnit', data: { organisationId: 'trust', unitId, effectiveFrom: day(on) } });

const trust = organisationEstablished('trust', '2020-04-01');
const surgery = unitEstablished('trust', 'surgery', '2021-04-01');

describe('given an open organisation', () => {
  it('establishes a unit directly under the organisation', () => spec.given([trust]).when(establish('surgery', '2021-04-01')).then([surgery]));

  it('establishes a unit on the day the organisation is established', () =>
    spec.given([trust]).when(establish('surgery', '2020-04-01')).then([unitEstablished('trust', 'surgery', '2020-04-01')]));

  it('rejects a unit before the organisation is established', () => spec.given([trust]).when(establish('surgery', '2020-03-31')).thenRejects('OrganisationNotOpen'));

  it('rejects an impossible effective date', () => spec.given([trust]).when(establish('surgery', '2023-02-30')).thenRejects('InvalidCalendarDate'));

  it('establishes a partnership unit with other member organisations', () => {
    const command = establish('neighbourhood', '2023-04-01', { kind: 'partnership', memberOrganisationIds: ['council', 'gp-1'] });
    const state = spec.given([trust]).when(command).thenState([{ type: 'UnitEstablished', version: 1, data: command.data }]);
    expect(state.status === 'established' && state.units.neighbourhood.members).toEqual([
      { organisationId: 'council', from: '2023-04-01' },
      { organisationId: 'gp-1', from: '2023-04-01' },
    ]);
  });

  it('rejects a partnership unit that lists its host as a member', () =>
    spec.given([trust]).when(establish('neighbourhood', '2023-04-01', { kind: 'partnership', memberOrganisationIds: ['council', 'trust'] })).thenRejects('PartnershipMemberIsHost'));

  it('rejects a partnership unit that lists a member twice', () =>
    spec.given([trust]).when(establish('neighbourhood', '2023-04-01', { kind: 'partnership', memberOrganisationIds: ['council', 'council'] })).thenRejects('DuplicateIds'));

  it('rejects a parent that does not exist', () => spec.given([trust]).when(establish('orthopaedics', '2021-04-01', { parentUnitId: 'surgery' })).thenRejects('ParentUnitNotOpen'));
});

describe('given an open organisation with a division', () => {
  const history = [trust, surgery];

  it('rejects a unit with the same id', () => spec.given(history).when(establish('surgery', '2022-01-01')).thenRejects('UnitAlreadyExists'));

  it('establishes a unit under the division', () =>
    spec.given(history).when(establish('orthopaedics', '2022-01-01', { kind: 'specialty', parentUnitId: 'surgery' })).then([
      unitEstablished('trust', 'orthopaedics', '2022-01-01', { kind: 'specialty', parentUnitId: 'surgery' }),
    ]));

  it('establishes a unit under the division on the day the division is established', () => {
    spec.given(history).when(establish('orthopaedics', '2021-04-01', { parentUnitId: 'surgery' })).thenEventTypes(['UnitEstablished']);
  });

  it('rejects a backdated unit under the division before the division existed', () =>
    spec.given(history).when(establish('orthopaedics', '2021-03-31', { parentUnitId: 'surgery' })).thenRejects('ParentUnitNotOpen'));

  it('renames the division from the effective date', () => {
    const state = spec.given(history).when(rename('surgery', '2023-01-01')).thenState([
      { type: 'UnitRenamed', version: 1, data: { organisationId: 'trust', unitId: 'surgery', name: 'Surgery and Theatres', effectiveFrom: day('2023-01-01') } },
    ]);
    const names = state.status === 'established' ? state.units.surgery.names : [];
    expect([valueOn(names, day('2022-12-31')), valueOn(names, day('2023-01-01'))]).toEqual(['Unit surgery', 'Surgery and Theatres']);
  });

  it('rejects renaming the division before it was established', () => spec.given(history).when(rename('surgery', '2021-03-31')).thenRejects('UnitNotOpen'));

  it('rejects renaming a unit that does not exist', () => spec.given(history).when(rename('medicine', '2023-01-01')).thenRejects('UnitNotFound'));

  it('dissolves the division', () => spec.given(history).when(dissolve('surgery', '2024-04-01')).then([unitDissolved('trust', 'surgery', '2024-04-01')]));
});

describe('given a dissolved division', () => {
  const history = [trust, surgery, unitDissolved('trust', 'surgery', '2024-04-01')];

  it('rejects a unit under it on the day it is dissolved', () =>
    spec.given(history).when(establish('orthopaedics', '2024-04-01', { parentUnitId: 'surgery' })).thenRejects('ParentUnitNotOpen'));

  it('accepts a backdated unit under it while it was open', () => {
    spec.given(history).when(establish('orthopaedics', '2024-03-31', { parentUnitId: 'surgery' })).thenEventTypes(['UnitEstablished']);
  });

  it('rejects renaming it after dissolution', () => spec.given(history).when(rename('surgery', '2024-06-01')).thenRejects('UnitNotOpen'));

  it('rejects dissolving it again', () => spec.given(history).when(dissolve('surgery', '2024-06-01')).thenRejects('UnitNotOpen'));

  it('rejects re-using its id', () => spec.given(history).when(establish('surgery', '2025-01-01')).thenRejects('UnitAlreadyExists'));
});

describe('given a division with an open specialty', () => {
  const history = [trust, surgery, unitEstablished('trust', 'orthopaedics', '2022-01-01', { parentUnitId: 'surgery' })];

  it('rejects dissolving the division', () => spec.given(history).when(dissolve('surgery', '2024-04-01')).thenRejects('UnitHasOpenChildren'));

  it('rejects dissolving the division before the specialty is established under it', () =>
    spec.given(history).when(dissolve('surgery', '2021-12-31')).thenRejects('UnitHasOpenChildren'));

  it('dissolves the division on the day the specialty moves out', () =>
    spec.given([...history, unitMoved('trust', 'orthopaedics', '2024-04-01', 'surgery')]).when(dissolve('surgery', '2024-04-01')).thenEventTypes(['UnitDissolved']));

  it('dissolves the division once the specialty is dissolved', () =>
    spec.given([...history, unitDissolved('trust', 'orthopaedics', '2024-03-01')]).when(dissolve('surgery', '2024-04-01')).thenEventTypes(['UnitDissolved']));
});

describe('given a division that another unit is scheduled to move under on 2025-01-01', () => {
  const history = [trust, surgery, unitEstablished('trust', 'theatres', '2021-04-01'), unitMoved('trust', 'theatres', '2025-01-01', undefined, 'surgery')];

  it('rejects dissolving the division before the move', () => spec.given(history).when(dissolve('surgery', '2024-04-01')).thenRejects('UnitHasOpenChildren'));
});
