import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ID_PATTERN } from '../common/dto-fields';
import { LogPageQueryDto } from '../common/log-page-query.dto';
import { IsInstant } from '../projections/read-query-fields';

/** Audit entries of one page of the log (`after`, `limit`), narrowed by organisation and recorded time. */
export class AuditQueryDto extends LogPageQueryDto {
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
}
