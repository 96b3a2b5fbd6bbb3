import { Resvg } from '@resvg/resvg-js';
import type { ChartSpec } from './chart-spec';

export const CHART_FORMATS = ['svg', 'png'] as const;
export type ChartFormat = (typeof CHART_FORMATS)[number];

/**
 * vega and vega-lite are ES modules with top-level await (vega-canvas probes for the optional `canvas`
 * package), so require() cannot load them, and swc compiles a literal import() into require(). A function
 * built at run time keeps Node's own import(). Jest's module runtime has no import() of its own, so only the
 * compiled CLI renders (see test/analyse.e2e-spec.ts).
 */
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

type VegaLite = { compile: (spec: unknown) => { spec: unknown } };
type Vega = { parse: (spec: unknown) => unknown; View: new (runtime: unknown, options: { renderer: string }) => { toSVG: () => Promise<string>; finalize: () => void } };

/** Compiles a Vega-Lite spec and renders it server-side: SVG from vega's own renderer, PNG rasterised from that SVG by resvg. */
export async function renderChart(spec: ChartSpec, format: ChartFormat): Promise<Buffer> {
  const vegaLite = (await importModule('vega-lite')) as VegaLite;
  const vega = (await importModule('vega')) as Vega;
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    if (format === 'svg') return Buffer.from(svg, 'utf8');
    return new Resvg(svg, { background: 'white', font: { loadSystemFonts: true } }).render().asPng();
  } finally {
    view.finalize();
  }
}
