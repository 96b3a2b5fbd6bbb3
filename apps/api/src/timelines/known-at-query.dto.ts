import { KnownAtField } from '../projections/read-query-fields';

/** The one parameter of a history read: histories span all valid time, so there is no `at`. */
export class KnownAtQueryDto {
  @KnownAtField() knownAt?: string;
}
