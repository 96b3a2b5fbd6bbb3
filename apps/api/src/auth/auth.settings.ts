/** DI token for {@link AuthSettings}. */
export const AUTH_SETTINGS = Symbol('AUTH_SETTINGS');

/** What the guards need from the configuration. */
export type AuthSettings = Readonly<{ mode: 'jwt' | 'off' }>;
