import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@orgchange/event-store';
import { LogPageQueryDto } from '../common/log-page-query.dto';

/** The log as stored, for operators and replay: JSON-safe positions, both times of every event. */
export const toEventView = (e: RecordedEvent) => ({
  globalPosition: Number(e.globalPosition),
  eventId: e.eventId,
  streamId: e.streamId,
  streamVersion: e.streamVersion,
  type: e.type,
  version: e.version,
  effectiveFrom: (e.data as { effectiveFrom?: string }).effectiveFrom ?? null,
  recordedAt: e.recordedAt,
  data: e.data,
  metadata: e.metadata,
});

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @ApiOperation({ summary: 'The event log in global order, a page at a time' })
  async read(@Query() query: LogPageQueryDto) {
    const after = query.after ?? 0;
    const events = (await this.store.readAll({ after: BigInt(after), limit: query.limit ?? 100 })).map(toEventView);
    return { after, events, next: events.length > 0 ? events[events.length - 1].globalPosition : after };
  }
}
