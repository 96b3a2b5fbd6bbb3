import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CalendarDate } from '@orgchange/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IdListField, NameField, OptionalIdField, ReasonField } from '../common/dto-fields';
import { IsCalendarDate } from '../common/is-calendar-date.decorator';
import { PlannedChangeDto } from './planned-change.dto';

const MAX_CHANGES = 2000;

export class DraftProgrammeDto {
  @OptionalIdField('programme id') programmeId?: string;
  @NameField('programme title') title: string;
  @IdListField('organisations the programme changes', 1) organisationIds: string[];
  @ApiProperty({ type: [PlannedChangeDto], description: 'the changes proposed, each with its own effective date', maxItems: MAX_CHANGES })
  @IsArray()
  @ArrayMaxSize(MAX_CHANGES)
  @ValidateNested({ each: true })
  @Type(() => PlannedChangeDto)
  changes: PlannedChangeDto[];
  @ApiPropertyOptional({ description: 'months after the last change takes effect when the review falls due (default 6)' }) @IsOptional() @IsInt() reviewAfterMonths?: number;
}

export class OpenConsultationDto {
  @ApiProperty({ description: 'length of the consultation in days (commonly 30 or 45)', example: 45 }) @IsInt() days: number;
  @ApiPropertyOptional({ description: 'first day of the consultation (default today)' }) @IsOptional() @IsCalendarDate() opensOn?: CalendarDate;
}

export class RecordConsultationResponseDto {
  @OptionalIdField('response id') responseId?: string;
  @NameField('who responded (a team, a union, a role: not a person’s name)') respondent: string;
  @NameField('what they said', 5000) summary: string;
}

export class DecideProgrammeDto {
  @ApiProperty({ enum: ['approved', 'amended'] }) @IsIn(['approved', 'amended']) decision: 'approved' | 'amended';
  @ApiPropertyOptional({ type: [PlannedChangeDto], description: 'with an amended decision: the changes that will take effect' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CHANGES)
  @ValidateNested({ each: true })
  @Type(() => PlannedChangeDto)
  changes?: PlannedChangeDto[];
  @ReasonField() reason?: string;
}

/** Consultation can be skipped only with a reason (the domain refuses a blank one by name). */
export class WaiveConsultationDto {
  @ApiProperty({ maxLength: 2000 }) @IsString() @MaxLength(2000) reason: string;
}

export class WithdrawProgrammeDto {
  @ApiProperty({ maxLength: 2000 }) @IsString() @MaxLength(2000) reason: string;
}

export class CloseProgrammeDto {
  @ReasonField() reason?: string;
}
