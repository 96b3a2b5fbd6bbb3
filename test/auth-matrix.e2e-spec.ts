import type { Test } from 'supertest';
import { type ApiHarness, startApiWithDemo, tokenFor } from './support/api-harness';
import { organisationsHoldingCopies } from '@orgchange/domain';

/**
 * Every route × every role. The routes come from the OpenAPI document the app builds from its controllers, and
 * the test fails when a route is missing from POLICY below, so a new route cannot ship without a decision.
 */
/** `write`: admins, and programme offices of the organisations written to; `person`: any programme office (people belong to no organisation). */
type Policy = 'public' | 'read' | 'write' | 'person' | 'admin' | 'audit';

const POLICY: Record<string, Policy> = {
  'GET /health': 'public',
  'GET /organisations': 'read',
  'GET /organisations/{organisationId}/units': 'read',
  'GET /organisations/{organisationId}/structure': 'read',
  'GET /organisations/{organisationId}/changes': 'read',
  'GET /organisations/{organisationId}/diff': 'read',
  'GET /organisations/{organisationId}/lineage': 'read',
  'GET /directory': 'read',
  'GET /events': 'read',
  'GET /holders': 'read',
  'GET /posts/{postId}/timeline': 'read',
  'GET /people/{personId}/career': 'read',
  'GET /units/{unitId}/lineage': 'read',
  'GET /units/{unitId}/notifications': 'read',
  'GET /programmes': 'read',
  'GET /programmes/{programmeId}': 'read',
  'GET /programmes/{programmeId}/impact': 'read',
  'GET /programmes/{programmeId}/notifications': 'read',
  'GET /analysis/charts/{metric}': 'read',
  'GET /audit': 'audit',
  'DELETE /people/{personId}/identity': 'admin',
  'POST /organisations': 'write',
  'POST /organisations/merges': 'write',
  'POST /organisations/{organisationId}/rename': 'write',
  'POST /organisations/{organisationId}/reclassify': 'write',
  'POST /organisations/{organisationId}/close': 'write',
  'POST /organisations/{organisationId}/split': 'write',
  'POST /organisations/{organisationId}/units': 'write',
  'POST /organisations/{organisationId}/units/{unitId}/rename': 'write',
  'POST /organisations/{organisationId}/units/{unitId}/move': 'write',
  'POST /organisations/{organisationId}/units/{unitId}/split': 'write',
  'POST /organisations/{organisationId}/units/{unitId}/dissolve': 'write',
  'POST /organisations/{organisationId}/unit-merges': 'write',
  'POST /posts': 'write',
  'POST /posts/{postId}/retitle': 'write',
  'POST /posts/{postId}/regrade': 'write',
  'POST /posts/{postId}/abolish': 'write',
  'POST /posts/{postId}/appointments': 'write',
  'POST /posts/{postId}/appointments/{appointmentId}/end': 'write',
  'POST /people': 'person',
  'POST /boundary-changes/service-transfers': 'write',
  'POST /boundary-changes/memberships': 'write',
  'POST /boundary-changes/boundary-redraws': 'write',
  'POST /boundary-changes/employment-transfers': 'write',
  'POST /events/{eventId}/retraction': 'write',
  'POST /events/{eventId}/correction': 'write',
  'POST /programmes': 'write',
  'POST /programmes/{programmeId}/proposal': 'write',
  'POST /programmes/{programmeId}/consultation': 'write',
  'POST /programmes/{programmeId}/responses': 'write',
  'POST /programmes/{programmeId}/waiver': 'write',
  'POST /programmes/{programmeId}/decision': 'write',
  'POST /programmes/{programmeId}/withdrawal': 'write',
  'POST /programmes/{programmeId}/closure': 'write',
};

const ORG = 'northvale-ft';
const ELSEWHERE = 'elsewhere-ft';

/** Bodies that name only the trust, where the route takes its organisations from the body. */
const BODIES: Record<string, object> = {
  'POST /organisations': { organisationId: ORG },
  'POST /organisations/merges': { predecessorIds: [ORG], successorId: ORG },
  'POST /posts': { organisationId: ORG },
  'POST /boundary-changes/service-transfers': { fromOrganisationId: ORG, toOrganisationId: ORG },
  'POST /boundary-changes/memberships': { groupOrganisationId: ORG, memberOrganisationId: ORG },
  'POST /boundary-changes/boundary-redraws': { fromOrganisationId: ORG, toOrganisationId: ORG },
  'POST /boundary-changes/employment-transfers': { hostOrganisationId: ORG, fromEmployerId: ORG, toEmployerId: ORG },
  'POST /programmes': { organisationIds: [ORG] },
};

/** Every route Express will dispatch to a controller, as `METHOD /path/{param}` (the API docs are Swagger's own). */
function servedRoutes(api: ApiHarness): string[] {
  const instance = api.app.getHttpAdapter().getInstance();
  const stack = (instance.router ?? instance._router).stack as { route?: { path: string; methods: Record<string, boolean> } }[];
  return stack
    .filter((layer) => layer.route && !layer.route.path.startsWith('/docs') && !layer.route.path.includes('*'))
    .flatMap((layer) => Object.keys(layer.route!.methods).map((m) => `${m.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`));
}

