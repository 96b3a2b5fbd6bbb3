import { ApiProperty } from '@nestjs/swagger';
import { isCalendarDate } from '@orgchange/domain';
import { PLANNED_COMMAND_ROUTES, PLANNED_COMMAND_TYPES, type PlannedCommandType } from '@orgchange/workflow';
import { Type } from 'class-transformer';
import { IsIn, IsObject, ValidateBy, ValidateNested, type ValidationArguments } from 'class-validator';
import { ID_PATTERN, IdField } from '../common/dto-fields';

/** The id a route needs to find the planned command's stream when it fires. */
const ROUTING_ID: Readonly<Record<string, string | undefined>> = { organisation: 'organisationId', post: 'postId' };

/**
 * Why a planned command's `data` is unusable, or undefined. Only what every command shares is checked here
 * (its effective date, the id of its stream); the rest is the domain's to judge on the day it takes effect,
 * against the record as it is then.
 */
function plannedDataProblem(data: unknown, type: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'data must be an object';
  const fields = data as Record<string, unknown>;
  if (!isCalendarDate(fields.effectiveFrom)) return 'data.effectiveFrom must be a real calendar date in the form YYYY-MM-DD';
  const routingId = typeof type === 'string' ? ROUTING_ID[PLANNED_COMMAND_ROUTES[type as PlannedCommandType]] : undefined;
  if (routingId && !(typeof fields[routingId] === 'string' && ID_PATTERN.test(fields[routingId] as string))) return `data.${routingId} must be an id`;
  return undefined;
}

const IsPlannedCommandData = (): PropertyDecorator =>
  ValidateBy({
    name: 'isPlannedCommandData',
    validator: {
      validate: (value, args) => plannedDataProblem(value, (args?.object as { type?: unknown }).type) === undefined,
      defaultMessage: (args?: ValidationArguments) => `${plannedDataProblem(args?.value, (args?.object as { type?: unknown }).type)}`,
    },
  });

/** A command of the record, kept to be decided on its effective date. `data` is passed on as it is. */
export class PlannedCommandDto {
  @ApiProperty({ enum: PLANNED_COMMAND_TYPES, description: 'an organisation, boundary or post command type' })
  @IsIn(PLANNED_COMMAND_TYPES)
  type: PlannedCommandType;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the command’s fields as its own endpoint takes them, with effectiveFrom', example: { postId: 'cd-surgery', effectiveFrom: '2026-09-01' } })
  @IsObject()
  @IsPlannedCommandData()
  data: Record<string, unknown>;
}

export class PlannedChangeDto {
  @IdField('id of the change within the programme') changeId: string;

  @ApiProperty({ type: PlannedCommandDto })
  @ValidateNested()
  @Type(() => PlannedCommandDto)
  command: PlannedCommandDto;
}
