import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The server the PostgreSQL suites use: `DATABASE_URL`, else the one running on this machine. */
export const TEST_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name no other test run uses, so parallel runs (and other engineers' runs) never collide. */
export const freshSchemaName = (prefix = 'oc_test'): string => `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;

/** Drops a test schema with everything in it (DROP SCHEMA bypasses the row triggers that guard events). */
export async function dropSchema(schema: string, url = TEST_DATABASE_URL): Promise<void> {
  if (!/^oc_[a-z0-9_]+$/.test(schema)) throw new Error(`refusing to drop ${schema}: not a test schema`);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
