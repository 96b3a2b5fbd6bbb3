import { parseInstant } from './read-point';

describe('parseInstant', () => {
  it.each([
    ['2024-04-01T09:30:00Z', '2024-04-01T09:30:00.000Z'],
    ['2024-04-01T09:30Z', '2024-04-01T09:30:00.000Z'],
    ['2024-04-01T09:30:00.123456Z', '2024-04-01T09:30:00.123Z'],
    ['2024-04-01T10:30:00+01:00', '2024-04-01T09:30:00.000Z'],
    ['2024-04-01T00:30:00+01:00', '2024-03-31T23:30:00.000Z'],
  ])('reads %s as %s, the store’s UTC form', (value, expected) => {
    expect(parseInstant(value)).toBe(expected);
  });

  it.each(['2024-04-01', '2024-04-01T09:30:00', '2023-02-30T00:00:00Z', '2024-04-01T24:00:00Z', '2024-04-01T09:60:00Z', 'now', '', 20240401])(
    'refuses %p',
    (value) => {
      expect(parseInstant(value)).toBeUndefined();
    },
  );
});
