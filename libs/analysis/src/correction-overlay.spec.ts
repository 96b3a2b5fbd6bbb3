import { CorrectionOverlay } from './correction-overlay';

const started = { eventId: 'e-1', type: 'AppointmentStarted', data: { appointmentId: 'a-1', effectiveFrom: '2024-03-01', kind: 'substantive' } };
const corrected = (data: Record<string, unknown>) => ({ eventId: 'c', type: 'EventCorrected', data: { targetEventId: 'e-1', targetType: 'AppointmentStarted', correctedData: data, reason: 'r' } });

describe('given no corrections', () => {
  it('passes the event data through unchanged', () => expect(new CorrectionOverlay().finalData(started)).toBe(started.data));
});

describe('given two corrections of one event', () => {
  const overlay = new CorrectionOverlay();
  overlay.collect(corrected({ effectiveFrom: '2024-01-01', kind: 'acting' }));
  overlay.collect(corrected({ effectiveFrom: '2024-02-01' }));

  it('lays both over the data, the later one winning, and keeps the fields neither named', () =>
    expect(overlay.finalData(started)).toEqual({ appointmentId: 'a-1', effectiveFrom: '2024-02-01', kind: 'acting' }));
});

describe('given a retraction', () => {
  const overlay = new CorrectionOverlay();
  overlay.collect({ eventId: 'r', type: 'EventRetracted', data: { targetEventId: 'e-1', reason: 'recorded in error' } });

  it('drops the event', () => expect(overlay.finalData(started)).toBeUndefined());
  it('leaves other events alone', () => expect(overlay.finalData({ ...started, eventId: 'e-2' })).toBe(started.data));
});
