const DASH = 45;
const isDashAt = (at: number): boolean => at === 8 || at === 13 || at === 18 || at === 23;
const hexDigit = (code: number): number => (code >= 48 && code <= 57 ? code - 48 : code >= 97 && code <= 102 ? code - 87 : -1);

/**
 * Reads a canonical (lower-case) UUID, as every id this system mints, into four 32-bit words; returns false,
 * leaving `into` in any state, for any other id.
 */
export function readUuid(id: string, into: Int32Array): boolean {
  if (id.length !== 36) return false;
  let word = 0;
  let digits = 0;
  for (let at = 0; at < 36; at++) {
    const code = id.charCodeAt(at);
    if (isDashAt(at)) {
      if (code !== DASH) return false;
      continue;
    }
    const digit = hexDigit(code);
    if (digit < 0) return false;
    word = (word << 4) | digit;
    digits += 1;
    if ((digits & 7) === 0) into[(digits >> 3) - 1] = word;
  }
  return true;
}

/** The UUID text of four words read by {@link readUuid}. */
export function uuidOf(words: ArrayLike<number>): string {
  const hex = Array.from({ length: 4 }, (_, i) => (words[i] >>> 0).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Mixes the words into a well-spread 32-bit hash (UUID v7's leading words are a timestamp and vary little). */
export function hashWords(words: ArrayLike<number>): number {
  let h = words[0] ^ Math.imul(words[1], 0x9e3779b1) ^ Math.imul(words[2], 0x85ebca77) ^ Math.imul(words[3], 0xc2b2ae3d);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  return h ^ (h >>> 15);
}
