import { BinaryWriter } from 'google-protobuf';
import { ReadReq, ReadResp } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';
import { StreamIdentifier, UUID } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import type { LoggedEvent } from './double-log';

/** Builds the protobuf messages of the TEST DOUBLE's v1 read responses, in the shapes a KurrentDB node sends. */

const streamIdentifier = (name: string): StreamIdentifier => new StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'));

/** An event id in the form the reader asked for: a string, or two signed 64-bit halves ("structured"). */
function uuidMessage(id: string, structured: boolean): UUID {
  if (!structured) return new UUID().setString(id);
  const hex = id.replace(/-/g, '');
  const half = (text: string): string => BigInt.asIntN(64, BigInt(`0x${text}`)).toString();
  return new UUID().setStructured(new UUID.Structured().setMostSignificantBits(half(hex.slice(0, 16))).setLeastSignificantBits(half(hex.slice(16))));
}

/**
 * One event as an encoded `ReadResp`, written field by field and kept per event: building it through the
 * generated message classes costs ~60 µs an event, which made reading a 100,000-event stream take seconds
 * in the double alone. Field numbers are those of KurrentDB's v1 streams.proto (ReadResp.ReadEvent.RecordedEvent).
 */
export function encodedEvent(event: LoggedEvent, structuredIds: boolean): Uint8Array {
  const cache = structuredIds ? structuredCache : stringCache;
  let bytes = cache.get(event);
  if (!bytes) {
    bytes = encodeEvent(event, structuredIds);
    cache.set(event, bytes);
  }
  return bytes;
}

const stringCache = new WeakMap<LoggedEvent, Uint8Array>();
const structuredCache = new WeakMap<LoggedEvent, Uint8Array>();

function encodeEvent(event: LoggedEvent, structuredIds: boolean): Uint8Array {
  const position = event.position.toString();
  const id = uuidMessage(event.id, structuredIds);
  const properties = [
    ['type', event.type],
    ['content-type', event.contentType],
    ['created', event.createdTicks.toString()],
  ];
  const writer = new BinaryWriter();
  // ReadResp.event (1) → ReadEvent.event (1) → RecordedEvent, then ReadEvent.commit_position (3).
  writer.writeMessage(1, event, (e: LoggedEvent, readEvent: BinaryWriter) => {
    readEvent.writeMessage(1, e, (_: LoggedEvent, recorded: BinaryWriter) => {
      recorded.writeMessage(1, id, UUID.serializeBinaryToWriter);
      recorded.writeMessage(2, e.streamName, (name: string, w: BinaryWriter) => w.writeBytes(3, Buffer.from(name, 'utf8')));
      recorded.writeUint64String(3, e.revision.toString());
      recorded.writeUint64String(4, e.prepare.toString());
      recorded.writeUint64String(5, position);
      for (const entry of properties) {
        recorded.writeMessage(6, entry, ([key, value]: string[], w: BinaryWriter) => {
          w.writeString(1, key);
          w.writeString(2, value);
        });
      }
      recorded.writeBytes(7, e.customMetadata);
      recorded.writeBytes(8, e.data);
    });
    readEvent.writeUint64String(3, position);
  });
  return writer.getResultBuffer();
}

export const streamNotFoundMessage = (name: string): ReadResp =>
  new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name)));

export const confirmationMessage = (subscriptionId: string): ReadResp =>
  new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(subscriptionId));

export const checkpointMessage = (position: bigint): ReadResp =>
  new ReadResp().setCheckpoint(new ReadResp.Checkpoint().setCommitPosition(position.toString()).setPreparePosition(position.toString()));

export const caughtUpMessage = (): ReadResp => new ReadResp().setCaughtUp(new ReadResp.CaughtUp());

/** The server-side filter of a read or subscription, as a predicate; `undefined` when none was asked for. */
export function filterOf(options: ReadReq.Options): ((event: LoggedEvent) => boolean) | undefined {
  if (!options.hasFilter()) return undefined;
  const filter = options.getFilter()!;
  const onStream = filter.hasStreamIdentifier();
  const expression = onStream ? filter.getStreamIdentifier()! : filter.getEventType()!;
  const subject = (event: LoggedEvent): string => (onStream ? event.streamName : event.type);
  const prefixes = expression.getPrefixList();
  if (prefixes.length > 0) return (event) => prefixes.some((prefix) => subject(event).startsWith(prefix));
  // KurrentDB matches with .NET regular expressions; JavaScript's agree on the subset the adapter sends (anchors, lookahead).
  const regex = new RegExp(expression.getRegex());
  return (event) => regex.test(subject(event));
}
