import { isRowProblem } from '../shared/row-problem';
import { type IfgRecord, parseAppointment, parseCharacteristic, parseLink, parseOrganisation, parsePersonName } from './ifg-rows';

const record = (fields: Record<string, string>, row = 7): IfgRecord => ({ row, field: (column) => fields[column] ?? '' });

describe('IfG rows', () => {
  describe('organisation.csv', () => {
    it('given dates, keeps end_date as the first day the department no longer existed (half-open)', () => {
      const dh = parseOrganisation(record({ id: 'o1', name: 'Department of Health', short_name: 'DH', start_date: '1988-07-25', end_date: '2018-01-08' }));

      expect(dh).toEqual({ id: 'o1', name: 'Department of Health', shortName: 'DH', startDate: '1988-07-25', endDate: '2018-01-08', row: 7 });
    });

    it('given no start_date (a department older than the database), leaves it unset rather than guessing', () => {
      expect(parseOrganisation(record({ id: 'o2', name: 'Home Office', short_name: 'HO' }))).toEqual({ id: 'o2', name: 'Home Office', shortName: 'HO', row: 7 });
    });

    it('given an impossible date or an end on or before the start, names the problem', () => {
      expect(parseOrganisation(record({ id: 'o3', name: 'X', start_date: '2001-02-30' }))).toMatchObject({ rule: 'BadDate' });
      expect(parseOrganisation(record({ id: 'o3', name: 'X', start_date: '2001-02-03', end_date: '2001-02-03' }))).toMatchObject({ rule: 'EndsBeforeStarts' });
    });
  });

  describe('organisation_link.csv', () => {
    const link = (type: string) => record({ predecessor_organisation_id: 'a', successor_organisation_id: 'b', type, link_start_date: '2010-08-18', link_end_date: '2010-08-18' });

    it('given "Transfer of functions: equalities", keeps the type and the functions that moved', () => {
      expect(parseLink(link('Transfer of functions: equalities'))).toMatchObject({ type: 'Transfer of functions', functions: 'equalities' });
      expect(parseLink(link('Name change'))).not.toHaveProperty('functions');
    });

    it('given a type the IfG does not use, refuses the row', () => {
      expect(parseLink(link('Abolition'))).toMatchObject({ rule: 'UnknownLinkType' });
    });
  });

  describe('appointment.csv', () => {
    it('given an end before the start, keeps the row for the domain to refuse (so the reason is its rule)', () => {
      const row = parseAppointment(record({ id: 'a1', person_id: 'p', post_id: 'q', start_date: '2025-09-01', end_date: '2025-05-14' }));

      expect(isRowProblem(row)).toBe(false);
      expect(row).toMatchObject({ startDate: '2025-09-01', endDate: '2025-05-14' });
    });

    it('given no start_date, refuses the row', () => {
      expect(parseAppointment(record({ id: 'a1', person_id: 'p', post_id: 'q' }))).toMatchObject({ rule: 'MissingDate' });
    });
  });

  describe('appointment_characteristics.csv', () => {
    it('reads True/False flags and refuses anything else', () => {
      const acting = record({ appointment_id: 'a1', is_acting: 'True', is_on_leave: 'False', start_date: '2023-04-28', end_date: '2023-07-20' });

      expect(parseCharacteristic(acting)).toMatchObject({ isActing: true, isOnLeave: false });
      expect(parseCharacteristic(record({ appointment_id: 'a1', is_acting: 'yes', is_on_leave: 'False', start_date: '2023-04-28' }))).toMatchObject({ rule: 'BadFlag' });
    });
  });

  describe('person.csv', () => {
    it('takes the display name and the dates that bound it', () => {
      const row = parsePersonName(record({ id: 'p1', name: 'Lord Mandelson', display_name: 'Lord Mandelson', start_date: '2008-10-03' }));

      expect(row).toEqual({ personId: 'p1', name: 'Lord Mandelson', from: '2008-10-03', row: 7 });
    });
  });
});
