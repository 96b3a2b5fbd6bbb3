import { acrossStreamsSpecification, day, organisationEstablished, unitDissolved, unitEstablished } from '@orgchange/testing';
import { organisationDecider } from '../organisations/organisation.decider';
import { isMemberOn } from '../organisations/organisation.state';
import type { ChangeMembership, RedrawBoundary } from './boundary.commands';
import type { BoundaryRedrawn, MembershipChanged } from './boundary.events';
import { decideAcrossOrganisations } from './cross-organisation.decider';

const spec = acrossStreamsSpecification(organisationDecider, decideAcrossOrganisations);
const on = '2024-04-01';

const change = (memberOrganisationId: string, kind: 'joined' | 'left', date = on, partnershipUnitId?: string): ChangeMembership => ({
  type: 'ChangeMembership',
  data: { groupOrganisationId: 'icb', memberOrganisationId, change: kind, effectiveFrom: day(date), ...(partnershipUnitId ? { partnershipUnitId } : {}) },
});
const changed = (memberOrganisationId: string, kind: 'joined' | 'left', date = on, partnershipUnitId?: string): MembershipChanged => ({
  type: 'MembershipChanged',
  version: 1,
  data: change(memberOrganisationId, kind, date, partnershipUnitId).data,
});
const redraw = (more: Partial<RedrawBoundary['data']> = {}): RedrawBoundary => ({
  type: 'RedrawBoundary',
  data: { fromOrganisationId: 'icb', toOrganisationId: 'council', description: 'Ward of Eastfield', population: 12000, budgetGbp: 0, effectiveFrom: day(on), ...more },
});

const icb = [organisationEstablished('icb', '2022-07-01'), unitEstablished('icb', 'neighbourhood', '2022-07-01', { kind: 'partnership', memberOrganisationIds: ['council'] })];
const practice = [organisationEstablished('practice', '1990-04-01')];
const council = [organisationEstablished('council', '1974-04-01')];
const orgs = { icb, practice, council };

describe('given a group and a practice that is not a member', () => {
  it('records the practice joining in both organisations', () =>
    spec.given(orgs).when(change('practice', 'joined')).then({ icb: [changed('practice', 'joined')], practice: [changed('practice', 'joined')] }));

  it('makes the practice a member of the group from the joining date, open-ended', () => {
    const states = spec.given(orgs).when(change('practice', 'joined')).thenStates({ icb: [changed('practice', 'joined')], practice: [changed('practice', 'joined')] });
    const members = states.icb.status === 'established' ? states.icb.members : [];
    expect([isMemberOn(members, 'practice', day('2024-03-31')), isMemberOn(members, 'practice', day(on)), isMemberOn(members, 'practice', day('2099-01-01'))]).toEqual([false, true, true]);
    expect(states.practice).toMatchObject({ memberships: [{ organisationId: 'icb', from: on }] });
  });

  it('rejects the practice leaving', () => spec.given(orgs).when(change('practice', 'left')).thenRejects('NotAMember'));

  it('rejects the group joining itself', () => spec.given(orgs).when(change('icb', 'joined')).thenRejects('MemberIsGroup'));

  it('rejects a member that does not exist', () => spec.given(orgs).when(change('unknown', 'joined')).thenRejects('OrganisationNotFound'));

  it('rejects joining before the group is established', () => spec.given(orgs).when(change('practice', 'joined', '2022-06-30')).thenRejects('OrganisationNotOpen'));

  it('rejects an impossible effective date', () => spec.given(orgs).when(change('practice', 'joined', '2023-02-30')).thenRejects('InvalidCalendarDate'));
});

