import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The development signing secret lives beside the database, so the API and `orgchange token` agree on it. */
export const localSecretFile = (databaseFile: string): string => join(dirname(databaseFile), 'orgchange-jwt-secret');

/**
 * Reads the local secret, creating it (48 random bytes, owner-only) the first time. `wx` makes a concurrent
 * second creator fail and read the winner's secret instead of overwriting it.
 */
export function readOrCreateLocalSecret(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(48).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}
