type Entry<T> = { day: number; seq: number; item: T };

/**
 * Things to do on future days, taken out in day order; on the same day, in the order they were scheduled.
 * A binary min-heap, so scheduling and taking are O(log n) however long the history.
 */
export class ActionQueue<T> {
  private readonly heap: Entry<T>[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** The day of the next entry, or Infinity when empty. */
  peekDay(): number {
    return this.heap.length > 0 ? this.heap[0].day : Number.POSITIVE_INFINITY;
  }

  push(day: number, item: T): void {
    this.heap.push({ day, seq: this.seq++, item });
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(this.heap[i], this.heap[parent])) break;
      [this.heap[i], this.heap[parent]] = [this.heap[parent], this.heap[i]];
      i = parent;
    }
  }

  pop(): { day: number; item: T } | undefined {
    const top = this.heap[0];
    if (!top) return undefined;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < this.heap.length && before(this.heap[left], this.heap[smallest])) smallest = left;
        if (right < this.heap.length && before(this.heap[right], this.heap[smallest])) smallest = right;
        if (smallest === i) break;
        [this.heap[i], this.heap[smallest]] = [this.heap[smallest], this.heap[i]];
        i = smallest;
      }
    }
    return { day: top.day, item: top.item };
  }
}

const before = <T>(a: Entry<T>, b: Entry<T>): boolean => a.day < b.day || (a.day === b.day && a.seq < b.seq);
