import { performance } from 'node:perf_hooks';
import { SqliteEventStore } from '@orgchange/event-store';
import { LeadershipProjector } from '@orgchange/projections';

/**
 * Child process of the `--huge` bench: rebuilds the leadership projection over an existing log file and prints
 * one JSON line with its rate and its memory, measured in a process that did nothing else.
 * RSS is sampled after every batch of the rebuild (it keeps the event loop busy between them, so timers would not
 * fire); `maxRssMiB`, the kernel's peak for the whole process, also covers the index builds after the last batch.
 */
async function main(file: string): Promise<void> {
  const store = new SqliteEventStore({ file });
  const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
  let peakRss = process.memoryUsage.rss();
  let pages = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const done = await new LeadershipProjector(store).rebuild((progress) => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    pages += 1;
    if (pages % 25 === 0) process.stderr.write(`bench: huge rebuild ${progress.applied}/${progress.total} events, ${progress.eventsPerSec} events/s, rss ${mib(peakRss)} MiB\n`);
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = Math.round((cpu.user + cpu.system) / 1e5) / 10;
  await store.close();
  // resourceUsage().maxRSS is in KiB on Linux.
  const maxRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify({ events: done.applied, seconds: Math.round(seconds * 10) / 10, eventsPerSec: Math.round(done.applied / seconds), cpuSeconds, peakRssMiB: mib(peakRss), maxRssMiB, phases: done.phases }));
}

void main(process.argv[2]).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
