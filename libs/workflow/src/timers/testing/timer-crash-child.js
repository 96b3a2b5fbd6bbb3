'use strict';
/**
 * Child process of programme-timer-crash.int-spec.ts: fires every timer due on a day, as the worker does once
 * per tick, then exits (unless killed first). `node timer-crash-child.js <compiled root> <database file> <today> <kill at>`,
 * where the compiled root holds libs/ built to CommonJS (the spec compiles it first). Prints `ready` once the
 * store is open, so the parent's clock for the kill starts when firing does. The parent SIGKILLs it once
 * `kill at` events are appended; on a fast machine the run can end before the parent looks, so the child
 * also SIGKILLs itself a moment after appending that many (the parent's kill can land inside a write, this
 * one between writes: the trials get both).
 */
const { join } = require('node:path');

const [root, file, today, killAt] = process.argv.slice(2);
const { SqliteEventStore } = require(join(root, 'libs/event-store/src/sqlite/sqlite-event-store.js'));
const { ProgrammeTimerIndex } = require(join(root, 'libs/workflow/src/timers/programme-timer-index.js'));
const { ProgrammeTimerRunner } = require(join(root, 'libs/workflow/src/timers/programme-timer-runner.js'));

const store = new SqliteEventStore({ file });
let appended = 0;
const counted = (method, countOf) => {
  const original = store[method].bind(store);
  store[method] = async (...args) => {
    const result = await original(...args);
    appended += countOf(args);
    if (appended >= Number(killAt)) setTimeout(() => process.kill(process.pid, 'SIGKILL'), Math.floor(Math.random() * 3));
    return result;
  };
};
counted('append', (args) => args[1].length);
counted('appendMany', (args) => args[0].reduce((n, request) => n + request.events.length, 0));
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
