/**
 * Which event store an app runs on, read from the environment by every app (api, worker, relay, cli):
 * - `EVENT_STORE=sqlite` (default): the log and every derived table in the file `ORGCHANGE_DB`;
 * - `EVENT_STORE=postgres`: the log in `DATABASE_URL` (schema `DATABASE_SCHEMA`, default `orgchange`);
 * - `EVENT_STORE=kurrentdb`: the log in `KURRENTDB_URL`.
 * With a server store, `ORGCHANGE_DB` still names a file: the instance's local state (a replica of the log
 * plus read models, saga checkpoints and timer indexes), which can be deleted and is rebuilt from the log.
 */
export type StoreConfig =
  | Readonly<{ kind: 'sqlite'; file: string }>
  | Readonly<{ kind: 'postgres'; url: string; schema: string; localStateFile: string }>
  | Readonly<{ kind: 'kurrentdb'; url: string; localStateFile: string }>;

export const STORE_KINDS = ['sqlite', 'postgres', 'kurrentdb'] as const;
export const DEFAULT_DATABASE_FILE = './data/orgchange.sqlite';

type Environment = Readonly<Record<string, string | undefined>>;

const given = (env: Environment, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

/** Every problem with the store variables, each naming the variable; empty when they are usable. */
export function storeConfigProblems(env: Environment): string[] {
  const problems: string[] = [];
  const kind = given(env, 'EVENT_STORE') ?? 'sqlite';
  if (!(STORE_KINDS as readonly string[]).includes(kind)) problems.push(`EVENT_STORE must be one of ${STORE_KINDS.join(', ')} (got ${JSON.stringify(kind)})`);
  if (kind === 'postgres') {
    const url = given(env, 'DATABASE_URL');
    if (url === undefined) problems.push('DATABASE_URL is required when EVENT_STORE=postgres (e.g. postgres://user@host:5432/orgchange)');
    else if (!hasScheme(url, ['postgres:', 'postgresql:'])) problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
    const schema = given(env, 'DATABASE_SCHEMA');
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,50}$/.test(schema)) problems.push('DATABASE_SCHEMA must be lower-case letters, digits and underscores');
  }
  if (kind === 'kurrentdb') {
    const url = given(env, 'KURRENTDB_URL');
    if (url === undefined) problems.push('KURRENTDB_URL is required when EVENT_STORE=kurrentdb (e.g. kurrentdb://host:2113?tls=false)');
    else if (!hasScheme(url, ['kurrentdb:', 'kurrentdb+discover:', 'esdb:', 'esdb+discover:'])) problems.push('KURRENTDB_URL must be a kurrentdb:// (or esdb://) connection string');
  }
  return problems;
}

/**
 * The store configuration from the environment.
 * @throws RangeError listing every problem, each naming its variable.
 */
export function storeConfigFrom(env: Environment): StoreConfig {
  const problems = storeConfigProblems(env);
  if (problems.length > 0) throw new RangeError(`invalid store configuration:\n  - ${problems.join('\n  - ')}`);
  const file = given(env, 'ORGCHANGE_DB') ?? DEFAULT_DATABASE_FILE;
  switch (given(env, 'EVENT_STORE') ?? 'sqlite') {
    case 'postgres':
      return { kind: 'postgres', url: given(env, 'DATABASE_URL')!, schema: given(env, 'DATABASE_SCHEMA') ?? 'orgchange', localStateFile: file };
    case 'kurrentdb':
      return { kind: 'kurrentdb', url: given(env, 'KURRENTDB_URL')!, localStateFile: file };
    default:
      return { kind: 'sqlite', file };
  }
}

function hasScheme(url: string, schemes: readonly string[]): boolean {
  try {
    return schemes.includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
