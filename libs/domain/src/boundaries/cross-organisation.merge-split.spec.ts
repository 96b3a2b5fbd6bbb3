import { acrossStreamsSpecification, day, deciderSpecification, organisationClosed, organisationEstablished, unitEstablished } from '@orgchange/testing';
import type { RenameOrganisation } from '../organisations/organisation.commands';
import { organisationDecider } from '../organisations/organisation.decider';
import type { OrganisationsMerged, OrganisationSplit } from '../organisations/organisation.events';
import type { MergeOrganisations, SplitOrganisation } from './boundary.commands';
import { decideAcrossOrganisations } from './cross-organisation.decider';

const spec = acrossStreamsSpecification(organisationDecider, decideAcrossOrganisations);
const single = deciderSpecification(organisationDecider);
const on = '2024-04-01';

const merge = (predecessorIds: string[], successorId: string, date = on): MergeOrganisations => ({
  type: 'MergeOrganisations',
  data: { predecessorIds, successorId, effectiveFrom: day(date) },
});
const split = (predecessorId: string, successorIds: string[], date = on): SplitOrganisation => ({
  type: 'SplitOrganisation',
  data: { predecessorId, successorIds, effectiveFrom: day(date) },
});
const merged = (predecessorIds: string[], successorId: string): OrganisationsMerged => ({ type: 'OrganisationsMerged', version: 1, data: { predecessorIds, successorId, effectiveFrom: day(on) } });
const splitEvent = (predecessorId: string, successorIds: string[]): OrganisationSplit => ({ type: 'OrganisationSplit', version: 1, data: { predecessorId, successorIds, effectiveFrom: day(on) } });
const rename = (organisationId: string, date: string): RenameOrganisation => ({ type: 'RenameOrganisation', data: { organisationId, name: 'Renamed', effectiveFrom: day(date) } });

const north = [organisationEstablished('north', '2010-04-01'), unitEstablished('north', 'surgery', '2010-04-01')];
const south = [organisationEstablished('south', '2012-04-01')];
const combined = [organisationEstablished('combined', on)];
const three = { north, south, combined };

describe('given two open trusts and a successor established on the merge date', () => {
  it('records the same merge in every involved organisation', () =>
    spec.given(three).when(merge(['north', 'south'], 'combined')).then({
      north: [merged(['north', 'south'], 'combined')],
      south: [merged(['north', 'south'], 'combined')],
      combined: [merged(['north', 'south'], 'combined')],
    }));

  it('closes the predecessors on the merge date and links them to the successor', () => {
    const event = merged(['north', 'south'], 'combined');
    const states = spec.given(three).when(merge(['north', 'south'], 'combined')).thenStates({ north: [event], south: [event], combined: [event] });
    expect(states.north).toMatchObject({ closedOn: on, successorIds: ['combined'] });
    expect(states.south).toMatchObject({ closedOn: on, successorIds: ['combined'] });
    expect(states.combined).toMatchObject({ predecessorIds: ['north', 'south'] });
    expect(states.combined).not.toHaveProperty('closedOn');
  });

  it('rejects a successor that is also a predecessor', () => spec.given(three).when(merge(['north', 'south'], 'north')).thenRejects('SuccessorIsPredecessor'));

  it('rejects a merge without predecessors', () => spec.given(three).when(merge([], 'combined')).thenRejects('MergeNeedsPredecessors'));

  it('rejects a predecessor named twice', () => spec.given(three).when(merge(['north', 'north'], 'combined')).thenRejects('DuplicateIds'));

  it('rejects a successor that does not exist', () => spec.given(three).when(merge(['north', 'south'], 'unknown')).thenRejects('OrganisationNotFound'));

  it('rejects a merge dated before the successor is established', () =>
    spec.given(three).when(merge(['north', 'south'], 'combined', '2024-03-31')).thenRejects('OrganisationNotOpen'));

  it('rejects an impossible effective date', () => spec.given(three).when(merge(['north', 'south'], 'combined', '2023-02-30')).thenRejects('InvalidCalendarDate'));

  it('rejects a predecessor that closed before the merge', () =>
    spec.given({ ...three, south: [...south, organisationClosed('south', '2024-01-01')] }).when(merge(['north', 'south'], 'combined')).thenRejects('OrganisationNotOpen'));
});

describe('given a trust merged away on 2024-04-01', () => {
  const event = merged(['north', 'south'], 'combined');
  const mergedNorth = [...north, event];

  it('rejects a rename of the predecessor on the merge date', () => single.given(mergedNorth).when(rename('north', on)).thenRejects('OrganisationNotOpen'));

  it('rejects a rename of the predecessor after the merge', () => single.given(mergedNorth).when(rename('north', '2025-01-01')).thenRejects('OrganisationNotOpen'));

  it('accepts a backdated rename of the predecessor while it was open', () => single.given(mergedNorth).when(rename('north', '2024-03-31')).thenEventTypes(['OrganisationRenamed']));

  it('rejects a unit in the predecessor after the merge', () =>
    single
      .given(mergedNorth)
      .when({ type: 'EstablishUnit', data: { organisationId: 'north', unitId: 'medicine', name: 'Medicine', kind: 'division', effectiveFrom: day('2024-06-01') } })
      .thenRejects('OrganisationNotOpen'));

  it('rejects merging the predecessor again', () =>
    spec.given({ north: mergedNorth, combined: [...combined, event] }).when(merge(['north'], 'combined', '2024-06-01')).thenRejects('OrganisationNotOpen'));

  it('accepts renaming the successor after the merge', () => single.given([...combined, event]).when(rename('combined', '2024-06-01')).thenEventTypes(['OrganisationRenamed']));
});

describe('given an open trust and two successors', () => {
  const successors = { north, east: [organisationEstablished('east', on)], west: [organisationEstablished('west', on)] };

  it('records the same split in the predecessor and in each successor', () =>
    spec.given(successors).when(split('north', ['east', 'west'])).then({
      north: [splitEvent('north', ['east', 'west'])],
      east: [splitEvent('north', ['east', 'west'])],
      west: [splitEvent('north', ['east', 'west'])],
    }));

  it('closes the predecessor and links each successor back to it', () => {
    const event = splitEvent('north', ['east', 'west']);
    const states = spec.given(successors).when(split('north', ['east', 'west'])).thenStates({ north: [event], east: [event], west: [event] });
    expect(states.north).toMatchObject({ closedOn: on, successorIds: ['east', 'west'] });
    expect(states.east).toMatchObject({ predecessorIds: ['north'] });
    expect(states.west).toMatchObject({ predecessorIds: ['north'] });
  });

  it('rejects a split into one successor', () => spec.given(successors).when(split('north', ['east'])).thenRejects('SplitNeedsTwoSuccessors'));

  it('rejects a split into itself', () => spec.given(successors).when(split('north', ['north', 'east'])).thenRejects('SuccessorIsPredecessor'));

  it('rejects a successor named twice', () => spec.given(successors).when(split('north', ['east', 'east'])).thenRejects('DuplicateIds'));

  it('rejects a split before the successors are established', () => spec.given(successors).when(split('north', ['east', 'west'], '2024-03-31')).thenRejects('OrganisationNotOpen'));

  it('rejects an impossible effective date', () => spec.given(successors).when(split('north', ['east', 'west'], '2023-02-30')).thenRejects('InvalidCalendarDate'));
});
