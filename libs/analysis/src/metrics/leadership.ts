/**
 * Post families that lead, as the structure query counts them (libs/projections structure-tree): executive,
 * clinical leadership and management posts. The people metrics are about these posts.
 */
export const LEADERSHIP_FAMILIES: ReadonlySet<string> = new Set(['executive', 'medical-leadership', 'nursing-leadership', 'management']);

export const isLeadership = (family: string): boolean => LEADERSHIP_FAMILIES.has(family);
