import { join } from 'node:path';
import { Command } from 'commander';
import { CSV_COLUMNS, CSV_FILE, METRIC_CATALOGUE, SUMMARY_FILE, writeRowsCsv, writeSummary } from '@orgchange/analysis';
import { byOption, checkRange, everyOption, metricList, minGroupOption, type PeriodOptions, writableDirectory } from './analyse-options';
import { replayWithProgress, rowsOf } from './analysis-run';
import { calendarDate, knownAtOption } from './read-options';
import { dbOption } from './store-option';

type AnalyseOptions = PeriodOptions & { metrics: string[]; out: string };

const SUPPRESSION = 'people metrics (leadership-churn, tenure, acting-share, clinician-share) computed from fewer than --min-group distinct people are written with an empty value and suppressed=true';
const PERIODS = 'calendar periods overlapping --from..--to; period_start and period_end are both inclusive days; "on the last day" reads the record on period_end';

/**
 * `orgchange analyse`: replays the log once (in global order, one page at a time) and writes tidy metrics per
 * valid-time period and group, as the record stood at --known-at, with a JSON summary beside them.
 */
export function analyseCommand(): Command {
  return new Command('analyse')
    .description('replay the log and write metrics per period and group as tidy CSV plus a JSON summary (progress on stderr)')
    .addOption(dbOption())
    .requiredOption('--from <date>', 'first valid date to cover (YYYY-MM-DD)', calendarDate('--from'))
    .requiredOption('--to <date>', 'last valid date to cover (YYYY-MM-DD)', calendarDate('--to'))
    .addOption(everyOption())
    .addOption(byOption())
    .requiredOption('--metrics <list>', `comma-separated metrics, or all: ${METRIC_CATALOGUE.map((m) => m.name).join(', ')}`, metricList)
    .requiredOption('--out <dir>', `directory for ${CSV_FILE} and ${SUMMARY_FILE} (created if missing)`)
    .addOption(knownAtOption('--known-at', 'the log'))
    .addOption(minGroupOption())
    .action(async (o: AnalyseOptions) => {
      checkRange(o);
      const out = writableDirectory('--out', o.out);
      const started = performance.now();
      const replayed = await replayWithProgress(o.db, o.knownAt);
      const rowsWritten = await writeRowsCsv(out, rowsOf(replayed, o, o.metrics));
      await writeSummary(out, {
        inputs: { db: o.db, from: o.from, to: o.to, every: o.every, by: o.by, metrics: o.metrics, knownAt: o.knownAt ?? null, minGroup: o.minGroup },
        eventsInLog: replayed.eventsInLog,
        eventsRead: 2 * replayed.eventsInLog,
        eventsApplied: replayed.eventsApplied,
        eventsRecordedAfterKnownAt: replayed.eventsRecordedAfterKnownAt,
        eventsRetractedOrCorrected: replayed.retractedOrCorrected,
        replaySeconds: round(replayed.seconds),
        eventsPerSec: replayed.eventsPerSec,
        totalSeconds: round((performance.now() - started) / 1000),
        peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
        rowsWritten,
        files: { csv: CSV_FILE, columns: CSV_COLUMNS },
        periods: PERIODS,
        suppression: SUPPRESSION,
        metricDefinitions: Object.fromEntries(METRIC_CATALOGUE.filter((m) => o.metrics.includes(m.name)).map((m) => [m.name, { rows: m.rows, people: m.people, definition: m.definition }])),
      });
      console.log(`wrote ${rowsWritten} rows to ${join(out, CSV_FILE)} and ${join(out, SUMMARY_FILE)} (${replayed.eventsInLog} events, ${replayed.eventsPerSec} events/s)`);
    });
}

const round = (seconds: number): number => Math.round(seconds * 100) / 100;
