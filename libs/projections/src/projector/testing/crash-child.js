'use strict';
/**
 * Child process of projector-crash.int-spec.ts: rebuilds the leadership projection of a database, in small
 * batches, until it is done or killed, writing `replayed <events>` to stderr after each batch it committed. `node crash-child.js <compiled root> <database file> <page size>`, where the
 * compiled root holds libs/ built to CommonJS (the spec compiles it first).
 */
const { join } = require('node:path');

const [root, file, pageSize] = process.argv.slice(2);
// The event-store lib's index loads its Nest module, whose decorators need the metadata polyfill, as apps' main.ts does.
require('reflect-metadata');
const { SqliteEventStore } = require(join(root, 'libs/event-store/src/sqlite/sqlite-event-store.js'));
const { LeadershipProjector } = require(join(root, 'libs/projections/src/projector/leadership.projector.js'));

const store = new SqliteEventStore({ file });
new LeadershipProjector(store, { pageSize: Number(pageSize) })
  .rebuild((progress) => process.stderr.write(`replayed ${progress.applied}\n`))
  .then(() => store.close())
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
