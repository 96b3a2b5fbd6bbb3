import { isCalendarDate } from './calendar-date';
import { type DomainError, domainError } from './domain-error';

/** Rejects a date that is not a real calendar day (`2023-02-30`), whatever the caller validated before. */
export function checkRealDate(field: string, value: unknown): DomainError | undefined {
  return isCalendarDate(value) ? undefined : domainError('InvalidCalendarDate', `${field} must be a real calendar date (YYYY-MM-DD), got ${JSON.stringify(value)}`, { field });
}

/** Rejects repeated ids in a list that must name distinct things. */
export function checkDistinct(field: string, ids: readonly string[]): DomainError | undefined {
  return new Set(ids).size === ids.length ? undefined : domainError('DuplicateIds', `${field} must not repeat an id`, { field });
}

/** The first error of several checks, evaluated in order. */
export function firstError(...checks: (() => DomainError | undefined)[]): DomainError | undefined {
  for (const check of checks) {
    const error = check();
    if (error) return error;
  }
  return undefined;
}
