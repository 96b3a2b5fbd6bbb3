'use strict';
/**
 * Child process of programme-timer-crash.int-spec.ts: fires every timer due on a day, as the worker does once
 * per tick, then exits (unless killed first). `node timer-crash-child.js <compiled root> <database file> <today>`,
 * where the compiled root holds libs/ built to CommonJS (the spec compiles it first). Prints `ready` once the
 * store is open, so the parent's clock for the kill starts when firing does.
 */
const { join } = require('node:path');

const [root, file, today] = process.argv.slice(2);
const { SqliteEventStore } = require(join(root, 'libs/event-store/src/sqlite/sqlite-event-store.js'));
const { ProgrammeTimerIndex } = require(join(root, 'libs/workflow/src/timers/programme-timer-index.js'));
const { ProgrammeTimerRunner } = require(join(root, 'libs/workflow/src/timers/programme-timer-runner.js'));

const store = new SqliteEventStore({ file });
const runner = new ProgrammeTimerRunner(store, new ProgrammeTimerIndex(store, store.database), { now: () => new Date(`${today}T12:00:00Z`) });
process.stdout.write('ready\n');
runner
  .runOnce()
  .then((report) => {
    if (report.errors.length > 0) throw new Error(JSON.stringify(report.errors));
    return store.close();
  })
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
