import { tenureSpells } from './tenure';
import type { CareerHoldingView } from './timeline.types';

const holding = (appointmentId: string, postId: string, from: string, until: string | null, role: { groupRole?: string; family?: string; kind?: string } = {}): CareerHoldingView => ({
  appointmentId,
  postId,
  kind: role.kind ?? 'substantive',
  from,
  until,
  coveringForPersonId: null,
  title: null,
  family: role.family ?? 'medical-leadership',
  grade: null,
  groupRole: role.groupRole ?? null,
  unitId: null,
  unitName: null,
  organisationId: 'trust',
  organisationName: null,
});

const cd = { groupRole: 'clinical-director' };

describe('tenure spells', () => {
  it('joins a holding that starts on the day the previous one ends, across posts (a merger re-appointment)', () => {
    const spells = tenureSpells([holding('a1', 'cd-med', '2015-04-01', '2019-04-01', cd), holding('a2', 'cd-medsurg', '2019-04-01', null, cd)]);

    expect(spells).toEqual([{ role: 'clinical-director', from: '2015-04-01', until: null, appointmentIds: ['a1', 'a2'], postIds: ['cd-med', 'cd-medsurg'], kinds: ['substantive'] }]);
  });

  it('starts a new spell after a gap of one day', () => {
    const spells = tenureSpells([holding('a1', 'cd-a', '2015-04-01', '2019-04-01', cd), holding('a2', 'cd-b', '2019-04-02', null, cd)]);

    expect(spells.map((s) => [s.from, s.until])).toEqual([['2015-04-01', '2019-04-01'], ['2019-04-02', null]]);
  });

  it('keeps roles apart: a clinical director who also holds a medical-leadership post without a group role has two spells', () => {
    const spells = tenureSpells([holding('a1', 'cd-a', '2015-04-01', null, cd), holding('a2', 'amd', '2016-01-01', '2018-01-01')]);

    expect(spells.map((s) => s.role)).toEqual(['clinical-director', 'medical-leadership']);
  });

  it('counts an overlapping holding in the same role as part of the spell and keeps the later end', () => {
    const spells = tenureSpells([holding('a2', 'cd-b', '2016-01-01', '2020-01-01', { ...cd, kind: 'acting' }), holding('a1', 'cd-a', '2015-04-01', '2017-01-01', cd)]);

    expect(spells).toEqual([{ role: 'clinical-director', from: '2015-04-01', until: '2020-01-01', appointmentIds: ['a1', 'a2'], postIds: ['cd-a', 'cd-b'], kinds: ['substantive', 'acting'] }]);
  });

  it('falls back to the post family when the post is in no group', () => {
    expect(tenureSpells([holding('a1', 'bm', '2015-04-01', null, { family: 'management' })])[0].role).toBe('management');
  });

  it('gives no spells for no holdings', () => {
    expect(tenureSpells([])).toEqual([]);
  });
});
