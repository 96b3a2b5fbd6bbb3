import type { ServerWritableStream } from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';
import { ReadReq, type ReadResp } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';
import { StreamsService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_grpc_pb';
import type { DoubleLog, LoggedEvent } from './double-log';
import { caughtUpMessage, checkpointMessage, confirmationMessage, encodedEvent, filterOf, streamNotFoundMessage } from './wire-messages';

/** Responses are messages or, for events, their bytes already encoded (see {@link readServiceDefinition}). */
type ReadCall = ServerWritableStream<ReadReq, ReadResp | Uint8Array>;
const { ReadDirection } = ReadReq.Options;

/** KurrentDB's v1 `Streams.Read` method, serialising pre-encoded event bytes as they are. */
export const readServiceDefinition = {
  read: {
    ...StreamsService.read,
    responseSerialize: (value: ReadResp | Uint8Array): Buffer => Buffer.from(value instanceof Uint8Array ? value : value.serializeBinary()),
  },
};

/**
 * The TEST DOUBLE's `Streams.Read` (v1): reads of one stream or of `$all`, forwards or backwards, with a
 * server-side filter on `$all`, and catch-up subscriptions to `$all` (events after a position, then live).
 * Not modelled: subscriptions to a single stream, link resolution, ACLs, filter checkpoints while catching up.
 */
export function readHandler(log: DoubleLog, observe: (request: ObservedRead) => void): (call: ReadCall) => void {
  return (call) => {
    const options = call.request.getOptions();
    if (!options) {
      call.destroy(new Error('ReadReq without options'));
      return;
    }
    observe(observedRead(options));
    const structuredIds = options.getUuidOption()?.hasStructured() ?? false;
    const send = (event: LoggedEvent): boolean => call.write(encodedEvent(event, structuredIds));
    if (options.hasSubscription()) return subscribeToAll(log, call, options, send);
    const backwards = options.getReadDirection() === ReadDirection.BACKWARDS;
    const count = Number(options.getCount() || '0');
    const events = options.hasStream() ? streamSlice(log, call, options.getStream()!, backwards) : allSlice(log, options, backwards);
    if (events === undefined) return;
    let sent = 0;
    for (const event of events) {
      if (sent >= count) break;
      send(event);
      sent += 1;
    }
    call.end();
  };
}

/** What a read asked the server for, so tests can check that filtering happened on the server. */
export type ObservedRead = Readonly<{ target: 'stream' | '$all'; subscription: boolean; streamNameRegex?: string; streamNamePrefixes?: string[] }>;

function observedRead(options: ReadReq.Options): ObservedRead {
  const expression = options.getFilter()?.getStreamIdentifier();
  return {
    target: options.hasAll() ? '$all' : 'stream',
    subscription: options.hasSubscription(),
    streamNameRegex: expression?.getRegex() || undefined,
    streamNamePrefixes: expression && expression.getPrefixList().length > 0 ? expression.getPrefixList() : undefined,
  };
}

function* streamSlice(log: DoubleLog, call: ReadCall, options: ReadReq.Options.StreamOptions, backwards: boolean): Generator<LoggedEvent> {
  const name = Buffer.from(options.getStreamIdentifier()!.getStreamName_asU8()).toString('utf8');
  const stream = log.stream(name);
  if (!stream) {
    call.write(streamNotFoundMessage(name));
    return;
  }
  const last = stream.length - 1;
  const fromEnd = backwards ? last : last + 1;
  const fromStart = backwards ? -1 : 0;
  const from = options.hasRevision() ? Number(options.getRevision()) : options.hasEnd() ? fromEnd : fromStart;
  if (backwards) for (let i = Math.min(from, last); i >= 0; i -= 1) yield stream[i];
  else for (let i = from; i <= last; i += 1) yield stream[i];
}

/** Forwards reads start at the position given (inclusive); backwards reads return the events before it. */
function* allSlice(log: DoubleLog, options: ReadReq.Options, backwards: boolean): Generator<LoggedEvent> {
  const all = options.getAll()!;
  const matches = filterOf(options) ?? (() => true);
  const events = log.events;
  if (backwards) {
    const before = all.hasPosition() ? log.indexAtOrAfter(BigInt(all.getPosition()!.getCommitPosition())) : all.hasStart() ? 0 : events.length;
    for (let i = before - 1; i >= 0; i -= 1) if (matches(events[i])) yield events[i];
  } else {
    const from = all.hasPosition() ? log.indexAtOrAfter(BigInt(all.getPosition()!.getCommitPosition())) : all.hasEnd() ? events.length : 0;
    for (let i = from; i < events.length; i += 1) if (matches(events[i])) yield events[i];
  }
}

/** Catch-up subscription to `$all`: starts after the position given (exclusive, as KurrentDB does), then follows appends. */
function subscribeToAll(log: DoubleLog, call: ReadCall, options: ReadReq.Options, send: (event: LoggedEvent) => boolean): void {
  if (!options.hasAll()) {
    call.destroy(new Error('the test double only subscribes to $all'));
    return;
  }
  const all = options.getAll()!;
  const matches = filterOf(options) ?? (() => true);
  let next = all.hasPosition() ? log.indexAtOrAfter(BigInt(all.getPosition()!.getCommitPosition()) + 1n) : all.hasEnd() ? log.events.length : 0;
  let caughtUp = false;
  let closed = false;
  let awaitingDrain = false;

  const pump = (): void => {
    if (awaitingDrain) return;
    // Respect the reader's flow control: resume on 'drain' rather than buffering the whole log.
    while (!closed && next < log.events.length) {
      const event = log.events[next];
      next += 1;
      if (matches(event) && !send(event)) {
        awaitingDrain = true;
        call.once('drain', () => {
          awaitingDrain = false;
          pump();
        });
        return;
      }
    }
    if (!caughtUp && !closed) {
      caughtUp = true;
      call.write(caughtUpMessage());
      if (log.events.length > 0) call.write(checkpointMessage(log.events[log.events.length - 1].position));
    }
  };
  const stopListening = log.onAppend(() => setImmediate(pump));
  const close = (): void => {
    closed = true;
    stopListening();
  };
  call.on('cancelled', close);
  call.on('close', close);
  call.on('error', close);
  call.write(confirmationMessage(randomUUID()));
  pump();
}
