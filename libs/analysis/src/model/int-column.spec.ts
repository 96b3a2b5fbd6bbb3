import { IntColumn } from './int-column';

describe('IntColumn', () => {
  it('appends, reads and overwrites values across chunk boundaries', () => {
    const column = new IntColumn();
    for (let i = 0; i < 200_000; i++) expect(column.push(i * 3 - 7)).toBe(i);
    column.set(65_536, -1);
    expect([column.length, column.get(0), column.get(65_535), column.get(65_536), column.get(199_999)]).toEqual([200_000, -7, 65_535 * 3 - 7, -1, 199_999 * 3 - 7]);
  });
});
