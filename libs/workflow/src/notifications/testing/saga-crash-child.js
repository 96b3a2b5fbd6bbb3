'use strict';
/**
 * Child process of notification-saga-crash.int-spec.ts: runs the notification saga over a database until it has
 * handled the whole log, or is killed. `node saga-crash-child.js <compiled root> <database file> <posts per change> <kill at>`,
 * where the compiled root holds libs/ built to CommonJS (the spec compiles it first). The parent SIGKILLs it once
 * the outbox holds `kill at` notifications; on a fast machine the saga can finish before the parent looks, so
 * the child also SIGKILLs itself a moment after that many were added (the parent's kill can land inside a write,
 * this one between writes: the trials get both).
 */
const { join } = require('node:path');

const [root, file, postsPerChange, killAt] = process.argv.slice(2);
const { SqliteEventStore } = require(join(root, 'libs/event-store/src/sqlite/sqlite-event-store.js'));
const { NotificationSagaRunner } = require(join(root, 'libs/workflow/src/notifications/notification-saga.runner.js'));
const { TableRecipientFinder } = require(join(root, 'libs/workflow/src/notifications/testing/programme-history.js'));

const store = new SqliteEventStore({ file });
// Small pages and frequent checkpoints of unrelated events, so a kill can land between any two of them.
let added = 0;
const onNotified = (count) => {
  added += count;
  if (added >= Number(killAt)) setTimeout(() => process.kill(process.pid, 'SIGKILL'), Math.floor(Math.random() * 3));
};
new NotificationSagaRunner(store, new TableRecipientFinder(Number(postsPerChange)), { checkpointEvery: 5, onNotified })
  .catchUp(7)
  .then(() => store.close())
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
