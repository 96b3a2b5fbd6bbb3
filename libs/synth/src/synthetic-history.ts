import { type CalendarDate, organisationStream } from '@orgchange/domain';
import type { EventStore } from '@orgchange/event-store';
import { ActionQueue } from './action-queue';
import { DecidedLog } from './decided-log';
import { OrganisationSimulation, type ScheduledAction } from './organisation-simulation';
import { addYears, dateOf, dayOf, nextMonthStart } from './sim-days';

export type SyntheticHistoryOptions = Readonly<{
  /** Trusts to generate (default 1). */
  organisations?: number;
  /** Posts of each trust on day one (default 1,000, with about 150 units); later years add a few. */
  postsPerOrganisation?: number;
  /** Length of the history in whole years (default 10). */
  years?: number;
  /** Same seed, same events, ids included (default 1). */
  seed?: number;
  /** First day of the history (default 2015-01-01). */
  startDate?: CalendarDate;
  /**
   * Trusts simulated side by side, their events interleaved in the log day by day as a shared deployment
   * would record them (default 8). Larger cohorts hold more state in memory.
   */
  cohort?: number;
  /** Set to recorded time before each append, so recorded time follows the history (see {@link SimulatedClock}). */
  clock?: SimulatedClock;
  /** Called after each append. */
  onProgress?: (progress: SyntheticProgress) => void;
}>;

export type SyntheticProgress = Readonly<{ events: number; organisationsDone: number; organisations: number; simulatedDate: CalendarDate; fraction: number }>;

export type SyntheticHistoryCounts = Readonly<{
  organisations: number;
  organisationIds: readonly string[];
  events: number;
  units: number;
  posts: number;
  people: number;
  appointments: number;
  corrections: number;
  eventsByType: Readonly<Record<string, number>>;
}>;

/** A clock for the store's `now`: the generator moves it to each simulated day before appending. */
export class SimulatedClock {
  private current = new Date(0);

  readonly now = (): Date => this.current;

  /** Sets recorded time to 18:00 UTC on `date`; it never goes back (nor does the store's recorded time). */
  advanceTo(date: CalendarDate): void {
    const next = new Date(`${date}T18:00:00.000Z`);
    if (next > this.current) this.current = next;
  }
}

/** The store already holds a history generated from this seed (same seed, same ids): nothing would be added. */
export class SyntheticSeedInUseError extends Error {
  constructor(readonly seed: number, readonly organisationId: string) {
    super(`the store already has organisation ${organisationId} of seed ${seed}: generate with another seed`);
    this.name = 'SyntheticSeedInUseError';
  }
}

/** Events decided before an append; also appended at the end of every simulated month. */
const BATCH_EVENTS = 20_000;

/**
 * Generates and appends a synthetic history of NHS trusts: units, posts, appointments with turnover,
 * secondments with acting cover, vacancies with interims, retitles and regrades (some backdated), unit renames
 * and moves, a division merger and a split with re-appointments, a service closed and one opened, posts
 * abolished, and wrong dates corrected later. Every event is decided by the real stream deciders from the state
 * its stream has so far; any refusal is a generator bug and throws `SyntheticHistoryError`. Events are appended
 * in large `appendMany` batches at the versions they were decided against, and recorded in day order.
 * A seed already generated into the store is refused (`SyntheticSeedInUseError`).
 */
export async function generateSyntheticHistory(store: EventStore, options: SyntheticHistoryOptions = {}): Promise<SyntheticHistoryCounts> {
  const organisations = options.organisations ?? 1;
  const cohortSize = Math.max(1, options.cohort ?? 8);
  const seed = options.seed ?? 1;
  const startDay = dayOf(options.startDate ?? ('2015-01-01' as CalendarDate));
  const endDay = addYears(startDay, options.years ?? 10) - 1;
  const log = new DecidedLog();
  const organisationIds: string[] = [];
  for (let first = 0; first < organisations; first += cohortSize) {
    const queue = new ActionQueue<ScheduledAction>();
    const cohort = Array.from({ length: Math.min(cohortSize, organisations - first) }, (_, i) =>
      new OrganisationSimulation(first + i, seed, options.postsPerOrganisation ?? 1000, startDay, endDay, log, queue),
    );
    const append = async (day: number) => {
      options.clock?.advanceTo(dateOf(day));
      await log.flush(store);
      const fraction = (first + (cohort.length * (day - startDay + 1)) / (endDay - startDay + 1)) / organisations;
      options.onProgress?.({ events: log.total, organisationsDone: first, organisations, simulatedDate: dateOf(day), fraction });
    };
    for (const organisation of cohort) {
      if ((await store.streamVersion(organisationStream(organisation.organisationId))) >= 0) throw new SyntheticSeedInUseError(seed, organisation.organisationId);
      organisation.start();
      organisationIds.push(organisation.organisationId);
    }
    await append(startDay);
    let day = startDay;
    let monthEnd = nextMonthStart(day);
    for (let next = queue.pop(); next; next = queue.pop()) {
      if (next.day >= monthEnd || log.pending >= BATCH_EVENTS) {
        await append(day);
        monthEnd = nextMonthStart(next.day);
      }
      day = next.day;
      next.item.organisation.handle(next.item.action, day);
    }
    await append(endDay);
    log.forget();
  }
  const count = (type: string) => log.byType[type] ?? 0;
  return {
    organisations,
    organisationIds,
    events: log.total,
    units: count('UnitEstablished'),
    posts: count('PostCreated'),
    people: count('PersonRegistered'),
    appointments: count('AppointmentStarted'),
    corrections: count('EventCorrected') + count('EventRetracted'),
    eventsByType: { ...log.byType },
  };
}
