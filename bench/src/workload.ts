import { randomUUID } from 'node:crypto';
import { addDays, type CalendarDate } from '@orgchange/domain';

/** The "appointments" workload of shared/bench/WORKLOAD.md: streams `post-<n>`, 10 rounds, ~200-byte events. */
export type WorkloadSize = Readonly<{ streams: number; rounds: number }>;

export const FULL_SIZE: WorkloadSize = { streams: 10_000, rounds: 10 };

export type WorkloadEvent = Readonly<{
  type: 'AppointmentStarted' | 'AppointmentEnded';
  version: 1;
  data: Readonly<{ personId: string; postId: string; unitId: string; organisationId: string; effectiveFrom: CalendarDate; kind: 'substantive' | 'acting'; fraction: 1 }>;
}>;

const START = '2015-01-01' as CalendarDate;

/** Event `round` of stream `n`: started on even rounds, ended on odd ones, 90 days apart. */
export function workloadEvent(n: number, round: number): WorkloadEvent {
  return {
    type: round % 2 === 0 ? 'AppointmentStarted' : 'AppointmentEnded',
    version: 1,
    data: {
      personId: randomUUID(),
      postId: `post-${n}`,
      unitId: `unit-${n % 500}`,
      organisationId: `org-${n % 20}`,
      effectiveFrom: addDays(START, 90 * round),
      kind: n % 3 === 0 ? 'acting' : 'substantive',
      fraction: 1,
    },
  };
}

export const workloadMetadata = () => ({ actor: 'bench', correlationId: randomUUID() });

/** A small seeded generator (mulberry32), so every run reads the same "random" streams. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
