import type { CalendarDate } from '@orgchange/domain';
import { planRestructures } from './ifg-restructures';
import type { IfgLink, IfgLinkType, IfgOrganisation } from './ifg-rows';

const d = (value: string) => value as CalendarDate;
const org = (id: string, startDate?: string, endDate?: string): IfgOrganisation => ({ id, name: id, shortName: id, ...(startDate ? { startDate: d(startDate) } : {}), ...(endDate ? { endDate: d(endDate) } : {}), row: 1 });
let row = 0;
const link = (predecessorId: string, successorId: string, type: IfgLinkType, announcedOn: string, completedOn: string): IfgLink => ({ predecessorId, successorId, type, announcedOn: d(announcedOn), completedOn: d(completedOn), row: (row += 1) });
const directory = (...orgs: IfgOrganisation[]) => new Map(orgs.map((o) => [o.id, o]));

describe('planRestructures', () => {
  describe('given a predecessor that closes by the day the last minister moved', () => {
    it('a name change is a merger of one, on the predecessor’s end_date (not the announcement)', () => {
      const orgs = directory(org('DH', '1988-07-25', '2018-01-08'), org('DHSC', '2018-01-08'));

      expect(planRestructures([link('DH', 'DHSC', 'Name change', '2018-01-08', '2018-01-09')], orgs)).toEqual([
        { kind: 'merger', predecessorIds: ['DH'], successorId: 'DHSC', effectiveFrom: '2018-01-08', linkTypes: ['Name change'], rows: [row] },
      ]);
    });

    it('links to several successors on that day are one split, whatever the IfG called each link', () => {
      const orgs = directory(org('DfES', '2001-06-08', '2007-06-28'), org('DIUS', '2007-06-28'), org('DCSF', '2007-06-28'));
      const links = [link('DfES', 'DIUS', 'Demerger', '2007-06-28', '2007-06-29'), link('DfES', 'DCSF', 'Name change', '2007-06-28', '2007-06-29')];

      expect(planRestructures(links, orgs)).toEqual([expect.objectContaining({ kind: 'split', predecessorId: 'DfES', successorIds: ['DIUS', 'DCSF'], effectiveFrom: '2007-06-28', linkTypes: ['Demerger', 'Name change'] })]);
    });

    it('predecessors closing into one successor on the same day are one merger; on different days, one merger each', () => {
      const orgs = directory(org('BIS', undefined, '2016-07-17'), org('DECC', undefined, '2016-07-17'), org('BEIS', '2016-07-14'), org('DfE', undefined, '1995-07-05'), org('DoEm', undefined, '1995-07-06'), org('DfEE', '1995-07-05'));
      const links = [
        link('BIS', 'BEIS', 'Merger', '2016-07-14', '2016-07-18'),
        link('DECC', 'BEIS', 'Merger', '2016-07-14', '2016-07-18'),
        link('DfE', 'DfEE', 'Merger', '1995-07-05', '1995-07-06'),
        link('DoEm', 'DfEE', 'Merger', '1995-07-05', '1995-07-06'),
      ];

      const plan = planRestructures(links, orgs).map((r) => (r.kind === 'merger' ? [r.predecessorIds, r.effectiveFrom] : r.kind));
      expect(plan).toEqual([
        [['DfE'], '1995-07-05'],
        [['DoEm'], '1995-07-06'],
        [['BIS', 'DECC'], '2016-07-17'],
      ]);
    });
  });

  describe('given a predecessor that carries on', () => {
    it('is a transfer of functions on link_end_date, even when the IfG calls it a demerger', () => {
      const orgs = directory(org('FCO', undefined, '2020-09-02'), org('DfID', '1997-05-03', '2020-09-02'));

      expect(planRestructures([link('FCO', 'DfID', 'Demerger', '1997-05-03', '1997-05-03')], orgs)).toEqual([
        { kind: 'transfer', predecessorId: 'FCO', successorId: 'DfID', effectiveFrom: '1997-05-03', linkTypes: ['Demerger'], rows: [row] },
      ]);
    });
  });
});
