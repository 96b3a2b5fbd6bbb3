import type { OrgchangeEvent } from './cloud-event';

/** Families whose posts lead or manage (orgchange's leadership families). */
export const LEADERSHIP_FAMILIES: ReadonlySet<string> = new Set(['executive', 'medical-leadership', 'nursing-leadership', 'management']);

export type Holding = { appointmentId: string; personId: string; kind: string; from: string; until?: string };
export type Post = { postId: string; title: string; family: string; unitId: string; from: string; abolishedFrom?: string; holdings: Holding[] };

/** One organisation's posts and who holds them over valid time, folded from its events in key order. */
export type OrganisationLeaders = {
  organisationId: string;
  name?: string;
  closedFrom?: string;
  posts: Record<string, Post>;
};

export const emptyOrganisation = (organisationId: string): OrganisationLeaders => ({ organisationId, posts: {} });

/** Event types this view understands, with the schema version it was written for. */
export const HANDLED_TYPES: Readonly<Record<string, number>> = {
  OrganisationEstablished: 1,
  OrganisationRenamed: 1,
  OrganisationClosed: 1,
  OrganisationsMerged: 1,
  OrganisationSplit: 1,
  PostCreated: 1,
  PostRetitled: 1,
  PostAbolished: 1,
  AppointmentStarted: 1,
  AppointmentEnded: 1,
  EventRetracted: 1,
  EventCorrected: 1,
};

const str = (data: Readonly<Record<string, unknown>>, field: string): string => {
  const value = data[field];
  if (typeof value !== 'string') throw new Error(`data.${field} must be a string`);
  return value;
};

/**
 * Applies one event (corrections excepted: the store refolds for those). Pure: returns a new state.
 * An event naming a post this organisation never created is ignored, as orgchange's own evolve does.
 */
export function evolve(state: OrganisationLeaders, event: Pick<OrgchangeEvent, 'eventType' | 'data'>): OrganisationLeaders {
  const { data } = event;
  const next: OrganisationLeaders = structuredClone(state);
  const post = () => next.posts[str(data, 'postId')] as Post | undefined;
  switch (event.eventType) {
    case 'OrganisationEstablished':
    case 'OrganisationRenamed':
      next.name = str(data, 'name');
      break;
    case 'OrganisationClosed':
      next.closedFrom = str(data, 'effectiveFrom');
      break;
    case 'OrganisationsMerged':
      if ((data.predecessorIds as unknown[]).includes(state.organisationId)) next.closedFrom = str(data, 'effectiveFrom');
      break;
    case 'OrganisationSplit':
      if (data.predecessorId === state.organisationId) next.closedFrom = str(data, 'effectiveFrom');
      break;
    case 'PostCreated':
      next.posts[str(data, 'postId')] = {
        postId: str(data, 'postId'),
        title: str(data, 'title'),
        family: str(data, 'family'),
        unitId: str(data, 'unitId'),
        from: str(data, 'effectiveFrom'),
        holdings: [],
      };
      break;
    case 'PostRetitled':
      if (post()) post()!.title = str(data, 'title');
      break;
    case 'PostAbolished':
      if (post()) post()!.abolishedFrom = str(data, 'effectiveFrom');
      break;
    case 'AppointmentStarted':
      post()?.holdings.push({
        appointmentId: str(data, 'appointmentId'),
        personId: str(data, 'personId'),
        kind: str(data, 'kind'),
        from: str(data, 'effectiveFrom'),
      });
      break;
    case 'AppointmentEnded': {
      const holding = post()?.holdings.find((h) => h.appointmentId === str(data, 'appointmentId'));
      if (holding) holding.until = str(data, 'effectiveFrom');
      break;
    }
    default:
      break;
  }
  return next;
}

export type LeaderRow = { postId: string; title: string; family: string; holders: { personId: string; kind: string; since: string }[] };

/** Leadership posts open on `asOf` and who holds each that day (an empty list = vacant). */
export function leadersOn(state: OrganisationLeaders, asOf: string): LeaderRow[] {
  const open = (from: string, until?: string) => from <= asOf && (until === undefined || asOf < until);
  return Object.values(state.posts)
    .filter((p) => LEADERSHIP_FAMILIES.has(p.family) && open(p.from, p.abolishedFrom))
    .sort((a, b) => a.title.localeCompare(b.title) || a.postId.localeCompare(b.postId))
    .map((p) => ({
      postId: p.postId,
      title: p.title,
      family: p.family,
      holders: p.holdings.filter((h) => open(h.from, h.until)).map((h) => ({ personId: h.personId, kind: h.kind, since: h.from })),
    }));
}
