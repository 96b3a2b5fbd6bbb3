import { Metadata, type ServerReadableStream, type sendUnaryData, status } from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Code } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/code_pb';
import { Status } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/status_pb';
import { StreamRevisionConflictErrorDetails } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v2/streams/errors_pb';
import {
  type AppendRequest,
  AppendResponse,
  AppendSessionResponse,
  SchemaFormat,
} from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v2/streams/streams_pb';
import { type DoubleLog, RevisionConflict, type StreamAppend } from './double-log';

type SessionCall = ServerReadableStream<AppendRequest, AppendSessionResponse>;

/**
 * The TEST DOUBLE's `StreamsService.AppendSession` (v2, KurrentDB 25.1): every request the client streams
 * is applied at the end as one transaction across streams, all or none. A revision conflict is answered as
 * KurrentDB does: FAILED_PRECONDITION with `StreamRevisionConflictErrorDetails` in the rich status.
 * Record properties are kept as the event's JSON custom metadata, beside `$schema.data-format` and
 * `$schema.name`, which is where a KurrentDB 25.1 node's v1 reads return them.
 * Not modelled: size limits, schema registry checks, the same stream twice in one session (refused).
 */
export function appendSessionHandler(log: DoubleLog): (call: SessionCall, callback: sendUnaryData<AppendSessionResponse>) => void {
  return (call, callback) => {
    const appends: StreamAppend[] = [];
    call.on('data', (request: AppendRequest) => appends.push(streamAppendOf(request)));
    call.on('error', () => undefined);
    call.on('end', () => {
      const names = appends.map((a) => a.streamName);
      if (new Set(names).size !== names.length) {
        return callback({ code: status.FAILED_PRECONDITION, details: 'a stream may appear only once in an append session' });
      }
      try {
        const { revisions, lastPosition } = log.appendAtomically(appends);
        const outputs = appends.map((a, i) =>
          new AppendResponse().setStream(a.streamName).setStreamRevision(revisions[i].toString()).setPosition(lastPosition.toString()),
        );
        callback(null, new AppendSessionResponse().setOutputList(outputs).setPosition(lastPosition.toString()));
      } catch (error) {
        if (!(error instanceof RevisionConflict)) return callback({ code: status.INTERNAL, details: String(error) });
        callback({ code: status.FAILED_PRECONDITION, details: error.message, metadata: conflictDetails(error) });
      }
    });
  };
}

function streamAppendOf(request: AppendRequest): StreamAppend {
  const expected = request.hasExpectedRevision() ? BigInt(request.getExpectedRevision()!) : -2n;
  const records = request.getRecordsList().map((record) => {
    const schema = record.getSchema();
    // As KurrentDB 25.1 does: the schema's format and name, then the record's properties, as a JSON object.
    const properties: Record<string, unknown> = {
      // 'Json' is what KurrentDB reports for JSON records; 'Bytes' for the rest is a guess (the adapter writes JSON only).
      '$schema.data-format': schema?.getFormat() === SchemaFormat.SCHEMA_FORMAT_JSON ? 'Json' : 'Bytes',
      '$schema.name': schema?.getName() ?? '',
    };
    record.getPropertiesMap().forEach((value, key) => (properties[key] = value.toJavaScript()));
    return {
      id: record.getRecordId() ?? '',
      type: schema?.getName() ?? '',
      contentType: schema?.getFormat() === SchemaFormat.SCHEMA_FORMAT_JSON ? 'application/json' : 'application/octet-stream',
      data: record.getData_asU8(),
      customMetadata: Buffer.from(JSON.stringify(properties), 'utf8'),
    };
  });
  return { streamName: request.getStream(), expected, records };
}

/** The rich error status (google.rpc.Status in `grpc-status-details-bin`) the client decodes into WrongExpectedVersionError. */
function conflictDetails(conflict: RevisionConflict): Metadata {
  const details = new StreamRevisionConflictErrorDetails()
    .setStream(conflict.streamName)
    .setExpectedRevision(conflict.expected.toString())
    .setActualRevision(conflict.actual.toString());
  const any = new Any();
  any.pack(details.serializeBinary(), 'kurrentdb.protocol.v2.streams.errors.StreamRevisionConflictErrorDetails');
  const rich = new Status().setCode(Code.FAILED_PRECONDITION).setMessage(conflict.message).setDetails(any);
  const metadata = new Metadata();
  metadata.set('grpc-status-details-bin', Buffer.from(rich.serializeBinary()));
  return metadata;
}
