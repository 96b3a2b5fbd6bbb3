import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORGANISATION_KINDS, type OrganisationKind } from '@orgchange/domain';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { EffectiveFromField, IdField, IdListField, NameField, OptionalIdField, ReasonField } from '../common/dto-fields';
import type { CalendarDate } from '@orgchange/domain';

export class EstablishOrganisationDto {
  @OptionalIdField('organisation id') organisationId?: string;
  @NameField('legal name') name: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) @IsIn(ORGANISATION_KINDS) kind: OrganisationKind;
  @ApiPropertyOptional({ description: 'external code such as an NHS ODS code', example: 'RZZ' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9]{1,20}$/, { message: 'externalCode must be 1–20 letters or digits' })
  externalCode?: string;
  @EffectiveFromField() effectiveFrom: CalendarDate;
  @ReasonField() reason?: string;
}

export class RenameOrganisationDto {
  @NameField('new name') name: string;
  @EffectiveFromField() effectiveFrom: CalendarDate;
  @ReasonField() reason?: string;
}

export class ReclassifyOrganisationDto {
  @ApiProperty({ enum: ORGANISATION_KINDS, description: 'the kind from the effective date' }) @IsIn(ORGANISATION_KINDS) kind: OrganisationKind;
  @EffectiveFromField() effectiveFrom: CalendarDate;
  @ReasonField() reason?: string;
}

export class CloseOrganisationDto {
  @EffectiveFromField() effectiveFrom: CalendarDate;
  @ReasonField() reason?: string;
}


export class MergeOrganisationsDto {
  @IdListField('organisations merged away (they close on the effective date)', 1) predecessorIds: string[];
  @IdField('the organisation that carries on') successorId: string;
  @EffectiveFromField() effectiveFrom: CalendarDate;
  @ReasonField() reason?: string;
}

export class SplitOrganisationDto {
  @IdListField('organisations that take over its parts (established beforehand)', 2) successorIds: string[];
  @EffectiveFromField() effectiveFrom: CalendarDate;
  @ReasonField() reason?: string;
}
