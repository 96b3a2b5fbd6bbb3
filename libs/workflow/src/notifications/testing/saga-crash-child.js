'use strict';
/**
 * Child process of notification-saga-crash.int-spec.ts: runs the notification saga over a database until it has
 * handled the whole log, or is killed. `node saga-crash-child.js <compiled root> <database file> <posts per change>`,
 * where the compiled root holds libs/ built to CommonJS (the spec compiles it first).
 */
const { join } = require('node:path');

const [root, file, postsPerChange] = process.argv.slice(2);
const { SqliteEventStore } = require(join(root, 'libs/event-store/src/sqlite/sqlite-event-store.js'));
const { NotificationSagaRunner } = require(join(root, 'libs/workflow/src/notifications/notification-saga.runner.js'));
const { TableRecipientFinder } = require(join(root, 'libs/workflow/src/notifications/testing/programme-history.js'));

const store = new SqliteEventStore({ file });
// Small pages and frequent checkpoints of unrelated events, so a kill can land between any two of them.
new NotificationSagaRunner(store, new TableRecipientFinder(Number(postsPerChange)), { checkpointEvery: 5 })
  .catchUp(7)
  .then(() => store.close())
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
