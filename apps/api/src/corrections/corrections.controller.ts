import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ExecuteCorrectionCommand } from '@orgchange/commands';
import type { CommandEnvelope } from '@orgchange/event-store';
import { IsNotEmpty, IsObject, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { Envelope } from '../common/command-envelope.decorator';
import { CommandResponse, respond } from '../common/command-response';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { WritesTo } from '../auth/route-access.decorators';
import { correctionTarget } from '../auth/organisation-resolvers';

export class RetractEventDto {
  @ApiProperty({ description: 'why the event should never have been recorded' }) @IsString() @IsNotEmpty() @MaxLength(2000) reason: string;
}

export class CorrectEventDto {
  @ApiProperty({ description: 'the event’s data as it should have been (identifiers unchanged)', example: { effectiveFrom: '2023-03-01' } })
  @IsObject()
  correctedData: Record<string, unknown>;
  @ApiProperty({ description: 'why the record was wrong' }) @IsString() @IsNotEmpty() @MaxLength(2000) reason: string;
}

/** Mistakes are fixed by later events that point at the wrong one; nothing is rewritten or deleted. */
@ApiTags('corrections')
@Controller('events/:eventId')
export class CorrectionsController {
  constructor(private readonly commandBus: CommandBus) {}

  @WritesTo(correctionTarget)
  @Post('retraction')
  @HttpCode(201)
  @ApiOperation({ summary: 'Retract an event recorded in error' })
  @ApiCreatedResponse({ type: CommandResponse })
  async retract(@Param('eventId', ParseIdPipe) targetEventId: string, @Body() dto: RetractEventDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return respond(res, await this.commandBus.execute(new ExecuteCorrectionCommand({ type: 'RetractEvent', data: { targetEventId, reason: dto.reason } }, envelope)));
  }

  @WritesTo(correctionTarget)
  @Post('correction')
  @HttpCode(201)
  @ApiOperation({ summary: 'Correct the facts of an event (most often a backdated effective date)' })
  @ApiCreatedResponse({ type: CommandResponse })
  async correct(@Param('eventId', ParseIdPipe) targetEventId: string, @Body() dto: CorrectEventDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    return respond(res, await this.commandBus.execute(new ExecuteCorrectionCommand({ type: 'CorrectEvent', data: { targetEventId, ...dto } }, envelope)));
  }
}
