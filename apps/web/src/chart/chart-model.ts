import type { Holder, Post, Structure, Unit } from '../api-types';

/** How a holder stands in a post, as marked on the chart; substantive holders carry no mark. */
export type HolderMark = 'acting' | 'covering' | 'interim' | 'secondment' | 'joint';

export type HolderLine = { personId: string; label: string; mark: HolderMark | null; coveringFor: string | null; employer: string | null; highlight: string | null };

export type PostLine = { postId: string; title: string; vacancies: number; clinicianLed: boolean; holders: HolderLine[]; highlight: string | null };

/** Posts drawn together: a triumvirate (or any post group) as one block, any other post on its own. */
export type PostBlock = { groupId: string | null; label: string | null; posts: PostLine[] };

export type ChartBox = { id: string; name: string; kind: string; partnership: string | null; blocks: PostBlock[]; highlight: string | null; children: ChartBox[] };

/** What a diff marks on the chart, keyed by unit id, post id and `postId|personId`. */
export type ChartHighlights = Readonly<{ units: ReadonlyMap<string, string>; posts: ReadonlyMap<string, string>; holders: ReadonlyMap<string, string> }>;

export const NO_HIGHLIGHTS: ChartHighlights = { units: new Map(), posts: new Map(), holders: new Map() };

const MARKED_KINDS: ReadonlySet<string> = new Set<HolderMark>(['acting', 'covering', 'interim', 'secondment', 'joint']);

/** Resolves organisation ids to names for partnership and employer labels (the id when unknown). */
export type OrganisationNames = (organisationId: string) => string;

/**
 * The chart's boxes: the organisation at the root, its unit tree under it, and the partnership units it takes
 * part in but another organisation hosts under a branch of their own.
 */
export function chartBoxes(structure: Structure, orgName: OrganisationNames, highlights: ChartHighlights = NO_HIGHLIGHTS): ChartBox {
  const host = structure.organisation.organisationId;
  const box = (unit: Unit): ChartBox => ({
    id: unit.unitId,
    name: unit.name,
    kind: unit.kind,
    partnership: partnershipOf(unit, host, orgName),
    blocks: blocksOf(unit, host, orgName, highlights),
    highlight: highlights.units.get(unit.unitId) ?? null,
    children: unit.children.map(box),
  });
  const children = structure.units.map(box);
  if (structure.partnerships.length > 0) {
    children.push({ id: '__partnerships', name: 'Partnerships hosted elsewhere', kind: 'partnerships', partnership: null, blocks: [], highlight: null, children: structure.partnerships.map(box) });
  }
  return { id: '__organisation', name: structure.organisation.name, kind: structure.organisation.kind, partnership: null, blocks: [], highlight: null, children };
}

function partnershipOf(unit: Unit, viewer: string, orgName: OrganisationNames): string | null {
  const partners = unit.memberOrganisationIds.filter((id) => id !== unit.hostOrganisationId);
  if (partners.length === 0 && unit.hostOrganisationId === viewer) return null;
  return `partnership: hosted by ${orgName(unit.hostOrganisationId)}${partners.length ? ` with ${partners.map(orgName).join(', ')}` : ''}`;
}

function blocksOf(unit: Unit, host: string, orgName: OrganisationNames, highlights: ChartHighlights): PostBlock[] {
  // A partnership unit shows every holder's employer; elsewhere only employers other than the host.
  const showEveryEmployer = unit.memberOrganisationIds.length > 0 || unit.hostOrganisationId !== host;
  const line = (post: Post): PostLine => ({
    postId: post.postId,
    title: post.title,
    vacancies: post.vacancies,
    clinicianLed: post.heldByClinician,
    holders: post.holders.map((h) => holderLine(post.postId, h, unit.hostOrganisationId, showEveryEmployer, orgName, highlights)),
    highlight: highlights.posts.get(post.postId) ?? null,
  });
  const blocks: PostBlock[] = [];
  const groups = new Map<string, PostBlock>();
  for (const post of unit.posts) {
    if (post.groupId === null) {
      blocks.push({ groupId: null, label: null, posts: [line(post)] });
      continue;
    }
    let group = groups.get(post.groupId);
    if (!group) {
      group = { groupId: post.groupId, label: null, posts: [] };
      groups.set(post.groupId, group);
      blocks.push(group);
    }
    group.posts.push(line(post));
  }
  for (const block of groups.values()) block.label = groupLabel(unit.posts.filter((p) => p.groupId === block.groupId));
  return blocks;
}

const TRIUMVIRATE_FAMILIES = ['medical-leadership', 'nursing-leadership', 'management'];

/** Three posts leading together, one medical, one nursing and one managerial, are a triumvirate (whatever the roles are called). */
const groupLabel = (posts: readonly Post[]): string => {
  const families = posts.map((p) => p.family);
  return posts.length === 3 && TRIUMVIRATE_FAMILIES.every((f) => families.includes(f)) ? 'triumvirate' : 'leadership group';
};

function holderLine(postId: string, h: Holder, host: string, showEveryEmployer: boolean, orgName: OrganisationNames, highlights: ChartHighlights): HolderLine {
  const employerShown = showEveryEmployer || h.employingOrganisationId !== host;
  return {
    personId: h.personId,
    label: h.name ?? h.personId,
    mark: MARKED_KINDS.has(h.kind) ? (h.kind as HolderMark) : null,
    coveringFor: h.coveringForPersonId,
    employer: employerShown ? orgName(h.employingOrganisationId) : null,
    highlight: highlights.holders.get(`${postId}|${h.personId}`) ?? null,
  };
}
