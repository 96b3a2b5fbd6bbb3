import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ID_PATTERN } from '../common/dto-fields';
import { IsInstant } from '../projections/read-query-fields';

export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'only changes to this organisation (required for a programme office: one of its own)' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'org must be an organisation id' })
  org?: string;

  @ApiPropertyOptional({ description: 'recorded at or after this instant (ISO 8601 with a zone)', example: '2024-04-01T00:00:00Z' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'recorded before this instant (ISO 8601 with a zone)', example: '2024-05-01T00:00:00Z' })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({ description: 'continue after this global position (the previous page’s `next`)', default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after?: number;

  @ApiPropertyOptional({ description: 'most entries to return', default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
