import { ApiPropertyOptional } from '@nestjs/swagger';
import { GROUPINGS, type Grouping, PERIOD_LENGTHS, type PeriodLength } from '@orgchange/analysis';
import type { CalendarDate } from '@orgchange/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { DateField, KnownAtField } from '../projections/read-query-fields';

/** The options of `orgchange chart`, as query parameters. */
export class MetricChartQueryDto {
  @DateField('first valid date to cover') from: CalendarDate;
  @DateField('last valid date to cover') to: CalendarDate;
  @ApiPropertyOptional({ enum: PERIOD_LENGTHS, default: 'quarter' }) @IsOptional() @IsIn(PERIOD_LENGTHS, { message: `every must be one of ${PERIOD_LENGTHS.join(', ')}` }) every?: PeriodLength;
  @ApiPropertyOptional({ enum: GROUPINGS, default: 'all', description: 'one line per organisation, per organisation kind, or one line for all' })
  @IsOptional()
  @IsIn(GROUPINGS, { message: `by must be one of ${GROUPINGS.join(', ')}` })
  by?: Grouping;
  @ApiPropertyOptional({ default: 5, description: 'suppress people metrics computed from fewer people than this' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'minGroup must be a whole number of at least 1' })
  @Min(1, { message: 'minGroup must be a whole number of at least 1' })
  minGroup?: number;
  @KnownAtField() knownAt?: string;
}
