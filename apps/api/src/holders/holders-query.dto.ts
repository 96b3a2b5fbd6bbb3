import { ApiProperty } from '@nestjs/swagger';
import type { CalendarDate } from '@orgchange/domain';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { KnownAtField, OptionalDateField } from '../projections/read-query-fields';

export class HoldersQueryDto {
  @ApiProperty({ description: 'post title, matched whole and without regard to case', example: 'Secretary of State for Health' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @OptionalDateField('the valid date to look at; default today') at?: CalendarDate;
  @KnownAtField() knownAt?: string;
}