describe('given a practice that joined the group on 2024-04-01', () => {
  const joined = { ...orgs, icb: [...icb, changed('practice', 'joined')], practice: [...practice, changed('practice', 'joined')] };

  it('rejects joining again later', () => spec.given(joined).when(change('practice', 'joined', '2025-01-01')).thenRejects('AlreadyMember'));

  it('rejects joining again on the same day', () => spec.given(joined).when(change('practice', 'joined')).thenRejects('AlreadyMember'));

  it('rejects leaving before it joined', () => spec.given(joined).when(change('practice', 'left', '2024-03-31')).thenRejects('NotAMember'));

  it('ends the membership on the leaving date', () => {
    const left = changed('practice', 'left', '2025-04-01');
    const states = spec.given(joined).when(change('practice', 'left', '2025-04-01')).thenStates({ icb: [left], practice: [left] });
    const members = states.icb.status === 'established' ? states.icb.members : [];
    expect([isMemberOn(members, 'practice', day('2025-03-31')), isMemberOn(members, 'practice', day('2025-04-01'))]).toEqual([true, false]);
    expect(states.practice).toMatchObject({ memberships: [{ organisationId: 'icb', from: on, until: '2025-04-01' }] });
  });

  it('accepts rejoining after leaving', () =>
    spec
      .given({ ...joined, icb: [...joined.icb, changed('practice', 'left', '2025-04-01')], practice: [...joined.practice, changed('practice', 'left', '2025-04-01')] })
      .when(change('practice', 'joined', '2025-04-01'))
      .then({ icb: [changed('practice', 'joined', '2025-04-01')], practice: [changed('practice', 'joined', '2025-04-01')] }));
});

describe('given a partnership unit with the council as a member', () => {
  it('rejects the council joining it again', () => spec.given(orgs).when(change('council', 'joined', on, 'neighbourhood')).thenRejects('AlreadyMember'));

  it('records the practice joining the partnership unit', () => {
    const event = changed('practice', 'joined', on, 'neighbourhood');
    const states = spec.given(orgs).when(change('practice', 'joined', on, 'neighbourhood')).thenStates({ icb: [event], practice: [event] });
    const unit = states.icb.status === 'established' ? states.icb.units.neighbourhood : undefined;
    expect(isMemberOn(unit?.members ?? [], 'practice', day(on))).toBe(true);
    expect(states.icb.status === 'established' && states.icb.members).toEqual([]);
    expect(states.practice).toMatchObject({ memberships: [{ organisationId: 'icb', from: on, partnershipUnitId: 'neighbourhood' }] });
  });

  it('records the council leaving the partnership unit', () =>
    spec.given(orgs).when(change('council', 'left', on, 'neighbourhood')).then({ icb: [changed('council', 'left', on, 'neighbourhood')], council: [changed('council', 'left', on, 'neighbourhood')] }));

  it('rejects the practice leaving a partnership it never joined', () => spec.given(orgs).when(change('practice', 'left', on, 'neighbourhood')).thenRejects('NotAMember'));

  it('rejects joining a dissolved partnership unit', () =>
    spec.given({ ...orgs, icb: [...icb, unitDissolved('icb', 'neighbourhood', '2024-01-01')] }).when(change('practice', 'joined', on, 'neighbourhood')).thenRejects('UnitNotOpen'));

  it('rejects joining a partnership unit that does not exist', () => spec.given(orgs).when(change('practice', 'joined', on, 'locality')).thenRejects('UnitNotOpen'));
});

describe('given two open organisations sharing a boundary', () => {
  const redrawn: BoundaryRedrawn = { type: 'BoundaryRedrawn', version: 1, data: redraw().data };

  it('records the redrawn boundary in both organisations', () => spec.given(orgs).when(redraw()).then({ icb: [redrawn], council: [redrawn] }));

  it('leaves both organisations open', () => {
    const states = spec.given(orgs).when(redraw()).thenStates({ icb: [redrawn], council: [redrawn] });
    expect(states.icb).not.toHaveProperty('closedOn');
    expect(states.council).not.toHaveProperty('closedOn');
  });

  it('rejects a negative population', () => spec.given(orgs).when(redraw({ population: -1 })).thenRejects('NegativeAmount'));

  it('rejects a negative budget', () => spec.given(orgs).when(redraw({ budgetGbp: -500 })).thenRejects('NegativeAmount'));

  it('rejects an area that is not a finite number', () => spec.given(orgs).when(redraw({ areaKm2: Number.POSITIVE_INFINITY })).thenRejects('NegativeAmount'));

  it('rejects a boundary within one organisation', () => spec.given(orgs).when(redraw({ toOrganisationId: 'icb' })).thenRejects('BoundaryWithinOrganisation'));

  it('rejects an impossible effective date', () => spec.given(orgs).when(redraw({ effectiveFrom: day('2023-02-30') })).thenRejects('InvalidCalendarDate'));
});
