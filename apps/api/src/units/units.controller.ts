import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExecuteOrganisationCommand, newId } from '@orgchange/commands';
import type { OrganisationCommand } from '@orgchange/domain';
import type { CommandEnvelope } from '@orgchange/event-store';
import type { Response } from 'express';
import { Envelope } from '../common/command-envelope.decorator';
import { CommandResponse, respond } from '../common/command-response';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { DissolveUnitDto, EstablishUnitDto, MergeUnitsDto, MoveUnitDto, RenameUnitDto, SplitUnitDto } from './unit.dto';
import { WritesTo } from '../auth/route-access.decorators';
import { organisationInPath } from '../auth/organisation-resolvers';

/** The unit tree of one organisation: every command lands in that organisation's stream. */
@ApiTags('units')
@Controller('organisations/:organisationId')
export class UnitsController {
  constructor(private readonly commandBus: CommandBus) {}

  private async run(command: OrganisationCommand, envelope: CommandEnvelope, res: Response) {
    return respond(res, await this.commandBus.execute(new ExecuteOrganisationCommand(command, envelope)));
  }

  @WritesTo(organisationInPath)
  @Post('units')
  @HttpCode(201)
  @ApiOperation({ summary: 'Establish a unit (division, directorate, team, partnership unit …)' })
  @ApiCreatedResponse({ type: CommandResponse })
  establish(@Param('organisationId', ParseIdPipe) organisationId: string, @Body() dto: EstablishUnitDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'EstablishUnit', data: { ...dto, organisationId, unitId: dto.unitId ?? newId() } }, envelope, res);
  }

  @WritesTo(organisationInPath)
  @Post('units/:unitId/rename')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponse })
  rename(@Param('organisationId', ParseIdPipe) organisationId: string, @Param('unitId', ParseIdPipe) unitId: string, @Body() dto: RenameUnitDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'RenameUnit', data: { ...dto, organisationId, unitId } }, envelope, res);
  }

  @WritesTo(organisationInPath)
  @Post('units/:unitId/move')
  @HttpCode(201)
  @ApiOperation({ summary: 'Re-parent a unit (no cycles; one parent per date)' })
  @ApiCreatedResponse({ type: CommandResponse })
  move(@Param('organisationId', ParseIdPipe) organisationId: string, @Param('unitId', ParseIdPipe) unitId: string, @Body() dto: MoveUnitDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'MoveUnit', data: { ...dto, organisationId, unitId } }, envelope, res);
  }

  @WritesTo(organisationInPath)
  @Post('units/:unitId/split')
  @HttpCode(201)
  @ApiOperation({ summary: 'Split a unit into new units, allocating its children' })
  @ApiCreatedResponse({ type: CommandResponse })
  split(@Param('organisationId', ParseIdPipe) organisationId: string, @Param('unitId', ParseIdPipe) unitId: string, @Body() dto: SplitUnitDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'SplitUnit', data: { ...dto, organisationId, unitId } }, envelope, res);
  }

  @WritesTo(organisationInPath)
  @Post('units/:unitId/dissolve')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponse })
  dissolve(@Param('organisationId', ParseIdPipe) organisationId: string, @Param('unitId', ParseIdPipe) unitId: string, @Body() dto: DissolveUnitDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'DissolveUnit', data: { ...dto, organisationId, unitId } }, envelope, res);
  }

  @WritesTo(organisationInPath)
  @Post('unit-merges')
  @HttpCode(201)
  @ApiOperation({ summary: 'Merge units into one; their children move to the successor' })
  @ApiCreatedResponse({ type: CommandResponse })
  merge(@Param('organisationId', ParseIdPipe) organisationId: string, @Body() dto: MergeUnitsDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'MergeUnits', data: { ...dto, organisationId } }, envelope, res);
  }
}
