import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { instantMessage, parseInstant } from '@orgchange/projections';
import { IsOptional, ValidateBy } from 'class-validator';
import { IsCalendarDate } from '../common/is-calendar-date.decorator';

/** The value is an ISO 8601 timestamp with a zone (see `parseInstant`); the 400 names the parameter. */
export const IsInstant = (): PropertyDecorator =>
  ValidateBy({
    name: 'isInstant',
    validator: { validate: (value) => parseInstant(value) !== undefined, defaultMessage: (args) => instantMessage(args?.property ?? 'value') },
  });

/** An optional valid date, defaulting to today. */
export const OptionalDateField = (description: string) =>
  applyDecorators(ApiPropertyOptional({ description: `${description} (YYYY-MM-DD)`, example: '2020-01-01' }), IsOptional(), IsCalendarDate());

export const DateField = (description: string) => applyDecorators(ApiProperty({ description: `${description} (YYYY-MM-DD)`, example: '2018-01-01' }), IsCalendarDate());

/** An optional recorded instant: the answer ignores every event recorded after it. Default now. */
export const KnownAtField = (description = 'read the record as it stood at this instant: events recorded after it are ignored; default now') =>
  applyDecorators(ApiPropertyOptional({ description, example: '2024-04-01T09:30:00Z' }), IsOptional(), IsInstant());
