import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExecuteProgrammeCommand, newId, type ProgrammeCommandRequest } from '@orgchange/commands';
import type { PlannedChange } from '@orgchange/domain';
import { type CommandEnvelope, EVENT_STORE, type EventStore } from '@orgchange/event-store';
import { LeadershipReader } from '@orgchange/projections';
import { ImpactAnalyser, ProgrammeReader } from '@orgchange/workflow';
import type { Response } from 'express';
import { Envelope } from '../common/command-envelope.decorator';
import { CommandResponse, respond } from '../common/command-response';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { KnownAtQueryDto } from '../timelines/known-at-query.dto';
import { programmeDraft, programmeStep } from '../auth/organisation-resolvers';
import { WritesTo } from '../auth/route-access.decorators';
import type { PlannedChangeDto } from './planned-change.dto';
import {
  CloseProgrammeDto,
  DecideProgrammeDto,
  DraftProgrammeDto,
  OpenConsultationDto,
  RecordConsultationResponseDto,
  WaiveConsultationDto,
  WithdrawProgrammeDto,
} from './programme.dto';

/** Change programmes: every command lands in the programme's stream, dated today by the server's clock. */
@ApiTags('programmes')
@Controller('programmes')
export class ProgrammesController {
  private readonly reader: ProgrammeReader;
  private readonly impact: ImpactAnalyser;

  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) store: EventStore,
    leadership: LeadershipReader,
  ) {
    this.reader = new ProgrammeReader(store);
    this.impact = new ImpactAnalyser(leadership);
  }

  private async run(command: ProgrammeCommandRequest, envelope: CommandEnvelope, res: Response) {
    return respond(res, await this.commandBus.execute(new ExecuteProgrammeCommand(command, envelope)));
  }

  @WritesTo(programmeDraft)
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Draft a programme: its organisations and planned changes, each with its effective date' })
  @ApiCreatedResponse({ type: CommandResponse })
  draft(@Body() dto: DraftProgrammeDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    const { programmeId, changes, ...rest } = dto;
    return this.run({ type: 'DraftProgramme', data: { ...rest, programmeId: programmeId ?? newId(), changes: planned(changes) } }, envelope, res);
  }

  @WritesTo(programmeStep)
  @Post(':programmeId/proposal')
  @HttpCode(201)
  @ApiOperation({ summary: 'Publish the proposal' })
  @ApiCreatedResponse({ type: CommandResponse })
  publish(@Param('programmeId', ParseIdPipe) programmeId: string, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'PublishProposal', data: { programmeId } }, envelope, res);
  }

  @WritesTo(programmeStep)
  @Post(':programmeId/consultation')
  @HttpCode(201)
  @ApiOperation({ summary: 'Open the staff consultation for a number of days (it closes by itself the day after its last day)' })
  @ApiCreatedResponse({ type: CommandResponse })
  consult(@Param('programmeId', ParseIdPipe) programmeId: string, @Body() dto: OpenConsultationDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'OpenConsultation', data: { ...dto, programmeId } }, envelope, res);
  }

  @WritesTo(programmeStep)
  @Post(':programmeId/responses')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a consultation response' })
  @ApiCreatedResponse({ type: CommandResponse })
  recordResponse(@Param('programmeId', ParseIdPipe) programmeId: string, @Body() dto: RecordConsultationResponseDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'RecordConsultationResponse', data: { ...dto, programmeId, responseId: dto.responseId ?? newId() } }, envelope, res);
  }

  @WritesTo(programmeStep)
  @Post(':programmeId/waiver')
  @HttpCode(201)
  @ApiOperation({ summary: 'Waive consultation, with a reason' })
  @ApiCreatedResponse({ type: CommandResponse })
  waive(@Param('programmeId', ParseIdPipe) programmeId: string, @Body() dto: WaiveConsultationDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'WaiveConsultation', data: { ...dto, programmeId } }, envelope, res);
  }

  @WritesTo(programmeStep)
  @Post(':programmeId/decision')
  @HttpCode(201)
  @ApiOperation({ summary: 'Decide: approved as proposed, or amended with the changes that will take effect' })
  @ApiCreatedResponse({ type: CommandResponse })
  decide(@Param('programmeId', ParseIdPipe) programmeId: string, @Body() dto: DecideProgrammeDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    const { changes, ...rest } = dto;
    return this.run({ type: 'DecideProgramme', data: { ...rest, programmeId, ...(changes ? { changes: planned(changes) } : {}) } }, envelope, res);
  }

  @WritesTo(programmeStep)
  @Post(':programmeId/withdrawal')
  @HttpCode(201)
  @ApiOperation({ summary: 'Withdraw the programme before any change takes effect; its pending timers are cancelled' })
  @ApiCreatedResponse({ type: CommandResponse })
  withdraw(@Param('programmeId', ParseIdPipe) programmeId: string, @Body() dto: WithdrawProgrammeDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'WithdrawProgramme', data: { ...dto, programmeId } }, envelope, res);
  }

  @WritesTo(programmeStep)
  @Post(':programmeId/closure')
  @HttpCode(201)
  @ApiOperation({ summary: 'Close the programme once its review is due' })
  @ApiCreatedResponse({ type: CommandResponse })
  close(@Param('programmeId', ParseIdPipe) programmeId: string, @Body() dto: CloseProgrammeDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'CloseProgramme', data: { ...dto, programmeId } }, envelope, res);
  }

  @Get()
  @ApiOperation({ summary: 'Every programme with its status and next timer' })
  async list() {
    return { programmes: await this.reader.list() };
  }

  @Get(':programmeId/impact')
  @ApiOperation({ summary: 'Who its changes affect (as proposed, or as decided), from the structure the day before each takes effect: posts, units and organisations with the people in them and why' })
  async impactOf(@Param('programmeId', ParseIdPipe) programmeId: string, @Query() query: KnownAtQueryDto) {
    const detail = await this.reader.show(programmeId);
    if (!detail) throw new NotFoundException({ code: 'ProgrammeNotFound', message: `no programme ${programmeId}` });
    const { recipients, unresolved } = await this.impact.analyse(detail.state.changes, query.knownAt);
    const people = new Set(recipients.flatMap((r) => r.personIds)).size;
    return { programmeId, status: detail.state.status, changes: detail.state.changes.length, people, recipients, unresolved };
  }

  @Get(':programmeId')
  @ApiOperation({ summary: 'A programme: its state, the timers it waits on, and its timeline of events with their recorded times' })
  async show(@Param('programmeId', ParseIdPipe) programmeId: string) {
    const detail = await this.reader.show(programmeId);
    if (!detail) throw new NotFoundException({ code: 'ProgrammeNotFound', message: `no programme ${programmeId}` });
    return detail;
  }
}

/** The DTO has checked the type and date; the rest of each command is the domain's to judge when it takes effect. */
const planned = (changes: readonly PlannedChangeDto[]): PlannedChange[] =>
  changes.map((c) => ({ changeId: c.changeId, command: { type: c.command.type, data: c.command.data } as unknown as PlannedChange['command'] }));
