const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const RAW = '\u0001';
const PACKED = '\u0000';

/**
 * The key an id is remembered by. A canonical UUID (every id this system mints) becomes its 16 bytes as a
 * 17-character one-byte string, about two thirds of the memory of its text; any other id keeps its text. The
 * leading character tells the two forms apart, so different ids never share a key.
 */
export function compactKey(id: string): string {
  if (id.length !== 36 || !UUID.test(id)) return RAW + id;
  const hex = id.replace(/-/g, '');
  const bytes: number[] = [];
  for (let at = 0; at < 32; at += 2) bytes.push(parseInt(hex.slice(at, at + 2), 16));
  return PACKED + String.fromCharCode(...bytes);
}

/** The id a {@link compactKey} was made from. */
export function idOfKey(key: string): string {
  if (key[0] === RAW) return key.slice(1);
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
