import type { CalendarDate } from '@orgchange/domain';
import { PlannedStructure } from './planned-structure';
import { change } from './testing/impact-specification';

const day = (iso: string) => iso as CalendarDate;

describe('the people planned changes put in a post', () => {
  const planned = new PlannedStructure([
    change.createPost('cd-new', 'div-surg', '2024-04-01'),
    change.startAppointment('cd-new', 'p-first', '2024-04-01'),
    change.endAppointment('cd-new', 'p-first', '2024-06-01'),
    change.startAppointment('cd-new', 'p-second', '2024-06-01'),
  ]);

  it('are the ones appointed on or before the day and not yet ended on it', () => {
    expect(planned.holdersOn('cd-new', day('2024-03-31'))).toEqual([]);
    expect(planned.holdersOn('cd-new', day('2024-04-01'))).toEqual(['p-first']);
    expect(planned.holdersOn('cd-new', day('2024-05-31'))).toEqual(['p-first']);
    expect(planned.holdersOn('cd-new', day('2024-06-01'))).toEqual(['p-second']);
  });

  it('stop at a fixed term given with the appointment', () => {
    const fixedTerm = change.of('fixed', { type: 'StartAppointment', data: { postId: 'cd-new', appointmentId: 'a-fixed', personId: 'p-fixed', kind: 'interim', endsOn: day('2024-05-01'), effectiveFrom: day('2024-04-01') }, context: { unitOpen: true } });
    const withTerm = new PlannedStructure([change.createPost('cd-new', 'div-surg', '2024-04-01'), fixedTerm]);

    expect(withTerm.holdersOn('cd-new', day('2024-04-30'))).toEqual(['p-fixed']);
    expect(withTerm.holdersOn('cd-new', day('2024-05-01'))).toEqual([]);
  });

  it('count the post as created only from its creation day', () => {
    expect(planned.createdBy('cd-new', day('2024-03-31'))).toBeUndefined();
    expect(planned.createdBy('cd-new', day('2024-04-01'))).toMatchObject({ postId: 'cd-new', unitId: 'div-surg' });
    expect(planned.createdBy('no-such-post', day('2024-04-01'))).toBeUndefined();
  });
});

describe('the units planned changes create', () => {
  const planned = new PlannedStructure([
    change.of('establish', { type: 'EstablishUnit', data: { organisationId: 'trust', unitId: 'dir-new', name: 'New', kind: 'directorate', parentUnitId: 'div-surg', effectiveFrom: day('2024-04-01') } }),
    change.of('merge', { type: 'MergeUnits', data: { organisationId: 'trust', unitIds: ['a', 'b'], newSuccessor: { unitId: 'ab', name: 'AB', kind: 'division' }, effectiveFrom: day('2024-05-01') } }),
    change.of('split', { type: 'SplitUnit', data: { organisationId: 'trust', unitId: 'ab', successors: [{ unitId: 'a2', name: 'A2', kind: 'directorate', parentUnitId: 'div-med' }], effectiveFrom: day('2024-06-01') } }),
  ]);

  it('are established, merged into or split off from their day on', () => {
    expect(planned.establishedBy('dir-new', day('2024-03-31'))).toBeUndefined();
    expect(planned.establishedBy('dir-new', day('2024-04-01'))).toMatchObject({ parentUnitId: 'div-surg' });
    expect(planned.establishedBy('ab', day('2024-05-01'))).toMatchObject({ name: 'AB' });
    expect(planned.establishedBy('a2', day('2024-05-31'))).toBeUndefined();
    expect(planned.establishedBy('a2', day('2024-06-01'))).toMatchObject({ parentUnitId: 'div-med' });
  });
});
