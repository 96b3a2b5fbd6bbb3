import { IntColumn } from './int-column';
import { hashWords, readUuid, uuidOf } from './uuid-words';

const FIRST_SLOTS = 1 << 10;
/** The UUID being looked up, as four words (reused: a lookup allocates nothing). */
const sought = new Int32Array(4);
const stored = new Int32Array(4);

/**
 * Gives each distinct id a dense number from 0 in order of first sight, so the analysis model keeps entities in
 * typed columns and compares people by number. UUIDs (every id this system mints) are kept as their 16 bytes in
 * an open-addressing table of typed arrays: about 25 bytes an id, against about 80 for a string in a Map, and
 * nothing for the garbage collector to walk. Other ids (ODS codes, test ids) go in an ordinary Map.
 */
export class IdTable {
  private readonly others = new Map<string, number>();
  private readonly otherIds = new Map<number, string>();
  /** Four words per number: the UUID's bits (zero for other ids). */
  private readonly words = new IntColumn();
  /** Linear probing; each slot holds a number + 1, 0 when empty. Kept at most three-quarters full. */
  private slots = new Int32Array(FIRST_SLOTS);
  private uuids = 0;

  get size(): number {
    return this.words.length / 4;
  }

  /** The id's number, given one on first sight. */
  intern(id: string): number {
    if (!readUuid(id, sought)) {
      let n = this.others.get(id);
      if (n === undefined) {
        n = this.append(0, 0, 0, 0);
        this.others.set(id, n);
        this.otherIds.set(n, id);
      }
      return n;
    }
    const slot = this.slotOf(sought);
    if (this.slots[slot] !== 0) return this.slots[slot] - 1;
    const n = this.append(sought[0], sought[1], sought[2], sought[3]);
    this.slots[slot] = n + 1;
    this.uuids += 1;
    if (this.uuids * 4 > this.slots.length * 3) this.grow();
    return n;
  }

  /** The id's number, or -1 when it has not been seen. */
  find(id: string): number {
    if (!readUuid(id, sought)) return this.others.get(id) ?? -1;
    return this.slots[this.slotOf(sought)] - 1;
  }

  /** The id numbered `n`. */
  idOf(n: number): string {
    return this.otherIds.get(n) ?? uuidOf(this.wordsOf(n, stored));
  }

  /** The slot holding these words, or the empty slot where they would go. */
  private slotOf(words: Int32Array): number {
    const mask = this.slots.length - 1;
    for (let slot = hashWords(words) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot];
      if (entry === 0 || this.holds(entry - 1, words)) return slot;
    }
  }

  private holds(n: number, words: Int32Array): boolean {
    const at = 4 * n;
    return this.words.get(at) === words[0] && this.words.get(at + 1) === words[1] && this.words.get(at + 2) === words[2] && this.words.get(at + 3) === words[3];
  }

  private append(a: number, b: number, c: number, d: number): number {
    const n = this.size;
    this.words.push(a);
    this.words.push(b);
    this.words.push(c);
    this.words.push(d);
    return n;
  }

  private wordsOf(n: number, into: Int32Array): Int32Array {
    for (let i = 0; i < 4; i++) into[i] = this.words.get(4 * n + i);
    return into;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (const entry of old) if (entry !== 0) this.slots[this.slotOf(this.wordsOf(entry - 1, stored))] = entry;
  }
}
