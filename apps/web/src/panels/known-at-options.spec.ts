import type { ChangeEntry } from '../api-types';
import { knownAtOptions } from './known-at-options';

const entry = (over: Partial<ChangeEntry>): ChangeEntry => ({
  position: 1,
  type: 'AppointmentStarted',
  subjectId: 'cd-med',
  effectiveFrom: '2017-09-01',
  originalEffectiveFrom: null,
  recordedAt: '2026-01-01T10:00:00.000Z',
  summary: '',
  retracted: null,
  corrections: [],
  ...over,
});

describe('known-at choices from the change log', () => {
  it('offers only now when nothing was ever corrected or retracted', () => {
    expect(knownAtOptions([entry({})])).toEqual([{ value: '', label: 'now (the latest record)' }]);
  });

  it('offers the instant just before and the instant of a correction, naming what it corrected', () => {
    const corrected = entry({ originalEffectiveFrom: '2017-10-01', corrections: [{ eventId: 'e', position: 3, recordedAt: '2026-01-01T10:00:00.097Z', reason: 'HR confirmed', correctedFields: ['effectiveFrom'] }] });

    const options = knownAtOptions([corrected]);

    expect(options.map((o) => o.value)).toEqual(['', '2026-01-01T10:00:00.096Z', '2026-01-01T10:00:00.097Z']);
    expect(options[1].label).toBe('just before the correction of AppointmentStarted of cd-med on 2017-10-01 (HR confirmed) was recorded');
  });

  it('offers retractions too, in recorded order', () => {
    const options = knownAtOptions([
      entry({ retracted: { eventId: 'r', position: 9, recordedAt: '2026-03-01T00:00:00.000Z', reason: null } }),
      entry({ corrections: [{ eventId: 'c', position: 5, recordedAt: '2026-02-01T00:00:00.000Z', reason: null, correctedFields: ['name'] }] }),
    ]);

    expect(options.slice(1).map((o) => o.label.split(' ').slice(0, 5).join(' '))).toEqual([
      'just before the correction of',
      'once the correction of AppointmentStarted',
      'just before the retraction of',
      'once the retraction of AppointmentStarted',
    ]);
  });
});
