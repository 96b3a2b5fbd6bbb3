const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

/**
 * A growable column of 32-bit integers in fixed-size chunks: growing never copies what is stored, so memory
 * stays close to what is used instead of doubling for a moment, as one big growing array would.
 */
export class IntColumn {
  private readonly chunks: Int32Array[] = [];
  private count = 0;

  get length(): number {
    return this.count;
  }

  /** Appends a value and returns its index. */
  push(value: number): number {
    const index = this.count;
    if ((index & MASK) === 0) this.chunks.push(new Int32Array(CHUNK));
    this.chunks[index >>> CHUNK_BITS][index & MASK] = value;
    this.count += 1;
    return index;
  }

  get(index: number): number {
    return this.chunks[index >>> CHUNK_BITS][index & MASK];
  }

  set(index: number, value: number): void {
    this.chunks[index >>> CHUNK_BITS][index & MASK] = value;
  }
}
