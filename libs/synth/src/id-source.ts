import { SeededRandom } from './seeded-random';

const MS_PER_DAY = 86_400_000;

/**
 * Ids for one organisation's history: UUID version 7 stamped with the simulated day on which they are made
 * (the application stamps them with the instant of the request), the rest drawn from a seeded sequence.
 */
export class IdSource {
  private readonly random: SeededRandom;
  /** Day number (days since 1970-01-01) the simulation is on; the caller moves it forward. */
  today = 0;
  private tick = 0;

  constructor(...parts: readonly (string | number)[]) {
    this.random = new SeededRandom(...parts, 'ids');
  }

  next(): string {
    // Stamped from 09:00 with a millisecond counter, so ids made on one day sort in the order they were made.
    this.tick = (this.tick + 1) % 3_600_000;
    return this.random.uuidAt(this.today * MS_PER_DAY + 32_400_000 + this.tick);
  }
}
