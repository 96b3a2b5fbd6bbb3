import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Command } from 'commander';
import { CHART_FORMATS, type ChartFormat, chartPoints, lineChartSpec, renderChart } from '@orgchange/analysis';
import { CliError } from './cli-error';
import { byOption, chartMetric, checkRange, everyOption, minGroupOption, type PeriodOptions, writableFileDirectory } from './analyse-options';
import { replayWithProgress, rowsOf } from './analysis-run';
import { calendarDate, knownAtOption } from './read-options';
import { dbOption } from './store-option';

type ChartOptions = PeriodOptions & { out: string; groups?: string[] };

const groupList = (value: string): string[] => value.split(',').map((g) => g.trim()).filter((g) => g !== '');

/** `orgchange chart`: one metric over time as a line chart (one line per group), rendered without a browser. */
export function chartCommand(): Command {
  return new Command('chart')
    .description('replay the log and draw one metric per period as a line chart, SVG or PNG by the --out extension')
    .argument('<metric>', 'a metric of `orgchange analyse` (such as open-organisations) or one of its rows (such as restructures.unit-merge)')
    .addOption(dbOption())
    .requiredOption('--from <date>', 'first valid date to cover (YYYY-MM-DD)', calendarDate('--from'))
    .requiredOption('--to <date>', 'last valid date to cover (YYYY-MM-DD)', calendarDate('--to'))
    .addOption(everyOption('quarter'))
    .addOption(byOption())
    .option('--groups <list>', 'draw only these groups (comma-separated, e.g. ccg,nhs-trust with --by kind)', groupList)
    .requiredOption('--out <file>', 'chart file: .svg or .png')
    .addOption(knownAtOption('--known-at', 'the log'))
    .addOption(minGroupOption())
    .action(async (name: string, o: ChartOptions) => {
      checkRange(o);
      const { metric, rows: wanted } = chartMetric(name);
      const format = extname(o.out).slice(1).toLowerCase() as ChartFormat;
      if (!CHART_FORMATS.includes(format)) throw new CliError(`--out must end in .svg or .png, got "${o.out}"`);
      writableFileDirectory('--out', o.out);
      const replayed = await replayWithProgress(o.db, o.knownAt);
      const rows = [...rowsOf(replayed, o, [metric])].filter((r) => wanted.includes(r.metric) && (o.groups === undefined || o.groups.includes(r.group)));
      if (rows.length === 0 && o.groups) throw new CliError(`--groups: none of ${o.groups.join(', ')} has ${metric} rows (groups come from --by ${o.by})`, 1);
      const title = wanted.length === 1 ? wanted[0] : metric;
      const points = chartPoints(rows);
      await writeFile(o.out, await renderChart(lineChartSpec(title, points), format));
      console.log(`wrote ${o.out}: ${title} per ${o.every}, ${new Set(points.map((p) => p.series)).size} series, ${points.length} points`);
    });
}
