import { hierarchy, type HierarchyPointNode, tree } from 'd3-hierarchy';
import { BOX, boxHeight, fit } from './box-geometry';
import type { ChartBox, HolderLine, PostBlock, PostLine } from './chart-model';
import { svg, tooltip } from './svg';

/** `onUnit` runs when a unit box is chosen (click, Enter or Space), `onOrganisation` for the organisation's own box. */
export type OrgChartOptions = { title: string; onUnit?: (unitId: string) => void; onOrganisation?: () => void };

/**
 * Draws the unit tree left to right as SVG: d3-hierarchy's tidy tree places the boxes, with the gap between
 * neighbours set from their heights so tall boxes (divisions with their posts) never overlap.
 */
export function renderOrgChart(root: ChartBox, options: OrgChartOptions): SVGSVGElement {
  const nodes = hierarchy(root, (b) => b.children);
  const heights = new Map<ChartBox, number>();
  nodes.each((n) => heights.set(n.data, boxHeight(n.data)));
  const laidOut = tree<ChartBox>()
    .nodeSize([1, BOX.width + BOX.columnGap])
    .separation((a, b) => (heights.get(a.data)! + heights.get(b.data)!) / 2 + BOX.rowGap)(nodes);

  const all = laidOut.descendants();
  const top = Math.min(...all.map((n) => n.x - heights.get(n.data)! / 2)) - 10;
  const bottom = Math.max(...all.map((n) => n.x + heights.get(n.data)! / 2)) + 10;
  const right = Math.max(...all.map((n) => n.y)) + BOX.width + 10;
  const chart = svg('svg', { viewBox: `-10 ${top} ${right + 10} ${bottom - top}`, width: right + 10, height: bottom - top, role: 'group', 'aria-label': options.title, class: 'org-chart' });
  chart.append(tooltip(options.title));

  const links = svg('g', { class: 'links', 'aria-hidden': 'true' });
  for (const link of laidOut.links()) links.append(elbow(link.source, link.target));
  chart.append(links);
  for (const node of all) chart.append(unitBox(node, heights.get(node.data)!, options));
  return chart;
}

const elbow = (source: HierarchyPointNode<ChartBox>, target: HierarchyPointNode<ChartBox>): SVGPathElement => {
  const midX = source.y + BOX.width + BOX.columnGap / 2;
  return svg('path', { d: `M${source.y + BOX.width},${source.x}H${midX}V${target.x}H${target.y}`, class: 'link' });
};

function unitBox(node: HierarchyPointNode<ChartBox>, height: number, options: OrgChartOptions): SVGGElement {
  const box = node.data;
  const isUnit = !box.id.startsWith('__');
  const activate = isUnit ? options.onUnit && (() => options.onUnit!(box.id)) : box.id === '__organisation' ? options.onOrganisation : undefined;
  const posts = box.blocks.reduce((n, b) => n + b.posts.length, 0);
  const g = svg('g', {
    class: `unit kind-${box.kind}${box.highlight ? ' changed' : ''}${box.partnership ? ' partnership' : ''}`,
    transform: `translate(${node.y},${node.x - height / 2})`,
    'data-unit-id': isUnit ? box.id : null,
    'data-highlight': box.highlight,
    'data-organisation': box.id === '__organisation' ? 'true' : null,
    tabindex: activate ? 0 : null,
    role: activate ? 'button' : null,
    'aria-label': isUnit ? `${box.name}, ${box.kind}, ${posts} post${posts === 1 ? '' : 's'}${box.highlight ? `, ${box.highlight}` : ''}${box.partnership ? `, ${box.partnership}` : ''}: show its lineage` : `${box.name}${activate ? ': show its lineage' : ''}`,
  });
  g.append(svg('rect', { width: BOX.width, height, rx: 6, class: 'box' }));
  g.append(svg('text', { x: 10, y: 17, class: 'unit-name' }, fit(box.name, 44)), tooltip(box.name));
  g.append(svg('text', { x: 10, y: 31, class: 'unit-kind' }, box.highlight ? `${box.kind} · ${box.highlight}` : box.kind));
  let y: number = BOX.header;
  if (box.partnership) {
    g.append(svg('text', { x: 10, y: y + 10, class: 'partnership-line' }, fit(box.partnership, 48)));
    y += BOX.partnershipLine;
  }
  for (const block of box.blocks) y = drawBlock(g, block, y);
  if (activate) {
    g.addEventListener('click', activate);
    g.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        activate();
      }
    });
  }
  return g;
}

function drawBlock(g: SVGGElement, block: PostBlock, top: number): number {
  if (block.groupId === null) return drawPost(g, block.posts[0], top, 10);
  const group = svg('g', { class: 'post-group', 'data-group-id': block.groupId });
  let y = top + BOX.groupPadding + BOX.groupLabel;
  group.append(svg('text', { x: 14, y: top + BOX.groupPadding + 11, class: 'group-label' }, block.label ?? ''));
  for (const post of block.posts) y = drawPost(group, post, y, 16);
  group.prepend(svg('rect', { x: 6, y: top + 2, width: BOX.width - 12, height: y - top + BOX.groupPadding - 4, rx: 4, class: 'group-frame' }));
  g.append(group);
  return y + BOX.groupPadding;
}

function drawPost(parent: SVGGElement, post: PostLine, top: number, indent: number): number {
  const g = svg('g', { class: `post${post.vacancies > 0 ? ' vacant' : ''}${post.highlight ? ' changed' : ''}`, 'data-post-id': post.postId, 'data-highlight': post.highlight });
  const title = svg('text', { x: indent, y: top + 13, class: 'post-title' }, fit(post.title, post.clinicianLed ? 30 : 42));
  if (post.clinicianLed) title.append(svg('tspan', { class: 'badge badge-clinician', dx: 6 }, 'clinician-led'));
  title.append(tooltip(`${post.title}${post.clinicianLed ? ' (a management post held by a clinician)' : ''}`));
  g.append(title);
  let y = top + BOX.postTitle;
  for (const holder of post.holders) {
    g.append(holderText(holder, indent + 12, y + 12));
    y += BOX.holderLine;
  }
  if (post.vacancies > 0) {
    g.append(svg('text', { x: indent + 12, y: y + 12, class: 'vacancy' }, post.vacancies === 1 ? 'vacant' : `vacant × ${post.vacancies}`));
    y += BOX.holderLine;
  }
  parent.append(g);
  return y;
}

function holderText(h: HolderLine, x: number, y: number): SVGTextElement {
  const text = svg('text', { x, y, class: `holder${h.mark ? ` mark-${h.mark}` : ''}${h.highlight ? ' changed' : ''}`, 'data-person-id': h.personId, 'data-mark': h.mark, 'data-highlight': h.highlight });
  text.append(svg('tspan', {}, fit(h.label, 24)));
  if (h.mark) text.append(svg('tspan', { class: `badge badge-${h.mark}`, dx: 6 }, h.coveringFor ? `${h.mark} for ${h.coveringFor}` : h.mark));
  if (h.employer) text.append(svg('tspan', { class: 'employer', dx: 6 }, `employed by ${fit(h.employer, 26)}`));
  text.append(tooltip(`${h.label}${h.mark ? `, ${h.mark}` : ', substantive'}${h.coveringFor ? ` for ${h.coveringFor}` : ''}${h.employer ? `, employed by ${h.employer}` : ''}`));
  return text;
}
