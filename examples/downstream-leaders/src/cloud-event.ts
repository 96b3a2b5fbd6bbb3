/**
 * The part of orgchange's Kafka contract this consumer relies on (docs/kafka-contracts.md): CloudEvents 1.0 in
 * structured mode, the value a JSON envelope whose `type` is `orgchange.<EventType>.v<version>`. A downstream
 * service depends on the published contract, not on orgchange's code, so the shape is restated here.
 */
export type OrgchangeEvent = Readonly<{
  id: string;
  eventType: string;
  version: number;
  subject: string;
  time: string;
  effectiveFrom?: string;
  /** Global position in orgchange's log (decimal string in the envelope). */
  position: bigint;
  data: Readonly<Record<string, unknown>>;
}>;

export class InvalidEnvelopeError extends Error {
  override readonly name = 'InvalidEnvelopeError';
}

const typePattern = /^orgchange\.([A-Za-z]+)\.v([1-9][0-9]*)$/;
const calendarDate = /^\d{4}-\d{2}-\d{2}$/;

/** Parses a message value; throws InvalidEnvelopeError naming the attribute that is missing or wrong. */
export function parseCloudEvent(value: Buffer | null): OrgchangeEvent {
  if (value === null) throw new InvalidEnvelopeError('message has no value');
  let envelope: Record<string, unknown>;
  try {
    envelope = JSON.parse(value.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new InvalidEnvelopeError('value is not JSON');
  }
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) throw new InvalidEnvelopeError('value is not a JSON object');
  if (envelope.specversion !== '1.0') throw new InvalidEnvelopeError(`specversion must be "1.0", got ${JSON.stringify(envelope.specversion)}`);
  const text = (name: string): string => {
    const attribute = envelope[name];
    if (typeof attribute !== 'string' || attribute === '') throw new InvalidEnvelopeError(`${name} must be a non-empty string`);
    return attribute;
  };
  const type = typePattern.exec(text('type'));
  if (!type) throw new InvalidEnvelopeError(`type ${JSON.stringify(envelope.type)} is not orgchange.<EventType>.v<version>`);
  const position = text('orgchangeposition');
  if (!/^\d+$/.test(position)) throw new InvalidEnvelopeError('orgchangeposition must be a decimal string');
  const effectiveFrom = envelope.effectivefrom;
  if (effectiveFrom !== undefined && (typeof effectiveFrom !== 'string' || !calendarDate.test(effectiveFrom))) {
    throw new InvalidEnvelopeError('effectivefrom must be a YYYY-MM-DD date when present');
  }
  const data = envelope.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new InvalidEnvelopeError('data must be a JSON object');
  return {
    id: text('id'),
    eventType: type[1],
    version: Number(type[2]),
    subject: text('subject'),
    time: text('time'),
    ...(effectiveFrom === undefined ? {} : { effectiveFrom }),
    position: BigInt(position),
    data: data as Record<string, unknown>,
  };
}
