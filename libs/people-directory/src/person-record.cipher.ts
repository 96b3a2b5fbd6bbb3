import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { PersonName } from './person-directory.port';

/** A person's names from one source, sealed with that person's own key. */
export type SealedRecord = Readonly<{ nonce: Buffer; ciphertext: Buffer; tag: Buffer }>;

const ALGORITHM = 'aes-256-gcm';
export const PERSON_KEY_BYTES = 32;

/** A fresh random data key for one person. */
export const newPersonKey = (): Buffer => randomBytes(PERSON_KEY_BYTES);

/**
 * Binds the ciphertext to its person and source, so a record copied onto another person's row fails to open
 * instead of showing the wrong name.
 */
const associatedData = (personId: string, source: string): Buffer => Buffer.from(`${personId}\u0000${source}`, 'utf8');

/** AES-256-GCM with a random 96-bit nonce per record (a key seals few records, so nonces never repeat in practice). */
export function sealNames(key: Buffer, personId: string, source: string, names: readonly PersonName[]): SealedRecord {
  const nonce = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, nonce);
  cipher.setAAD(associatedData(personId, source));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(names), 'utf8'), cipher.final()]);
  return { nonce, ciphertext, tag: cipher.getAuthTag() };
}

/** Opens a sealed record; throws when the key, person, source or bytes do not match (GCM authentication). */
export function openNames(key: Buffer, personId: string, source: string, sealed: SealedRecord): PersonName[] {
  const decipher = createDecipheriv(ALGORITHM, key, sealed.nonce);
  decipher.setAAD(associatedData(personId, source));
  decipher.setAuthTag(sealed.tag);
  return JSON.parse(Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8')) as PersonName[];
}
