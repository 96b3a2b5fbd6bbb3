import { InvalidEnvelopeError, parseCloudEvent } from './cloud-event';

const envelope = (overrides: Record<string, unknown> = {}) =>
  Buffer.from(
    JSON.stringify({
      specversion: '1.0',
      id: 'e1',
      source: 'urn:orgchange:test',
      type: 'orgchange.AppointmentStarted.v1',
      subject: 'post-p1',
      time: '2026-11-30T09:00:00.000Z',
      effectivefrom: '2026-12-01',
      orgchangeposition: '42',
      data: { postId: 'p1' },
      ...overrides,
    }),
  );

describe('parseCloudEvent', () => {
  it('reads the event type, version, position and data of a structured-mode envelope', () => {
    expect(parseCloudEvent(envelope())).toEqual({
      id: 'e1',
      eventType: 'AppointmentStarted',
      version: 1,
      subject: 'post-p1',
      time: '2026-11-30T09:00:00.000Z',
      effectiveFrom: '2026-12-01',
      position: 42n,
      data: { postId: 'p1' },
    });
  });

  it.each([
    [null, /no value/],
    [Buffer.from('{nope'), /not JSON/],
    [Buffer.from('[1]'), /not a JSON object/],
    [envelope({ specversion: '0.3' }), /specversion/],
    [envelope({ id: '' }), /id must be a non-empty string/],
    [envelope({ type: 'com.other.Thing' }), /type "com.other.Thing"/],
    [envelope({ orgchangeposition: 42 }), /orgchangeposition must be a non-empty string/],
    [envelope({ orgchangeposition: '-1' }), /decimal string/],
    [envelope({ effectivefrom: '1 Dec' }), /effectivefrom/],
    [envelope({ data: 'x' }), /data must be a JSON object/],
  ])('refuses %s, naming what is wrong', (value, message) => {
    expect(() => parseCloudEvent(value)).toThrow(InvalidEnvelopeError);
    expect(() => parseCloudEvent(value)).toThrow(message);
  });
});
