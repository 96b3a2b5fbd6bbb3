/**
 * A broken business rule, returned (never thrown) by `decide`. `code` names the rule and is stable:
 * the API renders it as 422 with this code, and clients may switch on it.
 */
export type DomainError = Readonly<{
  kind: 'DomainError';
  code: string;
  message: string;
  details?: Readonly<Record<string, unknown>>;
}>;

export const domainError = (code: string, message: string, details?: Record<string, unknown>): DomainError => ({
  kind: 'DomainError',
  code,
  message,
  ...(details ? { details } : {}),
});

export const isDomainError = (value: unknown): value is DomainError =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'DomainError';
