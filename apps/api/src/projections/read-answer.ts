import { NotFoundException } from '@nestjs/common';
import type { ReadResult } from '@orgchange/projections';

/** The value of a read, or a 404 whose `code` names what was not found (`PostNotFound`, `OrganisationNotOpen` …). */
export function answer<T>(result: ReadResult<T>): T {
  if (result.ok) return result.value;
  throw new NotFoundException({ code: result.code, message: result.message });
}
