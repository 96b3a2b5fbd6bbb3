import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotificationsQuery } from '@orgchange/workflow';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { NotificationsResponse } from './notifications.responses';

/**
 * What the notification saga (run by the worker) has sent about change programmes, with each channel's delivery
 * state. Read straight from the outbox: a notification appears once the worker has handled its programme event.
 */
@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsQuery) {}

  @Get('units/:unitId/notifications')
  @ApiOperation({ summary: 'Notifications sent to a unit about change programmes that affect it' })
  @ApiOkResponse({ type: NotificationsResponse })
  unitNotifications(@Param('unitId', ParseIdPipe) unitId: string): NotificationsResponse {
    return { notifications: this.notifications.ofUnit(unitId) as unknown as NotificationsResponse['notifications'] };
  }

  @Get('programmes/:programmeId/notifications')
  @ApiOperation({ summary: "A programme's notifications to every post, unit and organisation it affects" })
  @ApiOkResponse({ type: NotificationsResponse })
  @ApiNotFoundResponse({ description: 'ProgrammeNotFound' })
  async programmeNotifications(@Param('programmeId', ParseIdPipe) programmeId: string): Promise<NotificationsResponse> {
    const notifications = await this.notifications.ofProgramme(programmeId);
    if (!notifications) throw new NotFoundException({ code: 'ProgrammeNotFound', message: `no programme ${programmeId}` });
    return { notifications: notifications as unknown as NotificationsResponse['notifications'] };
  }
}
