/**
 * A seeded pseudo-random source (sfc32, 128 bits of state, seeded through a string hash), so the same seed
 * always gives the same history and different seeds or purposes give unrelated sequences. Not for secrets.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `parts` name the purpose (seed, organisation index, "ids"…); equal parts give equal sequences. */
  constructor(...parts: readonly (string | number)[]) {
    [this.a, this.b, this.c, this.d] = hash128(parts.join('\u0000'));
    for (let i = 0; i < 15; i += 1) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A whole number in [min, max], both included. */
  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Exponentially distributed with the given mean, never below `min`. */
  exponential(mean: number, min = 0): number {
    return Math.max(min, Math.round(-Math.log(1 - this.next()) * mean));
  }

  /**
   * An id with the layout of a UUID version 7 made at `unixMs`: time-ordered like the ids the application makes
   * (`uuidv7`), so a generated log fills the store's id indexes the way real use does; the other 74 bits come
   * from this sequence.
   */
  uuidAt(unixMs: number): string {
    const high = Math.floor(unixMs / 0x10000);
    const low = unixMs % 0x10000;
    const r1 = this.nextUint32();
    const r2 = this.nextUint32();
    const r3 = this.nextUint32();
    return (
      `${hex32(high)}-${hex16(low)}-7${hex16(r1 & 0xfff).slice(1)}-${hex16(((r1 >>> 16) & 0x3fff) | 0x8000)}-${hex16(r2 & 0xffff)}${hex32(r3)}`
    );
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex16 = (n: number): string => HEX[(n >>> 8) & 0xff] + HEX[n & 0xff];
const hex32 = (n: number): string => hex16(n >>> 16) + hex16(n & 0xffff);

/** cyrb128: four 32-bit words from a string. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i += 1) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}
