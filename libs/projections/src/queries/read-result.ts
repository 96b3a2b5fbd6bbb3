/** Why a read found nothing to answer with; the API renders it as a 404, the CLI as exit code 1. */
export type NotFoundCode = 'OrganisationNotFound' | 'OrganisationNotOpen' | 'PostNotFound' | 'PersonNotFound' | 'UnitNotFound';

/** An answer, or the named reason there is none (STYLE §6: a result value with a `code`, not an exception). */
export type ReadResult<T> = Readonly<{ ok: true; value: T }> | Readonly<{ ok: false; code: NotFoundCode; message: string }>;

export const found = <T>(value: T): ReadResult<T> => ({ ok: true, value });

export const notFound = <T>(code: NotFoundCode, message: string): ReadResult<T> => ({ ok: false, code, message });
