import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { generateInto } from './synthetic-bench';

/** Events per trust of 1,000 posts over 10 years, as the generator makes them (about 10,200; measured). */
const EVENTS_PER_TRUST = 10_200;

export type HugeResult = Readonly<{ hugeRebuildEventsPerSec: number; hugeRebuildEvents: number; peakRssMiB: number; huge: Readonly<Record<string, unknown>> }>;

/**
 * `--huge`: a log of about `events` events (many trusts of 1,000 posts over 10 years), then a full rebuild of
 * the leadership projection in a child process, so its peak RSS is the rebuild's own and not the generator's.
 */
export async function runHugeBench(dir: string, events: number, seed: number): Promise<HugeResult> {
  const file = join(dir, 'huge.sqlite');
  const organisations = Math.max(1, Math.round(events / EVENTS_PER_TRUST));
  process.stderr.write(`bench: huge: generating ${organisations} trusts (about ${events} events)…\n`);
  const counts = await generateInto(file, { organisations, postsPerOrganisation: 1000, years: 10, seed });
  process.stderr.write(`bench: huge: ${counts.events} events in ${counts.seconds} s; rebuilding in a child process…\n`);
  const child = join(__dirname, 'rebuild-child.js');
  const output = execFileSync(process.execPath, [child, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  const rebuilt = JSON.parse(output.trim().split('\n').pop()!) as { events: number; seconds: number; eventsPerSec: number; cpuSeconds: number; peakRssMiB: number; maxRssMiB: number };
  return {
    hugeRebuildEventsPerSec: rebuilt.eventsPerSec,
    hugeRebuildEvents: rebuilt.events,
    peakRssMiB: rebuilt.peakRssMiB,
    huge: { organisations, seed, generateSeconds: counts.seconds, rebuildSeconds: rebuilt.seconds, rebuildCpuSeconds: rebuilt.cpuSeconds, maxRssMiB: rebuilt.maxRssMiB, rssSampled: 'process.memoryUsage.rss() after every batch of the rebuild; maxRssMiB from process.resourceUsage().maxRSS of the rebuild process' },
  };
}
