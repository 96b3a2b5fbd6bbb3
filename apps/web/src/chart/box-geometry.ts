import type { ChartBox, PostBlock } from './chart-model';

/** Fixed sizes of the chart's boxes in SVG user units; heights follow from what a box lists. */
export const BOX = { width: 340, header: 36, partnershipLine: 14, postTitle: 18, holderLine: 16, groupLabel: 16, groupPadding: 6, bottom: 8, columnGap: 70, rowGap: 14 } as const;

const blockHeight = (block: PostBlock): number => {
  const posts = block.posts.reduce((sum, p) => sum + BOX.postTitle + BOX.holderLine * (p.holders.length + (p.vacancies > 0 ? 1 : 0)), 0);
  return block.groupId === null ? posts : posts + BOX.groupLabel + 2 * BOX.groupPadding;
};

/** The height of a box: its header, its partnership line, then each post with its holders and vacancies. */
export const boxHeight = (box: ChartBox): number =>
  BOX.header + (box.partnership ? BOX.partnershipLine : 0) + box.blocks.reduce((sum, b) => sum + blockHeight(b), 0) + BOX.bottom;

/** Cuts a label to about `max` characters so it stays inside its box; the full text goes into a <title>. */
export const fit = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
