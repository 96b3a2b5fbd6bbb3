import { existsSync } from 'node:fs';
import { canImport, type EventImport } from '../event-import.port';
import type { EventStore } from '../event-store.port';
import { KurrentDbEventStore } from '../kurrentdb/kurrentdb-event-store';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';

/**
 * Opens a log named by URL, with no upcaster, so events are read exactly as stored:
 * `sqlite:<file>`, `postgres://…` or `postgresql://…` (schema from `?schema=`, default `orgchange`),
 * `kurrentdb://…` or `esdb://…`. `mustExist` refuses a SQLite file that is not there (a source).
 * @throws RangeError naming what is wrong with the URL.
 */
export async function openStoreUrl(url: string, options: { mustExist?: boolean } = {}): Promise<EventStore> {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file === '') throw new RangeError(`${url}: name a file, e.g. sqlite:./data/orgchange.sqlite`);
    if (options.mustExist && !existsSync(file)) throw new RangeError(`${url}: no database at ${file}`);
    return new SqliteEventStore({ file });
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema') ?? 'orgchange';
    parsed.searchParams.delete('schema');
    return PostgresEventStore.open({ url: parsed.toString(), schema });
  }
  if (/^(kurrentdb|esdb)(\+discover)?:\/\//.test(url)) return new KurrentDbEventStore({ connectionString: url });
  throw new RangeError(`${url}: expected sqlite:<file>, postgres://… or kurrentdb://…`);
}

/**
 * Opens a log to copy into: it must keep positions and recorded times as given ({@link EventImport}).
 * KurrentDB cannot: it assigns every event's commit position itself.
 */
export async function openImportTarget(url: string): Promise<EventStore & EventImport> {
  const store = await openStoreUrl(url);
  if (canImport(store)) return store;
  await store.close();
  throw new RangeError(`${url}: cannot copy into this store, which assigns its own positions (copy into sqlite: or postgres:// instead)`);
}
