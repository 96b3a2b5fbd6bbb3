import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExecuteCrossOrganisationCommand, ExecuteOrganisationCommand, newId } from '@orgchange/commands';
import type { CommandEnvelope } from '@orgchange/event-store';
import type { Response } from 'express';
import { Envelope } from '../common/command-envelope.decorator';
import { CommandResponse, respond } from '../common/command-response';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CloseOrganisationDto, EstablishOrganisationDto, MergeOrganisationsDto, ReclassifyOrganisationDto, RenameOrganisationDto, SplitOrganisationDto } from './organisation.dto';
import { AsOfQueryDto, OrganisationsQuery } from './organisations.query';
import { WritesTo } from '../auth/route-access.decorators';
import { command, organisationInPath } from '../auth/organisation-resolvers';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly query: OrganisationsQuery,
  ) {}

  @WritesTo(command('EstablishOrganisation'))
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Establish an organisation (trust, council, CCG/ICB, practice, department)' })
  @ApiCreatedResponse({ type: CommandResponse })
  async establish(@Body() dto: EstablishOrganisationDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    const data = { ...dto, organisationId: dto.organisationId ?? newId() };
    return respond(res, await this.commandBus.execute(new ExecuteOrganisationCommand({ type: 'EstablishOrganisation', data }, envelope)));
  }

  @WritesTo(command('MergeOrganisations'))
  @Post('merges')
  @HttpCode(201)
  @ApiOperation({ summary: 'Merge organisations into a successor (n → 1); the predecessors close' })
  @ApiCreatedResponse({ type: CommandResponse })
  async merge(@Body() dto: MergeOrganisationsDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return respond(res, await this.commandBus.execute(new ExecuteCrossOrganisationCommand({ type: 'MergeOrganisations', data: dto }, envelope)));
  }

  @WritesTo(organisationInPath)
  @Post(':organisationId/rename')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponse })
  async rename(@Param('organisationId', ParseIdPipe) organisationId: string, @Body() dto: RenameOrganisationDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return respond(res, await this.commandBus.execute(new ExecuteOrganisationCommand({ type: 'RenameOrganisation', data: { ...dto, organisationId } }, envelope)));
  }

  @WritesTo(organisationInPath)
  @Post(':organisationId/reclassify')
  @HttpCode(201)
  @ApiOperation({ summary: 'Change the kind of an organisation from a date (a trust gains foundation status, a CCG becomes a sub-ICB location)' })
  @ApiCreatedResponse({ type: CommandResponse })
  async reclassify(@Param('organisationId', ParseIdPipe) organisationId: string, @Body() dto: ReclassifyOrganisationDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return respond(res, await this.commandBus.execute(new ExecuteOrganisationCommand({ type: 'ReclassifyOrganisation', data: { ...dto, organisationId } }, envelope)));
  }

  @WritesTo(organisationInPath)
  @Post(':organisationId/close')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponse })
  async close(@Param('organisationId', ParseIdPipe) organisationId: string, @Body() dto: CloseOrganisationDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return respond(res, await this.commandBus.execute(new ExecuteOrganisationCommand({ type: 'CloseOrganisation', data: { ...dto, organisationId } }, envelope)));
  }

  @WritesTo(command('SplitOrganisation', { organisationId: 'predecessorId' }))
  @Post(':organisationId/split')
  @HttpCode(201)
  @ApiOperation({ summary: 'Split an organisation into established successors (1 → n); it closes' })
  @ApiCreatedResponse({ type: CommandResponse })
  async split(@Param('organisationId', ParseIdPipe) predecessorId: string, @Body() dto: SplitOrganisationDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return respond(res, await this.commandBus.execute(new ExecuteCrossOrganisationCommand({ type: 'SplitOrganisation', data: { ...dto, predecessorId } }, envelope)));
  }

  @Get()
  @ApiOperation({ summary: 'Every organisation, with its name and status on a date (default today)' })
  list(@Query() query: AsOfQueryDto) {
    return this.query.list(query.at);
  }

  @Get(':organisationId/units')
  @ApiOperation({ summary: 'The units of an organisation open on a date (default today), with their parents' })
  units(@Param('organisationId', ParseIdPipe) organisationId: string, @Query() query: AsOfQueryDto) {
    return this.query.units(organisationId, query.at);
  }
}
