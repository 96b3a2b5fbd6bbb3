import { ApiPropertyOptional } from '@nestjs/swagger';
import { type CalendarDate, ORGANISATION_KINDS, type OrganisationKind } from '@orgchange/domain';
import { IsIn, IsOptional } from 'class-validator';
import { KnownAtField, OptionalDateField } from '../projections/read-query-fields';

export class DirectoryQueryDto {
  @ApiPropertyOptional({ enum: ORGANISATION_KINDS, description: 'only organisations of this kind on the date; default every kind' })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;
  @OptionalDateField('the date they are open on; default today (an organisation is open on its closedOn)') at?: CalendarDate;
  @KnownAtField() knownAt?: string;
}
