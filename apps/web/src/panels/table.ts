import { el } from '../status';

/** An HTML table with a caption and header cells, so screen readers announce each cell's column. */
export function table(caption: string, headers: string[], rows: (string | Node)[][]): HTMLTableElement {
  return el(
    'table',
    {},
    el('caption', { class: 'visually-hidden' }, caption),
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((cell) => el('td', {}, cell))))),
  );
}
