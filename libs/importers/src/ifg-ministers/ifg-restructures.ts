import { type CalendarDate, groupBy } from '@orgchange/domain';
import type { IfgLink, IfgLinkType, IfgOrganisation } from './ifg-rows';

/**
 * A restructure read from organisation_link.csv. The IfG's link types do not map one to one onto what
 * happened (a "Demerger" row may leave its predecessor running; a department closing into two successors is
 * often one "Demerger" row and one "Name change" row), so the shape is read from the department dates:
 * - a link whose predecessor closes (organisation.csv end_date) by the day the last minister moved
 *   (link_end_date) is a succession on the predecessor's end_date: grouped by predecessor and day, several
 *   successors make a split, one makes a merger (grouped by successor and day, so n → 1);
 * - a link whose predecessor carries on is a transfer of functions on link_end_date, the day the move was
 *   complete (link_start_date is only the announcement, often before the successor existed).
 * `linkTypes` keeps what the IfG called each link, for the reason recorded with the event.
 */
export type IfgRestructure =
  | Readonly<{ kind: 'merger'; predecessorIds: readonly string[]; successorId: string; effectiveFrom: CalendarDate; linkTypes: readonly IfgLinkType[]; rows: readonly number[] }>
  | Readonly<{ kind: 'split'; predecessorId: string; successorIds: readonly string[]; effectiveFrom: CalendarDate; linkTypes: readonly IfgLinkType[]; rows: readonly number[] }>
  | Readonly<{ kind: 'transfer'; predecessorId: string; successorId: string; functions?: string; effectiveFrom: CalendarDate; linkTypes: readonly IfgLinkType[]; rows: readonly number[] }>;

type Dated = IfgLink & { effectiveFrom: CalendarDate };

/** Links between known departments as restructures, in effective-date order (then by first row). */
export function planRestructures(links: readonly IfgLink[], organisations: ReadonlyMap<string, IfgOrganisation>): IfgRestructure[] {
  const closing: Dated[] = [];
  const restructures: IfgRestructure[] = [];
  for (const link of links) {
    const closesOn = organisations.get(link.predecessorId)?.endDate;
    if (closesOn !== undefined && closesOn <= link.completedOn) closing.push({ ...link, effectiveFrom: closesOn });
    else {
      const { predecessorId, successorId, functions } = link;
      restructures.push({ kind: 'transfer', predecessorId, successorId, ...(functions ? { functions } : {}), effectiveFrom: link.completedOn, linkTypes: [link.type], rows: [link.row] });
    }
  }
  const sole: Dated[] = [];
  for (const group of groupBy(closing, (l) => `${l.predecessorId}|${l.effectiveFrom}`).values()) {
    const successorIds = unique(group.map((l) => l.successorId));
    if (successorIds.length === 1) sole.push(...group);
    else restructures.push({ kind: 'split', predecessorId: group[0].predecessorId, successorIds, effectiveFrom: group[0].effectiveFrom, ...provenance(group) });
  }
  for (const group of groupBy(sole, (l) => `${l.successorId}|${l.effectiveFrom}`).values()) {
    restructures.push({ kind: 'merger', predecessorIds: unique(group.map((l) => l.predecessorId)), successorId: group[0].successorId, effectiveFrom: group[0].effectiveFrom, ...provenance(group) });
  }
  return restructures.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : a.rows[0] - b.rows[0]));
}

/** The organisations a restructure involves, predecessors first. */
export const involvedIn = (r: IfgRestructure): string[] =>
  r.kind === 'merger' ? [...r.predecessorIds, r.successorId] : r.kind === 'split' ? [r.predecessorId, ...r.successorIds] : [r.predecessorId, r.successorId];

const provenance = (group: readonly Dated[]) => ({ linkTypes: unique(group.map((l) => l.type)), rows: group.map((l) => l.row) });

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
