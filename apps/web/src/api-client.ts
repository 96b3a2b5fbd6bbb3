import { currentToken } from './token-store';

/** An API answer other than 2xx, carrying the problem details' code and message for the status line. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

type Query = Record<string, string | undefined>;

/** GET a JSON read of the API on the page's own origin, with the stored bearer token when there is one. */
export async function getJson<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
  const url = params.size > 0 ? `${path}?${params}` : path;
  const token = currentToken();
  const response = await fetch(url, { headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, signal });
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as T;
}

async function problemOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as { code?: string; detail?: string; title?: string; message?: string };
  const hint = response.status === 401 ? ' (paste a token under "Access token")' : response.status === 403 ? ' (the token lacks the role for this read)' : '';
  return new ApiError(response.status, body.code, `${response.status} ${body.code ?? response.statusText}: ${body.detail ?? body.message ?? body.title ?? ''}${hint}`);
}

/** True for the error fetch raises when a newer request aborted an older one: not worth telling the user. */
export const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';
