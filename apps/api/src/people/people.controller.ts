import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ExecutePersonCommand, newId } from '@orgchange/commands';
import { type CalendarDate, PROFESSIONS, type Profession } from '@orgchange/domain';
import type { CommandEnvelope } from '@orgchange/event-store';
import { IsIn } from 'class-validator';
import type { Response } from 'express';
import { Envelope } from '../common/command-envelope.decorator';
import { CommandResponse, respond } from '../common/command-response';
import { EffectiveFromField, OptionalIdField } from '../common/dto-fields';
import { WritesTo } from '../auth/route-access.decorators';
import { noOrganisation } from '../auth/organisation-resolvers';

/** Only an opaque id and a profession: names never enter the event log. */
export class RegisterPersonDto {
  @OptionalIdField('person id') personId?: string;
  @ApiProperty({ enum: PROFESSIONS }) @IsIn(PROFESSIONS) profession: Profession;
  @EffectiveFromField() effectiveFrom: CalendarDate;
}

@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(private readonly commandBus: CommandBus) {}

  @WritesTo(noOrganisation)
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a person by opaque id and profession' })
  @ApiCreatedResponse({ type: CommandResponse })
  async register(@Body() dto: RegisterPersonDto, @Envelope() envelope: CommandEnvelope, @Res({ passthrough: true }) res: Response) {
    const data = { ...dto, personId: dto.personId ?? newId() };
    return respond(res, await this.commandBus.execute(new ExecutePersonCommand({ type: 'RegisterPerson', data }, envelope)));
  }
}
