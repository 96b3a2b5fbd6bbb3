import { ApiError, isAbort } from './api-client';

const line = () => document.getElementById('status')!;

/** Tells the user what the page is doing, in the polite live region screen readers announce. */
export function say(message: string): void {
  line().textContent = message;
  line().classList.remove('error');
}

/** Shows a failed read (aborted requests are superseded, not failures). */
export function fail(error: unknown): void {
  if (isAbort(error)) return;
  line().textContent = error instanceof Error ? error.message : String(error);
  line().classList.add('error');
  // Refused for want of a token: open the token box so the next step is in view.
  if (error instanceof ApiError && error.status === 401) (document.getElementById('token-box') as HTMLDetailsElement).open = true;
}

export const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** Builds an HTML element with text content and attributes: the page's only DOM helper. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}
