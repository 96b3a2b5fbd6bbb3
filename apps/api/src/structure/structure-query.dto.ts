import type { CalendarDate } from '@orgchange/domain';
import { DateField, KnownAtField, OptionalDateField } from '../projections/read-query-fields';

export class StructureQueryDto {
  @OptionalDateField('the valid date to look at; default today') at?: CalendarDate;
  @KnownAtField() knownAt?: string;
}

export class ChangesQueryDto {
  @OptionalDateField('first effective date to include; default: from the beginning') from?: CalendarDate;
  @OptionalDateField('last effective date to include; default: no end') to?: CalendarDate;
  @KnownAtField() knownAt?: string;
}

export class DiffQueryDto {
  @DateField('the valid date of the earlier structure') from: CalendarDate;
  @OptionalDateField('the valid date of the later structure; default today') to?: CalendarDate;
  @KnownAtField('read the earlier structure as recorded at this instant; default now') fromKnownAt?: string;
  @KnownAtField('read the later structure as recorded at this instant; default now') toKnownAt?: string;
}
