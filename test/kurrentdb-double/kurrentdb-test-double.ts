/**
 * KurrentDB TEST DOUBLE: an in-process gRPC server (@grpc/grpc-js) built from the service definitions that
 * ship inside @kurrent/kurrentdb-client, so the real client (its Node code and its Rust read bridge) runs
 * unchanged against it over loopback: `kurrentdb://127.0.0.1:PORT?tls=false`.
 *
 * What it implements — only the subset KurrentDbEventStore uses:
 * - ServerFeatures.GetSupportedMethods (the client asks it once per connection, to pick protocol versions);
 * - v2 StreamsService.AppendSession: atomic multi-stream appends with expected revisions (any / no stream /
 *   exists / revision), conflicts reported with KurrentDB's rich error details;
 * - v1 Streams.Read: one stream or `$all`, forwards and backwards, counts, stream-name and event-type filters
 *   (regex or prefixes), and catch-up subscriptions to `$all` (after a position, then live) with a filter.
 *
 * Its limits (what a real KurrentDB has and this does not):
 * - in memory, one node: no persistence, no clustering, no gossip, no leader elections, no TLS;
 * - no authentication or ACLs (credentials are ignored), no stream metadata, deletes, tombstones, max-age or truncation;
 * - no projections (so no `$ce-`, `$et-` or `$by_category` streams) and no persistent subscriptions;
 * - no v1 Append/BatchAppend, no v2 AppendRecords, no subscriptions to a single stream, no link resolution;
 * - positions are byte-offset-like and each event's commit position equals its prepare position; a real
 *   node's positions come from its transaction log (see docs/kurrentdb.md for what the adapter assumes);
 * - no size limits, no deadlines enforced, no system events (`$`-prefixed streams and types) are ever written,
 *   so the adapter's filter that excludes them is exercised only by streams the tests write themselves.
 */
import { Server, ServerCredentials, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { ServerFeaturesService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_pb';
import { StreamsServiceService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v2/streams/streams_grpc_pb';
import { appendSessionHandler } from './append-session-handler';
import { type CommitPositions, DoubleLog } from './double-log';
import { type ObservedRead, readHandler, readServiceDefinition } from './read-handler';

export type KurrentDbTestDouble = Readonly<{
  /** Connection string for `KurrentDBClient.connectionString`. */
  connectionString: string;
  /** The double's log, for tests that inspect positions directly. */
  log: DoubleLog;
  /** Every read request received so far, in order (a spy: which reads were filtered on the server). */
  reads: readonly ObservedRead[];
  stop: () => Promise<void>;
}>;

/** The server version the double claims: the first with multi-stream appends. */
const CLAIMED_VERSION = '25.1.0-test-double';

const supported = (service: string, method: string): SupportedMethod => new SupportedMethod().setServiceName(service).setMethodName(method);

/**
 * Starts a fresh, empty double on a free loopback port. `claimVersion` '24.10' makes it answer as a server
 * from before multi-stream appends (AppendSession not advertised nor served); `commitPositions` is explained
 * in double-log.ts.
 */
export async function startKurrentDbTestDouble(
  options: { claimVersion?: '25.1' | '24.10'; commitPositions?: CommitPositions } = {},
): Promise<KurrentDbTestDouble> {
  const modern = (options.claimVersion ?? '25.1') === '25.1';
  const log = new DoubleLog(options.commitPositions);
  const reads: ObservedRead[] = [];
  const server = new Server();
  server.addService(ServerFeaturesService, {
    getSupportedMethods: (_call: unknown, callback: (error: null, methods: SupportedMethods) => void) =>
      callback(
        null,
        new SupportedMethods()
          .setEventStoreServerVersion(modern ? CLAIMED_VERSION : '24.10.0-test-double')
          .setMethodsList([
            supported('event_store.client.streams.streams', 'read'),
            ...(modern ? [supported('kurrentdb.protocol.v2.streams.streamsservice', 'appendsession')] : []),
          ]),
      ),
  } as UntypedServiceImplementation);
  server.addService(readServiceDefinition, { read: readHandler(log, (read) => reads.push(read)) } as UntypedServiceImplementation);
  if (modern) server.addService(StreamsServiceService, { appendSession: appendSessionHandler(log) } as UntypedServiceImplementation);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  return {
    connectionString: `kurrentdb://127.0.0.1:${port}?tls=false`,
    log,
    reads,
    // Nothing to flush (it is all in memory), and open subscriptions or the client's idle connections would
    // hold a graceful shutdown: cancel every call at once.
    stop: async () => server.forceShutdown(),
  };
}