type Caller = Readonly<{ name: string; token?: string }>;
const CALLERS: Record<'admin' | 'officeOwn' | 'officeElsewhere' | 'analyst' | 'service' | 'anonymous', Caller> = {
  admin: { name: 'admin', token: tokenFor('admin', [], 'matrix-admin') },
  officeOwn: { name: 'programme-office of the trust', token: tokenFor('programme-office', [ORG], 'matrix-office') },
  officeElsewhere: { name: 'programme-office of another organisation', token: tokenFor('programme-office', [ELSEWHERE], 'matrix-elsewhere') },
  analyst: { name: 'analyst', token: tokenFor('analyst', [ORG]) },
  service: { name: 'service', token: tokenFor('service', ['*']) },
  anonymous: { name: 'no token' },
};

/** Who is let through (anything but 401/403) under each policy; everyone else is refused. */
const ALLOWED: Record<Policy, readonly Caller[]> = {
  public: Object.values(CALLERS),
  read: [CALLERS.admin, CALLERS.officeOwn, CALLERS.officeElsewhere, CALLERS.analyst, CALLERS.service],
  audit: [CALLERS.admin, CALLERS.officeOwn],
  admin: [CALLERS.admin],
  write: [CALLERS.admin, CALLERS.officeOwn],
  person: [CALLERS.admin, CALLERS.officeOwn, CALLERS.officeElsewhere],
};

describe('authorisation matrix: every route × every role', () => {
  let api: ApiHarness;
  let routes: string[];
  let documented: string[];
  const ids: Record<string, string> = { organisationId: ORG, unitId: 'div-medicine', postId: 'cd-med', appointmentId: 'appt-cd-med-acting', personId: 'p-cd-wc', metric: 'open-units' };

  beforeAll(async () => {
    api = await startApiWithDemo();
    const paths = (await api.anonymous.get('/docs-json').expect(200)).body.paths as Record<string, Record<string, unknown>>;
    documented = Object.entries(paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    routes = servedRoutes(api);
    const drafted = await api.http.post('/programmes').send({ programmeId: 'matrix-programme', title: 'Matrix programme', organisationIds: [ORG], changes: [{ changeId: 'c1', command: { type: 'RenameOrganisation', data: { organisationId: ORG, name: 'Northvale NHS FT', effectiveFrom: '2031-04-01' } } }] });
    expect(drafted.status).toBe(201);
    ids.programmeId = 'matrix-programme';
    // An event of the trust's alone: correcting a cross-organisation one also changes the other organisations' copies (corrections.commands.e2e-spec.ts).
    const trustEvents = (await api.allEvents()).filter((e) => e.streamId === `organisation-${ORG}` && !organisationsHoldingCopies(e));
    ids.eventId = trustEvents[trustEvents.length - 1].eventId;
  });
  afterAll(() => api?.close());

  it('has a policy for exactly the routes the app serves (from its router, so a route left out of OpenAPI counts too)', () => {
    expect([...routes].sort()).toEqual(Object.keys(POLICY).sort());
    expect(routes).toEqual(expect.arrayContaining(documented));
  });

  const send = (route: string, caller: Caller): Test => {
    const [method, path] = route.split(' ');
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? `missing-${name}`) + (route === 'GET /audit' ? `?org=${ORG}` : '');
    const http = caller.token ? api.as(caller.token) : api.anonymous;
    const request = http[method.toLowerCase() as 'get' | 'post' | 'delete'](url);
    return method === 'POST' ? request.send(BODIES[route] ?? {}) : request;
  };

  it.each(Object.keys(POLICY))('%s: refuses the roles it should (401 without a token, 403 otherwise) and appends nothing', async (route) => {
    const allowed = ALLOWED[POLICY[route]];
    const before = await api.eventCount();
    for (const caller of Object.values(CALLERS).filter((c) => !allowed.includes(c))) {
      const response = await send(route, caller);
      expect({ caller: caller.name, status: response.status }).toEqual({ caller: caller.name, status: caller.token ? 403 : 401 });
      expect(response.body.code).toMatch(caller.token ? /^(RoleNotAllowed|OrganisationNotInScope)$/ : /^AuthenticationRequired$/);
    }
    expect(await api.eventCount()).toBe(before);
  });

  it.each(Object.keys(POLICY).filter((r) => r !== 'DELETE /people/{personId}/identity'))('%s: lets the roles it should through', async (route) => {
    for (const caller of ALLOWED[POLICY[route]]) {
      const response = await send(route, caller);
      const refused = [401, 403].includes(response.status) ? response.body : false;
      expect({ caller: caller.name, refused, serverError: response.status >= 500 }).toEqual({ caller: caller.name, refused: false, serverError: false });
    }
  });

  it('DELETE /people/{personId}/identity: an admin may erase', async () => {
    expect((await send('DELETE /people/{personId}/identity', CALLERS.admin)).status).toBe(200);
  });
});
