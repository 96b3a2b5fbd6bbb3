const KEY = 'orgchange.token';

/** The bearer token the user pasted, kept in this browser's session storage only (gone when the tab closes). */
export function currentToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function saveToken(token: string): void {
  if (token.trim() === '') sessionStorage.removeItem(KEY);
  else sessionStorage.setItem(KEY, token.trim());
}

export function forgetToken(): void {
  sessionStorage.removeItem(KEY);
}
