import type { Response } from 'supertest';
import type { ApiHarness } from './api-harness';

/** The 201 body of every command (see apps/api/src/common/command-response.ts). */
export type CommandBody = {
  streamId: string;
  streamVersion: number;
  events: { eventId: string; type: string; streamId: string; streamVersion: number; globalPosition: number }[];
  streams: { streamId: string; streamVersion: number }[];
};

/** One event of GET /events. */
export type LoggedEvent = {
  globalPosition: number;
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  effectiveFrom: string | null;
  recordedAt: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** POST with a JSON body and optional headers. */
export const send = (api: ApiHarness, path: string, body: unknown, headers: Record<string, string> = {}) => {
  const req = api.http.post(path);
  for (const [name, value] of Object.entries(headers)) req.set(name, value);
  return req.send(body as object);
};

/** Sends a command that must succeed, returning its body (fails with the problem details otherwise). */
export async function given(api: ApiHarness, path: string, body: unknown, headers: Record<string, string> = {}): Promise<CommandBody> {
  const res = await send(api, path, body, headers);
  if (res.status !== 201) throw new Error(`setup ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as CommandBody;
}

/**
 * Then: a 201 whose body names the stream, its version (also as ETag W/"<version>") and the appended events,
 * which GET /events returns at their global positions. Returns the logged events.
 */
export async function expectAccepted(api: ApiHarness, res: Response, streamId: string, types: readonly string[]): Promise<LoggedEvent[]> {
  expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
  const body = res.body as CommandBody;
  expect(body.streamId).toBe(streamId);
  expect(res.headers.etag).toBe(`W/"${body.streamVersion}"`);
  expect(body.events.map((e) => e.type)).toEqual(types);
  for (const event of body.events) {
    expect(event.eventId).toMatch(UUID);
    expect(event.globalPosition).toBeGreaterThan(0);
  }
  const first = Math.min(...body.events.map((e) => e.globalPosition));
  const log = await api.http.get('/events').query({ after: first - 1, limit: body.events.length });
  expect(log.status).toBe(200);
  const logged = log.body.events as LoggedEvent[];
  expect(logged.map((e) => ({ eventId: e.eventId, type: e.type, globalPosition: e.globalPosition, streamId: e.streamId }))).toEqual(
    body.events.map((e) => ({ eventId: e.eventId, type: e.type, globalPosition: e.globalPosition, streamId: e.streamId })),
  );
  return logged;
}

/** Then: an RFC 7807 problem with this status and code. */
export function expectProblem(res: Response, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code, type: `https://orgchange.dev/problems/${code}` });
}

/** Then: a 400 whose `errors` name `field`. */
export function expectFieldError(res: Response, field: string): void {
  expectProblem(res, 400, 'ValidationFailed');
  expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
}

/** Runs `when` and checks that the log did not grow. */
export async function expectNothingAppended<T>(api: ApiHarness, when: () => Promise<T>): Promise<T> {
  const before = await api.eventCount();
  const result = await when();
  expect(await api.eventCount()).toBe(before);
  return result;
}

// ---- Givens: small histories built through the API ----

export const establishOrganisation = (api: ApiHarness, organisationId: string, effectiveFrom = '2015-04-01', kind = 'nhs-trust') =>
  given(api, '/organisations', { organisationId, name: `Organisation ${organisationId}`, kind, effectiveFrom });

export const establishUnit = (api: ApiHarness, organisationId: string, unitId: string, options: { parentUnitId?: string; kind?: string; effectiveFrom?: string; memberOrganisationIds?: string[] } = {}) =>
  given(api, `/organisations/${organisationId}/units`, {
    unitId,
    name: `Unit ${unitId}`,
    kind: options.kind ?? 'division',
    effectiveFrom: options.effectiveFrom ?? '2015-04-01',
    ...(options.parentUnitId ? { parentUnitId: options.parentUnitId } : {}),
    ...(options.memberOrganisationIds ? { memberOrganisationIds: options.memberOrganisationIds } : {}),
  });

export const registerPerson = (api: ApiHarness, personId: string, profession = 'doctor') =>
  given(api, '/people', { personId, profession, effectiveFrom: '2015-01-01' });

export const createPost = (api: ApiHarness, postId: string, organisationId: string, unitId: string, maxHolders = 1) =>
  given(api, '/posts', { postId, organisationId, unitId, title: `Post ${postId}`, family: 'medical-leadership', grade: 'consultant', maxHolders, effectiveFrom: '2015-04-01' });

/** An organisation `trust` with a division `div-a`, a post `cd-a` in it and a registered person `p-1`. */
export async function givenTrustWithPost(api: ApiHarness): Promise<void> {
  await establishOrganisation(api, 'trust');
  await establishUnit(api, 'trust', 'div-a');
  await createPost(api, 'cd-a', 'trust', 'div-a');
  await registerPerson(api, 'p-1');
}
