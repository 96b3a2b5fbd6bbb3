import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { APPOINTMENT_END_REASONS, APPOINTMENT_KINDS, type AppointmentEndReason, type AppointmentKind, type CalendarDate, POST_FAMILIES, type PostFamily } from '@orgchange/domain';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '../common/is-calendar-date.decorator';
import { EffectiveFromField, IdField, NameField, OptionalIdField, ReasonField } from '../common/dto-fields';

export class CreatePostDto {
  @OptionalIdField('post id') postId?: string;
  @IdField('organisation of the unit') organisationId: string;
  @IdField('unit the post belongs to') unitId: string;
  @NameField('title, e.g. Clinical Director for Surgery') title: string;
  @ApiProperty({ enum: POST_FAMILIES }) @IsIn(POST_FAMILIES) family: PostFamily;
  @NameField('grade, e.g. AfC 8c, consultant, VSM', 40) grade: string;
  @ApiProperty({ description: '1 = single holder, 2 = joint post', minimum: 1, maximum: 20 }) @IsInt() @Min(1) @Max(20) maxHolders: number;
  @ApiPropertyOptional({ description: 'programmed activities per week for a clinical leadership post', minimum: 0, maximum: 12 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(12)
  programmedActivities?: number;
  @OptionalIdField('leadership group, e.g. a triumvirate') groupId?: string;
  @ApiPropertyOptional({ description: 'role within the group, e.g. clinical-director', maxLength: 60 }) @IsOptional() @IsString() @MaxLength(60) groupRole?: string;
  @EffectiveFromField() effectiveFrom: CalendarDate;
  @ReasonField() reason?: string;
}

export class RetitlePostDto {
  @NameField('new title') title: string;
  @EffectiveFromField() effectiveFrom: CalendarDate;
  @ReasonField() reason?: string;
}

export class RegradePostDto {
  @NameField('new grade', 40) grade: string;
  @EffectiveFromField() effectiveFrom: CalendarDate;
  @ReasonField() reason?: string;
}

export class AbolishPostDto {
  @EffectiveFromField() effectiveFrom: CalendarDate;
  @ReasonField() reason?: string;
}

export class StartAppointmentDto {
  @OptionalIdField('appointment id') appointmentId?: string;
  @IdField('the person appointed (opaque id; register them first)') personId: string;
  @ApiProperty({ enum: APPOINTMENT_KINDS }) @IsIn(APPOINTMENT_KINDS) kind: AppointmentKind;
  @ApiPropertyOptional({ description: 'share of full time, more than 0 and at most 1' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(1)
  fraction?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 12 }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(12) programmedActivities?: number;
  @OptionalIdField('for acting/covering holders: the absent holder covered') coveringForPersonId?: string;
  @OptionalIdField('employer when it is not the post’s organisation') employingOrganisationId?: string;
  @EffectiveFromField() effectiveFrom: CalendarDate;
  @ApiPropertyOptional({ description: 'first day no longer in post, for a fixed term or past appointment' }) @IsOptional() @IsCalendarDate() endsOn?: CalendarDate;
  @ApiPropertyOptional({ enum: APPOINTMENT_END_REASONS }) @IsOptional() @IsIn(APPOINTMENT_END_REASONS) endReason?: AppointmentEndReason;
  @ReasonField() reason?: string;
}

export class EndAppointmentDto {
  @ApiProperty({ enum: APPOINTMENT_END_REASONS }) @IsIn(APPOINTMENT_END_REASONS) endReason: AppointmentEndReason;
  @ApiProperty({ description: 'first day the person no longer holds the post', example: '2024-04-01' }) @IsCalendarDate() effectiveFrom: CalendarDate;
  @ReasonField() reason?: string;
}
