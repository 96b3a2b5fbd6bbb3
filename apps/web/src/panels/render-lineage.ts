import { Graph, layout } from '@dagrejs/dagre';
import { fit } from '../chart/box-geometry';
import { svg, tooltip } from '../chart/svg';
import type { LineageGraph } from './lineage-graph';

const NODE = { width: 260, height: 40 };

/** Lays the lineage out left to right with dagre (predecessors left, successors right) and draws it as SVG. */
export function renderLineage(graph: LineageGraph, title: string): SVGSVGElement {
  const g = new Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 90, marginx: 10, marginy: 10 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of graph.nodes.keys()) g.setNode(id, { ...NODE });
  for (const e of graph.edges) g.setEdge(e.from, e.to, { label: e.label, width: 110, height: 14, labelpos: 'c' });
  layout(g);

  const { width = 0, height = 0 } = g.graph();
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': title, class: 'lineage-graph' });
  chart.append(tooltip(title));
  const defs = svg('defs');
  const marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto' });
  marker.append(svg('path', { d: 'M0,0L10,5L0,10z', class: 'arrow-head' }));
  defs.append(marker);
  chart.append(defs);
  for (const e of g.edges()) {
    const edge = g.edge(e) as { points: { x: number; y: number }[]; label?: string; x?: number; y?: number };
    chart.append(svg('path', { d: `M${edge.points.map((p) => `${p.x},${p.y}`).join('L')}`, class: 'lineage-edge', 'marker-end': 'url(#arrow)' }));
    if (edge.label && edge.x !== undefined) chart.append(svg('text', { x: edge.x, y: (edge.y ?? 0) + 4, class: 'edge-label', 'text-anchor': 'middle' }, edge.label));
  }
  for (const id of g.nodes()) {
    const node = g.node(id) as { x: number; y: number };
    const name = graph.nodes.get(id) ?? id;
    const box = svg('g', { class: `lineage-node${id === graph.focusId ? ' focus' : ''}`, 'data-node-id': id, transform: `translate(${node.x - NODE.width / 2},${node.y - NODE.height / 2})` });
    box.append(svg('rect', { width: NODE.width, height: NODE.height, rx: 6 }), svg('text', { x: 8, y: 16 }, fit(name, 30)), svg('text', { x: 8, y: 32, class: 'node-id' }, id), tooltip(name));
    chart.append(box);
  }
  return chart;
}
