/**
 * Counts the distinct people in lists of person numbers (repeats allowed) with one stamp per person, where a
 * Set per group and period would allocate for every holder.
 */
export class DistinctPeople {
  private readonly stamps: Int32Array;
  private stamp = 0;

  constructor(people: number) {
    this.stamps = new Int32Array(people);
  }

  count(persons: readonly number[]): number {
    this.stamp += 1;
    let distinct = 0;
    for (const person of persons) {
      if (this.stamps[person] === this.stamp) continue;
      this.stamps[person] = this.stamp;
      distinct += 1;
    }
    return distinct;
  }
}
