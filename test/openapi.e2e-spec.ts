import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ApiHarness, REPO_ROOT, startApi } from './support/api-harness';

/** Every command route the controllers declare, as OpenAPI writes paths. */
const COMMAND_ROUTES = [
  '/organisations',
  '/organisations/merges',
  '/organisations/{organisationId}/rename',
  '/organisations/{organisationId}/reclassify',
  '/organisations/{organisationId}/close',
  '/organisations/{organisationId}/split',
  '/organisations/{organisationId}/units',
  '/organisations/{organisationId}/units/{unitId}/rename',
  '/organisations/{organisationId}/units/{unitId}/move',
  '/organisations/{organisationId}/units/{unitId}/split',
  '/organisations/{organisationId}/units/{unitId}/dissolve',
  '/organisations/{organisationId}/unit-merges',
  '/posts',
  '/posts/{postId}/retitle',
  '/posts/{postId}/regrade',
  '/posts/{postId}/abolish',
  '/posts/{postId}/appointments',
  '/posts/{postId}/appointments/{appointmentId}/end',
  '/people',
  '/boundary-changes/service-transfers',
  '/boundary-changes/memberships',
  '/boundary-changes/boundary-redraws',
  '/boundary-changes/employment-transfers',
  '/events/{eventId}/retraction',
  '/events/{eventId}/correction',
  '/programmes',
  '/programmes/{programmeId}/proposal',
  '/programmes/{programmeId}/consultation',
  '/programmes/{programmeId}/responses',
  '/programmes/{programmeId}/waiver',
  '/programmes/{programmeId}/decision',
  '/programmes/{programmeId}/withdrawal',
  '/programmes/{programmeId}/closure',
];

type OpenApi = { openapi: string; info: { title: string }; paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };

describe('OpenAPI document', () => {
  let api: ApiHarness;
  let document: OpenApi;

  beforeAll(async () => {
    api = await startApi();
    document = (await api.http.get('/docs-json').expect(200).expect('Content-Type', /json/)).body;
  });
  afterAll(async () => {
    await api.close();
  });

  it('is served at /docs-json', () => {
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toBe('orgchange');
  });

  it('lists exactly the command routes as POST, each answering 201', () => {
    const posts = Object.entries(document.paths).filter(([, methods]) => 'post' in methods);

    expect(posts.map(([path]) => path).sort()).toEqual([...COMMAND_ROUTES].sort());
    for (const [, methods] of posts) expect(Object.keys(methods.post.responses ?? {})).toContain('201');
  });

  it('lists the reads as GET', () => {
    const gets = Object.entries(document.paths).filter(([, methods]) => 'get' in methods).map(([path]) => path);

    expect(gets).toEqual(expect.arrayContaining(['/organisations', '/organisations/{organisationId}/units', '/events', '/health']));
  });

  it('covers every @Post in the controllers (so a new command route is added to this list)', () => {
    const src = join(REPO_ROOT, 'apps/api/src');
    const controllers = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.controller.ts'));
    const declared = controllers.reduce((n, f) => n + (readFileSync(join(src, f), 'utf8').match(/@Post\(/g) ?? []).length, 0);

    expect(declared).toBe(COMMAND_ROUTES.length);
  });
});
