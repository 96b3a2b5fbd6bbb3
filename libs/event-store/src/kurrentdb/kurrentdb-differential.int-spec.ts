import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { type KurrentDbTestDouble, startKurrentDbTestDouble } from '../../../../test/kurrentdb-double/kurrentdb-test-double';
import { idsOf, newEvent } from '../contract/contract-fixtures';
import type { AppendRequest, EventStore, ExpectedVersion, NewEvent } from '../event-store.port';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { KurrentDbEventStore } from './kurrentdb-event-store';

/** One request of a generated command: a stream, an expectation, and events by logical id. */
type RequestPlan = Readonly<{ stream: number; expected: ExpectedVersion; ids: readonly number[] }>;
/** A command: one or two requests (on different streams), or a repeat of an earlier command (a retry). */
type CommandPlan = Readonly<{ requests: readonly RequestPlan[] }> | Readonly<{ repeat: number }>;

const STREAMS = ['unit', 'unit', 'post'];
const expectedVersion = fc.oneof(
  fc.constant<ExpectedVersion>('any'),
  fc.constant<ExpectedVersion>('no_stream'),
  fc.constant<ExpectedVersion>('stream_exists'),
  fc.integer({ min: 0, max: 4 }),
);
// Logical ids 0..9 are drawn from a small pool, so new ids, retries, reuses and duplicates all come up.
const requestPlan = fc.record({ stream: fc.integer({ min: 0, max: 2 }), expected: expectedVersion, ids: fc.array(fc.nat(9), { minLength: 1, maxLength: 3 }) });
const commandPlan: fc.Arbitrary<CommandPlan> = fc.oneof(
  { weight: 3, arbitrary: fc.array(requestPlan, { minLength: 1, maxLength: 2 }).map((requests) => ({ requests })) },
  { weight: 1, arbitrary: fc.nat(7).map((repeat) => ({ repeat })) },
);

/** What a caller can observe of one command, positions aside (they differ between stores by design). */
async function outcomeOf(store: EventStore, requests: readonly AppendRequest[]): Promise<unknown> {
  try {
    const results = await store.appendMany(requests);
    return results.map((r) => ({ next: r.nextExpectedVersion, stored: r.alreadyStored, versions: r.events.map((e) => e.streamVersion) }));
  } catch (error) {
    const { name, actual, eventId } = error as { name: string; actual?: number; eventId?: string };
    return { name, actual, eventId };
  }
}

/**
 * Differential test: random histories of appends — fresh ids, retries, ids reused in other streams or twice,
 * every kind of expected version, multi-stream appends — give the same outcomes and the same streams on
 * KurrentDB (through the real client and the test double) as on the in-memory reference store.
 */
describe('KurrentDbEventStore against the in-memory reference store', () => {
  let double: KurrentDbTestDouble;
  let kurrent: KurrentDbEventStore;

  beforeAll(async () => {
    double = await startKurrentDbTestDouble();
    kurrent = new KurrentDbEventStore({ connectionString: double.connectionString });
  });
  afterAll(async () => {
    await kurrent.close();
    await double.stop();
  });

  it('gives the same outcome to every append and ends with the same streams', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandPlan, { minLength: 1, maxLength: 8 }), async (commands) => {
        const reference = new InMemoryEventStore();
        // Fresh stream ids and event ids per run: the KurrentDB store is shared by all runs.
        const run = randomUUID();
        const streamIds = STREAMS.map((category, i) => `${category}-${run}-${i}`);
        const events = Array.from({ length: 10 }, () => newEvent());
        const toRequests = (plan: Readonly<{ requests: readonly RequestPlan[] }>): AppendRequest[] => {
          const distinct = plan.requests.filter((r, i) => plan.requests.findIndex((o) => o.stream === r.stream) === i);
          return distinct.map((r) => ({ streamId: streamIds[r.stream], expectedVersion: r.expected, events: r.ids.map((id): NewEvent => events[id]) }));
        };
        const issued: AppendRequest[][] = [];
        for (const command of commands) {
          const requests = 'repeat' in command ? issued[command.repeat % Math.max(issued.length, 1)] ?? [] : toRequests(command);
          issued.push(requests);
          const [expected, actual] = [await outcomeOf(reference, requests), await outcomeOf(kurrent, requests)];
          expect({ requests, outcome: actual }).toEqual({ requests, outcome: expected });
        }
        for (const streamId of streamIds) {
          expect(idsOf(await kurrent.readStream(streamId))).toEqual(idsOf(await reference.readStream(streamId)));
        }
        for (const event of events) {
          expect((await kurrent.readEvent(event.eventId))?.streamId).toEqual((await reference.readEvent(event.eventId))?.streamId);
        }
      }),
      { numRuns: 25 },
    );
  }, 300_000);
});
