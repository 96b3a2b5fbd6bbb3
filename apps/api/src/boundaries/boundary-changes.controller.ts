import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExecuteCrossOrganisationCommand } from '@orgchange/commands';
import type { CrossOrganisationCommand } from '@orgchange/domain';
import type { CommandEnvelope } from '@orgchange/event-store';
import type { Response } from 'express';
import { Envelope } from '../common/command-envelope.decorator';
import { CommandResponse, respond } from '../common/command-response';
import { ChangeMembershipDto, RedrawBoundaryDto, TransferEmploymentDto, TransferServiceDto } from './boundary.dto';
import { WritesTo } from '../auth/route-access.decorators';
import { command } from '../auth/organisation-resolvers';

/** Changes between organisations; each is recorded in every organisation involved, in one transaction. */
@ApiTags('boundary changes')
@Controller('boundary-changes')
export class BoundaryChangesController {
  constructor(private readonly commandBus: CommandBus) {}

  private async run(command: CrossOrganisationCommand, envelope: CommandEnvelope, res: Response) {
    return respond(res, await this.commandBus.execute(new ExecuteCrossOrganisationCommand(command, envelope)));
  }

  @WritesTo(command('TransferService'))
  @Post('service-transfers')
  @HttpCode(201)
  @ApiOperation({ summary: 'Move a service or team to another organisation (hosting and employment kept apart)' })
  @ApiCreatedResponse({ type: CommandResponse })
  transferService(@Body() dto: TransferServiceDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'TransferService', data: dto }, envelope, res);
  }

  @WritesTo(command('ChangeMembership'))
  @Post('memberships')
  @HttpCode(201)
  @ApiOperation({ summary: 'An organisation joins or leaves a CCG/ICB or a partnership unit' })
  @ApiCreatedResponse({ type: CommandResponse })
  changeMembership(@Body() dto: ChangeMembershipDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'ChangeMembership', data: dto }, envelope, res);
  }

  @WritesTo(command('RedrawBoundary'))
  @Post('boundary-redraws')
  @HttpCode(201)
  @ApiOperation({ summary: 'Population, geography or budget moves between organisations' })
  @ApiCreatedResponse({ type: CommandResponse })
  redraw(@Body() dto: RedrawBoundaryDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'RedrawBoundary', data: dto }, envelope, res);
  }

  @WritesTo(command('TransferEmployment'))
  @Post('employment-transfers')
  @HttpCode(201)
  @ApiOperation({ summary: "People's employer changes while their team stays" })
  @ApiCreatedResponse({ type: CommandResponse })
  transferEmployment(@Body() dto: TransferEmploymentDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'TransferEmployment', data: dto }, envelope, res);
  }
}
