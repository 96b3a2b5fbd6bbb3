import { day, deciderSpecification, organisationClosed, organisationEstablished, unitEstablished } from '@orgchange/testing';
import type { CloseOrganisation, EstablishOrganisation, EstablishUnit, RenameOrganisation } from './organisation.commands';
import { organisationDecider } from './organisation.decider';
import { valueOn } from './organisation.state';

const spec = deciderSpecification(organisationDecider);

const establish = (on: string): EstablishOrganisation => ({
  type: 'EstablishOrganisation',
  data: { organisationId: 'trust', name: 'Organisation trust', kind: 'nhs-trust', effectiveFrom: day(on) },
});
const rename = (on: string, name = 'Riverside NHS Trust'): RenameOrganisation => ({ type: 'RenameOrganisation', data: { organisationId: 'trust', name, effectiveFrom: day(on) } });
const close = (on: string): CloseOrganisation => ({ type: 'CloseOrganisation', data: { organisationId: 'trust', effectiveFrom: day(on) } });
const establishUnit = (on: string): EstablishUnit => ({
  type: 'EstablishUnit',
  data: { organisationId: 'trust', unitId: 'surgery', name: 'Surgery', kind: 'division', effectiveFrom: day(on) },
});

const established = organisationEstablished('trust', '2020-04-01');

describe('given no organisation', () => {
  it('establishes it', () => spec.given([]).when(establish('2020-04-01')).then([established]));
  it('rejects an impossible effective date', () => spec.given([]).when(establish('2023-02-30')).thenRejects('InvalidCalendarDate'));
  it('rejects a rename', () => spec.given([]).when(rename('2021-01-01')).thenRejects('OrganisationNotFound'));
  it('rejects a closure', () => spec.given([]).when(close('2021-01-01')).thenRejects('OrganisationNotFound'));
  it('rejects a unit', () => spec.given([]).when(establishUnit('2021-01-01')).thenRejects('OrganisationNotFound'));
});

describe('given an open organisation', () => {
  it('rejects establishing it again', () => spec.given([established]).when(establish('2021-01-01')).thenRejects('OrganisationAlreadyExists'));

  it('renames it from the effective date, keeping the old name before', () => {
    const state = spec.given([established]).when(rename('2022-04-01')).thenState([
      { type: 'OrganisationRenamed', version: 1, data: { organisationId: 'trust', name: 'Riverside NHS Trust', effectiveFrom: day('2022-04-01') } },
    ]);
    expect(state.status === 'established' && valueOn(state.names, day('2022-03-31'))).toBe('Organisation trust');
    expect(state.status === 'established' && valueOn(state.names, day('2022-04-01'))).toBe('Riverside NHS Trust');
  });

  it('renames it on the day it was established', () =>
    spec.given([established]).when(rename('2020-04-01')).thenEventTypes(['OrganisationRenamed']));

  it('rejects a rename before it was established', () => spec.given([established]).when(rename('2020-03-31')).thenRejects('OrganisationNotOpen'));

  it('closes it', () => spec.given([established]).when(close('2024-03-31')).then([organisationClosed('trust', '2024-03-31')]));

  it('rejects an impossible closure date', () => spec.given([established]).when(close('2023-02-30')).thenRejects('InvalidCalendarDate'));
});

describe('given an organisation closed on 2024-04-01', () => {
  const history = [established, organisationClosed('trust', '2024-04-01')];

  it('rejects a rename on the closing day', () => spec.given(history).when(rename('2024-04-01')).thenRejects('OrganisationNotOpen'));
  it('rejects a rename after closure', () => spec.given(history).when(rename('2025-01-01')).thenRejects('OrganisationNotOpen'));
  it('still accepts a backdated rename while it was open', () => spec.given(history).when(rename('2023-01-01')).thenEventTypes(['OrganisationRenamed']));
  it('rejects closing it again on the same day', () => spec.given(history).when(close('2024-04-01')).thenRejects('OrganisationAlreadyClosed'));
  it('rejects closing it again later', () => spec.given(history).when(close('2025-01-01')).thenRejects('OrganisationAlreadyClosed'));
  it('rejects closing it again on an earlier date', () => spec.given(history).when(close('2023-01-01')).thenRejects('OrganisationAlreadyClosed'));
  it('rejects establishing a unit after closure', () => spec.given(history).when(establishUnit('2024-06-01')).thenRejects('OrganisationNotOpen'));
  it('rejects establishing a unit on the closing day', () => spec.given(history).when(establishUnit('2024-04-01')).thenRejects('OrganisationNotOpen'));
  it('accepts a unit established the day before closure', () => {
    const unit = unitEstablished('trust', 'surgery', '2024-03-31');
    spec.given(history).when(establishUnit('2024-03-31')).then([{ ...unit, data: { ...unit.data, name: 'Surgery' } }]);
  });
});
