const SVG_NS = 'http://www.w3.org/2000/svg';

type Attributes = Record<string, string | number | null | undefined>;

/** Creates an SVG element with attributes (null and undefined are left out) and optional text. */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Attributes = {}, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== null && value !== undefined) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** A <title> child: the tooltip and accessible name of an SVG shape or text. */
export const tooltip = (text: string): SVGTitleElement => svg('title', {}, text);
