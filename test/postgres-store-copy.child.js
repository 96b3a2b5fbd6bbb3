// Child process of test/postgres-store-copy.e2e-spec.ts: copies a log with copyLog from the compiled tree in
// argv[2], SIGKILLing itself once KILL_AFTER_BATCHES batches are in, so the copy is cut at a known point.
const [tree, from, to, killAfter] = process.argv.slice(2);
const { openStoreUrl, openImportTarget } = require(`${tree}/libs/event-store/src/config/store-url.js`);
const { copyLog } = require(`${tree}/libs/event-store/src/config/store-copy.js`);

(async () => {
  const source = await openStoreUrl(from, { mustExist: true });
  const target = await openImportTarget(to);
  let batches = 0;
  await copyLog(source, target, {
    batchSize: 500,
    onProgress: () => {
      batches += 1;
      // The first call reports the starting point; the next ones follow each committed batch.
      if (batches > Number(killAfter)) process.kill(process.pid, 'SIGKILL');
    },
  });
  process.exitCode = 3; // reaching the end means the kill point was never reached
})();
