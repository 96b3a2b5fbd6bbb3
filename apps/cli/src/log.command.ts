import { Command, Option } from 'commander';
import { readAllPages, type RecordedEvent } from '@orgchange/event-store';
import { wholeNumber } from './cli-error';
import { dbOption, openExistingStore } from './store-option';

const PAGE = 1000;

type LogOptions = { db: string; after: number; limit?: number; format: 'table' | 'json'; count?: boolean };

/** `orgchange log`: the event log in global order, for operators and replay. */
export function logCommand(): Command {
  return new Command('log')
    .description('print the event log in global order (both the effective date and the recorded time of each event)')
    .addOption(dbOption())
    .option('--after <position>', 'start after this global position', wholeNumber('--after', 0), 0)
    .option('--limit <n>', 'print at most n events', wholeNumber('--limit', 1))
    .addOption(new Option('--format <format>', 'table, or json (one JSON object per line)').choices(['table', 'json']).default('table'))
    .option('--count', 'print only the number of events in the log')
    .action(async (options: LogOptions) => {
      const store = openExistingStore(options.db);
      try {
        if (options.count) {
          console.log(String(await store.count()));
          return;
        }
        await printLog(store, options);
      } finally {
        await store.close();
      }
    });
}

async function printLog(store: ReturnType<typeof openExistingStore>, options: LogOptions): Promise<void> {
  let remaining = options.limit ?? Number.POSITIVE_INFINITY;
  if (options.format === 'table') console.log(['position', 'recordedAt', 'effectiveFrom', 'stream', 'type'].join('\t'));
  for await (const page of readAllPages(store, { after: BigInt(options.after), pageSize: PAGE })) {
    for (const event of page.slice(0, remaining)) console.log(options.format === 'json' ? JSON.stringify(toJson(event)) : toRow(event));
    remaining -= page.length;
    if (remaining <= 0) break;
  }
}

const effectiveFrom = (e: RecordedEvent): string => (e.data as { effectiveFrom?: string }).effectiveFrom ?? '';

const toRow = (e: RecordedEvent): string => [String(e.globalPosition), e.recordedAt, effectiveFrom(e) || '-', e.streamId, e.type].join('\t');

const toJson = (e: RecordedEvent) => ({ ...e, globalPosition: Number(e.globalPosition), effectiveFrom: effectiveFrom(e) || null });
