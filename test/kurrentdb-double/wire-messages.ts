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

export function eventMessage(event: LoggedEvent, structuredIds: boolean): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidMessage(event.id, structuredIds))
    .setStreamIdentifier(streamIdentifier(event.streamName))
    .setStreamRevision(event.revision.toString())
    .setPreparePosition(event.position.toString())
    .setCommitPosition(event.position.toString())
    .setData(event.data)
    .setCustomMetadata(event.customMetadata);
  recorded.getMetadataMap().set('type', event.type).set('content-type', event.contentType).set('created', event.createdTicks.toString());
  return new ReadResp().setEvent(new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(event.position.toString()));
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
