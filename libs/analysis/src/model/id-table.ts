const RAW = '\u0001';
const PACKED = 0;
const DASHES = [8, 13, 18, 23];
const HEX_PAIRS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
/** Reused for every key: the packed marker, then the UUID's 16 bytes. */
const packed = new Uint8Array(17);

const hexDigit = (code: number): number => (code >= 48 && code <= 57 ? code - 48 : code >= 97 && code <= 102 ? code - 87 : -1);

/**
 * The key an id is remembered by. A canonical (lower-case) UUID, as every id this system mints, becomes its
 * 16 bytes as one flat 17-character one-byte string, two thirds of the memory of its text; any other id keeps
 * its text. The leading character tells the two forms apart, so different ids never share a key.
 */
export function compactKey(id: string): string {
  if (id.length !== 36 || DASHES.some((at) => id.charCodeAt(at) !== 45)) return RAW + id;
  packed[0] = PACKED;
  for (let i = 0; i < 16; i++) {
    const high = hexDigit(id.charCodeAt(HEX_PAIRS[i]));
    const low = hexDigit(id.charCodeAt(HEX_PAIRS[i] + 1));
    if (high < 0 || low < 0) return RAW + id;
    packed[i + 1] = high * 16 + low;
  }
  // One call over all 17 codes makes a flat string; concatenating the marker would leave a two-part string.
  return String.fromCharCode.apply(null, packed as unknown as number[]);
}

/** The id a {@link compactKey} was made from. */
export function idOfKey(key: string): string {
  if (key.charCodeAt(0) !== PACKED) return key.slice(1);
  let hex = '';
  for (let i = 1; i < key.length; i++) hex += key.charCodeAt(i).toString(16).padStart(2, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Gives each distinct id a dense number from 0 in order of first sight, so the analysis model keeps entities in
 * typed columns and compares people by number. It holds one compact key per entity, never one per event.
 */
export class IdTable {
  private readonly numbers = new Map<string, number>();
  private readonly keys: string[] = [];

  get size(): number {
    return this.keys.length;
  }

  /** The id's number, given one on first sight. */
  intern(id: string): number {
    const key = compactKey(id);
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.keys.length;
      this.numbers.set(key, n);
      this.keys.push(key);
    }
    return n;
  }

  /** The id's number, or -1 when it has not been seen. */
  find(id: string): number {
    return this.numbers.get(compactKey(id)) ?? -1;
  }

  /** The id numbered `n`. */
  idOf(n: number): string {
    return idOfKey(this.keys[n]);
  }
}
