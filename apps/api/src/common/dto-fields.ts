import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsCalendarDate } from './is-calendar-date.decorator';

/** Ids are opaque: letters, digits, `-`, `_`, `.` and `:` (UUIDs, ODS codes, `unit-medicine`). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const ID_MESSAGE = 'must be an id of 1–100 letters, digits, ".", "_", ":" or "-"';

export const IdField = (description: string) =>
  applyDecorators(ApiProperty({ description, example: '0193f1c2-7a10-7c4e-9d0a-2b1f0e6a9c11' }), IsString(), Matches(ID_PATTERN, { message: `$property ${ID_MESSAGE}` }));

export const OptionalIdField = (description: string) =>
  applyDecorators(ApiPropertyOptional({ description: `${description} (generated when absent)` }), IsOptional(), IsString(), Matches(ID_PATTERN, { message: `$property ${ID_MESSAGE}` }));

export const NameField = (description: string, max = 200) =>
  applyDecorators(ApiProperty({ description, maxLength: max }), IsString(), IsNotEmpty(), MaxLength(max), Matches(/\S/, { message: '$property must not be blank' }));

export const EffectiveFromField = () =>
  applyDecorators(
    ApiProperty({ description: 'the calendar date the change takes effect (past = backdated, future = scheduled)', example: '2024-04-01' }),
    IsCalendarDate(),
  );

export const ReasonField = () =>
  applyDecorators(ApiPropertyOptional({ description: 'why, in the programme office’s words', maxLength: 2000 }), IsOptional(), IsString(), MaxLength(2000));

export const IdListField = (description: string, min: number, max = 100) =>
  applyDecorators(
    ApiProperty({ description, type: [String], minItems: min, maxItems: max }),
    IsArray(),
    ArrayMinSize(min),
    ArrayMaxSize(max),
    IsString({ each: true }),
    Matches(ID_PATTERN, { each: true, message: `each of $property ${ID_MESSAGE}` }),
  );

export const OptionalIdListField = (description: string, max = 100) =>
  applyDecorators(
    ApiPropertyOptional({ description, type: [String], maxItems: max }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(max),
    IsString({ each: true }),
    Matches(ID_PATTERN, { each: true, message: `each of $property ${ID_MESSAGE}` }),
  );
