import { BadRequestException, Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { analysisRows, calendarPeriods, chartPoints, lineChartSpec, METRIC_CATALOGUE, replayLog } from '@orgchange/analysis';
import { EVENT_STORE, type EventStore } from '@orgchange/event-store';
import { MetricChartQueryDto } from './metric-chart-query.dto';

/** A chart spans at most this many periods (about 40 years by month): each is a point per group in the answer. */
const MAX_PERIODS = 500;

/**
 * Analyst metrics for the web page: the log replayed as `orgchange chart` replays it, answered as the same
 * Vega-Lite spec for the browser to draw. A read like any other (every role); each request replays the whole
 * log, which the API's rate limit bounds.
 */
@ApiTags('analysis')
@ApiBadRequestResponse({ description: 'an unknown metric, or a malformed date, period, grouping or timestamp; `errors` names it' })
@Controller('analysis')
export class AnalysisController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('charts/:metric')
  @ApiOperation({ summary: 'One metric per period as a Vega-Lite line chart spec (one line per group), with its point count' })
  @ApiParam({ name: 'metric', description: 'a metric of `orgchange analyse` (such as open-units) or one of its rows (such as restructures.unit-merge)' })
  async chart(@Param('metric') name: string, @Query() query: MetricChartQueryDto) {
    const definition = METRIC_CATALOGUE.find((m) => m.name === name) ?? METRIC_CATALOGUE.find((m) => m.rows.includes(name));
    if (!definition) throw invalid('metric', `unknown metric "${name}"; choose from ${METRIC_CATALOGUE.flatMap((m) => (m.rows.length > 1 ? [m.name, ...m.rows] : [m.name])).join(', ')}`);
    if (query.to < query.from) throw invalid('to', 'must not be before from');
    const every = query.every ?? 'quarter';
    const periods = calendarPeriods(query.from, query.to, every);
    if (periods.length > MAX_PERIODS) throw invalid('every', `${periods.length} periods from ${query.from} to ${query.to}; at most ${MAX_PERIODS}: choose a longer period or a shorter range`);
    const wanted = definition.name === name ? definition.rows : [name];
    const replayed = await replayLog(this.store, { knownAt: query.knownAt });
    const rows = [...analysisRows(replayed.model, { periods, by: query.by ?? 'all', metrics: [definition.name], minGroup: query.minGroup ?? 5 })].filter((r) => wanted.includes(r.metric));
    const title = wanted.length === 1 ? wanted[0] : definition.name;
    const points = chartPoints(rows);
    return { metric: title, definition: definition.definition, every, series: new Set(points.map((p) => p.series)).size, points: points.length, eventsApplied: replayed.eventsApplied, spec: lineChartSpec(title, points) };
  }
}

const invalid = (field: string, message: string) => new BadRequestException({ code: 'ValidationFailed', message: `${field}: ${message}`, errors: [{ field, messages: [message] }] });
