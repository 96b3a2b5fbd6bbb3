import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CalendarDate } from '@orgchange/domain';
import { IsIn, IsNumber, IsOptional, Min } from 'class-validator';
import { EffectiveFromField, IdField, IdListField, NameField, OptionalIdField, ReasonField } from '../common/dto-fields';

export class TransferServiceDto {
  @IdField('the unit (service or team) that moves') unitId: string;
  @IdField('losing organisation') fromOrganisationId: string;
  @IdField('gaining organisation') toOrganisationId: string;
  @OptionalIdField('unit of the gaining organisation it goes under') toParentUnitId?: string;
  @OptionalIdField('who employs its staff afterwards: the losing or the gaining organisation (default gaining)') employingOrganisationId?: string;
  @EffectiveFromField() effectiveFrom: CalendarDate;
  @ReasonField() reason?: string;
}

export class ChangeMembershipDto {
  @IdField('the group: a CCG/ICB, or the host of a partnership unit') groupOrganisationId: string;
  @OptionalIdField('the partnership unit joined or left') partnershipUnitId?: string;
  @IdField('the organisation joining or leaving') memberOrganisationId: string;
  @ApiProperty({ enum: ['joined', 'left'] }) @IsIn(['joined', 'left']) change: 'joined' | 'left';
  @EffectiveFromField() effectiveFrom: CalendarDate;
  @ReasonField() reason?: string;
}

const Amount = (description: string) => (target: object, key: string) => {
  ApiPropertyOptional({ description, minimum: 0 })(target, key);
  IsOptional()(target, key);
  IsNumber({ allowNaN: false, allowInfinity: false })(target, key);
  Min(0)(target, key);
};

export class RedrawBoundaryDto {
  @IdField('organisation losing population, area or budget') fromOrganisationId: string;
  @IdField('organisation gaining it') toOrganisationId: string;
  @NameField('what moves, e.g. "the Westfield wards"', 2000) description: string;
  @Amount('people moved') population?: number;
  @Amount('budget moved, in pounds') budgetGbp?: number;
  @Amount('area moved, km²') areaKm2?: number;
  @EffectiveFromField() effectiveFrom: CalendarDate;
  @ReasonField() reason?: string;
}

export class TransferEmploymentDto {
  @IdField('organisation hosting the team') hostOrganisationId: string;
  @IdField('the team whose staff change employer') unitId: string;
  @IdListField('people whose employer changes', 1, 500) personIds: string[];
  @IdField('old employer') fromEmployerId: string;
  @IdField('new employer') toEmployerId: string;
  @EffectiveFromField() effectiveFrom: CalendarDate;
  @ReasonField() reason?: string;
}
