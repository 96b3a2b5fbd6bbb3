import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type CalendarDate, UNIT_KINDS, type UnitKind } from '@orgchange/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { EffectiveFromField, IdField, IdListField, NameField, OptionalIdField, OptionalIdListField, ReasonField } from '../common/dto-fields';

export class EstablishUnitDto {
  @OptionalIdField('unit id') unitId?: string;
  @NameField('unit name') name: string;
  @ApiProperty({ enum: UNIT_KINDS }) @IsIn(UNIT_KINDS) kind: UnitKind;
  @OptionalIdField('parent unit; absent = directly under the organisation') parentUnitId?: string;
  @OptionalIdListField('other organisations of a partnership unit (e.g. a council in a neighbourhood team)') memberOrganisationIds?: string[];
  @EffectiveFromField() effectiveFrom: CalendarDate;
  @ReasonField() reason?: string;
}

export class RenameUnitDto {
  @NameField('new name') name: string;
  @EffectiveFromField() effectiveFrom: CalendarDate;
  @ReasonField() reason?: string;
}

export class MoveUnitDto {
  @OptionalIdField('new parent unit; absent = directly under the organisation') toParentUnitId?: string;
  @EffectiveFromField() effectiveFrom: CalendarDate;
  @ReasonField() reason?: string;
}

export class DissolveUnitDto {
  @EffectiveFromField() effectiveFrom: CalendarDate;
  @ReasonField() reason?: string;
}

export class NewUnitDto {
  @IdField('id of the unit to create') unitId: string;
  @NameField('unit name') name: string;
  @ApiProperty({ enum: UNIT_KINDS }) @IsIn(UNIT_KINDS) kind: UnitKind;
  @OptionalIdField('parent unit') parentUnitId?: string;
}

export class MergeUnitsDto {
  @IdListField('units merged (at least two)', 2) unitIds: string[];
  @OptionalIdField('an open unit that carries on (may be one of unitIds)') successorUnitId?: string;
  @ApiPropertyOptional({ type: NewUnitDto, description: 'a new unit to create as the successor' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NewUnitDto)
  newSuccessor?: NewUnitDto;
  @EffectiveFromField() effectiveFrom: CalendarDate;
  @ReasonField() reason?: string;
}

export class SplitUnitDto {
  @ApiProperty({ type: [NewUnitDto], description: 'the new units (at least two)' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => NewUnitDto)
  successors: NewUnitDto[];
  @ApiPropertyOptional({ description: 'for each open child of the split unit, the successor that takes it', example: { 'unit-cardiology': 'unit-heart' } })
  @IsOptional()
  @IsObject()
  childAllocation?: Record<string, string>;
  @EffectiveFromField() effectiveFrom: CalendarDate;
  @ReasonField() reason?: string;
}
