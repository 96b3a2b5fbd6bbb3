import type { CalendarDate } from '@orgchange/domain';
import type { HolderView, PostView, StructureView, UnitView } from '@orgchange/projections';

/** Builders of hand-made structure views for the recipient rules' specs: only what the rules read is varied. */

const LEADING = new Set(['executive', 'medical-leadership', 'nursing-leadership', 'management']);

export const holder = (personId: string, kind = 'substantive', extra: Partial<HolderView> = {}): HolderView => ({
  appointmentId: `appt-${personId}-${kind}`,
  personId,
  profession: null,
  kind,
  from: '2015-04-01',
  until: null,
  coveringForPersonId: null,
  employingOrganisationId: 'host-set-by-unit',
  fraction: null,
  programmedActivities: null,
  ...extra,
});

type PostSpec = { family?: string; holders?: HolderView[]; groupId?: string; groupRole?: string };

/** A post; its unit and span are filled in by {@link unit}. A leadership family by default. */
export const post = (postId: string, spec: PostSpec = {}): PostView => ({
  postId,
  unitId: '',
  title: postId,
  family: spec.family ?? 'management',
  grade: 'AfC 8a',
  maxHolders: 1,
  programmedActivities: null,
  groupId: spec.groupId ?? null,
  groupRole: spec.groupRole ?? null,
  holders: spec.holders ?? [],
  vacancies: spec.holders?.length ? 0 : 1,
  heldByClinician: false,
  span: null,
});

type UnitSpec = { kind?: string; posts?: PostView[]; children?: UnitView[]; members?: string[]; employer?: string; host?: string };

/**
 * A unit; `structure` later sets host, parents and spans as the structure query does. A holder left with the
 * placeholder employer is employed by the host.
 */
export const unit = (unitId: string, spec: UnitSpec = {}): UnitView => ({
  unitId,
  name: unitId,
  kind: spec.kind ?? 'division',
  parentUnitId: null,
  hostOrganisationId: spec.host ?? '',
  memberOrganisationIds: spec.members ?? [],
  employingOrganisationId: spec.employer ?? null,
  posts: spec.posts ?? [],
  children: spec.children ?? [],
});

/** The structure of `organisationId` on `at`: spans as the structure query counts them, parents and hosts filled in. */
export function structure(organisationId: string, at: string, units: UnitView[], partnerships: UnitView[] = []): StructureView {
  const leaders = (u: UnitView) => u.posts.filter((p) => LEADING.has(p.family)).length;
  const complete = (u: UnitView, parentUnitId: string | null, host: string): UnitView => {
    const hostOrganisationId = u.hostOrganisationId || host;
    const children = u.children.map((c) => complete(c, u.unitId, hostOrganisationId));
    const span = children.reduce((n, c) => n + leaders(c), 0) + u.posts.filter((p) => !LEADING.has(p.family)).length;
    const posts = u.posts.map((p) => ({
      ...p,
      unitId: u.unitId,
      span: LEADING.has(p.family) ? span : null,
      holders: p.holders.map((h) => (h.employingOrganisationId === 'host-set-by-unit' ? { ...h, employingOrganisationId: hostOrganisationId } : h)),
    }));
    return { ...u, parentUnitId: u.parentUnitId ?? parentUnitId, hostOrganisationId, posts, children };
  };
  return {
    organisation: { organisationId, name: organisationId, kind: 'nhs-trust', code: null, openFrom: '2010-04-01', closesOn: null },
    at: at as CalendarDate,
    knownAt: '2024-01-01T00:00:00.000Z',
    asOfPosition: 1,
    units: units.map((u) => complete(u, null, organisationId)),
    partnerships: partnerships.map((u) => complete(u, u.parentUnitId, u.hostOrganisationId)),
    groups: [],
    managementLayers: 0,
    counts: { units: 0, posts: 0, vacancies: 0, actingOrCovering: 0 },
  };
}
