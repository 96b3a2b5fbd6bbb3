import { JwtService } from '@nestjs/jwt';
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validateAppConfig } from '../apps/api/src/config/app-config';
import { type ApiHarness, startApi, startApiWithDemo, TEST_JWT_SECRET, tokenFor } from './support/api-harness';

const sign = (payload: object, options: Record<string, unknown>) => new JwtService().sign(payload, options as never);
const ORG = 'northvale-ft';
const good = { secret: TEST_JWT_SECRET, algorithm: 'HS256', issuer: 'orgchange-local', audience: 'orgchange-api', subject: 'alice', expiresIn: '5m' };
const claims = { role: 'admin', orgs: [] };
const rename = { name: 'Northvale Teaching Hospitals', effectiveFrom: '2030-01-01' };

describe('authentication (AUTH_MODE=jwt, HS256)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApiWithDemo();
  });
  afterAll(() => api?.close());

  it('answers 401 without a token, naming the scheme, and appends nothing', async () => {
    const before = await api.eventCount();
    const response = await api.anonymous.post(`/organisations/${ORG}/rename`).send(rename);

    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(response.body).toMatchObject({ status: 401, code: 'AuthenticationRequired' });
    expect(await api.eventCount()).toBe(before);
  });

  it.each([
    ['expired', sign(claims, { ...good, expiresIn: -10 }), /expired/],
    ['from another issuer', sign(claims, { ...good, issuer: 'someone-else' }), /issuer/],
    ['for another audience', sign(claims, { ...good, audience: 'another-api' }), /audience/],
    ['signed with another secret', sign(claims, { ...good, secret: 'x'.repeat(40) }), /signature/],
    ['unsigned (alg none)', `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, sub: 'mallory', iss: 'orgchange-local', aud: 'orgchange-api', exp: 9999999999 })).toString('base64url')}.`, /signature|algorithm/],
    ['with an unknown role', sign({ role: 'superuser', orgs: ['*'] }, good), /role/],
    ['for a programme office with no organisations', sign({ role: 'programme-office', orgs: [] }, good), /orgs|organisation/],
    ['with no subject', sign(claims, (({ subject: _, ...rest }) => rest)(good)), /sub/],
    ['that is not a JWT', 'not-a-token', /Bearer/],
  ])('refuses a token %s with 401 InvalidToken naming the check', async (_, token, reason) => {
    const before = await api.eventCount();
    const response = await api.as(token).post(`/organisations/${ORG}/rename`).send(rename);

    expect(response.status).toBe(401);
    expect(response.body.code).toBe('InvalidToken');
    expect(response.body.detail).toMatch(reason);
    expect(await api.eventCount()).toBe(before);
  });

  it('records the token subject as the actor of every event, whatever X-Actor says', async () => {
    const response = await api.as(tokenFor('programme-office', [ORG], 'olivia@northvale')).post(`/organisations/${ORG}/rename`).set('X-Actor', 'someone-else').send(rename);

    expect(response.status).toBe(201);
    const events = await api.allEvents();
    expect(events[events.length - 1].metadata.actor).toBe('olivia@northvale');
  });

  it('sets helmet security headers', async () => {
    const response = await api.http.get('/organisations');

    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    // The page must load over plain HTTP behind a cluster address, so sub-requests are not forced to https.
    expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});

describe('a programme office writes to its own organisations only', () => {
  let api: ApiHarness;
  const office = tokenFor('programme-office', [ORG], 'office');
  beforeAll(async () => {
    api = await startApiWithDemo();
    await api.http.post('/organisations').send({ organisationId: 'westmoor-icb', name: 'Westmoor ICB', kind: 'icb', effectiveFrom: '2022-07-01' }).expect(201);
  });
  afterAll(() => api?.close());

  const refused = async (send: () => Promise<{ status: number; body: { code?: string; details?: unknown } }>) => {
    const before = await api.eventCount();
    const response = await send();
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: 'OrganisationNotInScope' });
    expect(response.body.details).toEqual({ organisations: ['westmoor-icb'] });
    expect(await api.eventCount()).toBe(before);
  };

  it('may not touch another organisation in a cross-organisation change that includes its own', () =>
    refused(() => api.as(office).post('/boundary-changes/memberships').send({ groupOrganisationId: 'westmoor-icb', memberOrganisationId: ORG, change: 'joined', effectiveFrom: '2023-01-01' })));

  it('may not name another organisation as employer in an appointment to its own post', () =>
    refused(() => api.as(office).post('/posts/cd-med/appointments').send({ personId: 'p-cd-wc', kind: 'joint', employingOrganisationId: 'westmoor-icb', effectiveFrom: '2024-01-01' })));

  it('may not plan, inside a programme for its own organisation, a change to another', () =>
    refused(() =>
      api.as(office).post('/programmes').send({
        title: 'Sneaky',
        organisationIds: [ORG],
        changes: [{ changeId: 'c1', command: { type: 'CloseOrganisation', data: { organisationId: 'westmoor-icb', effectiveFrom: '2031-01-01' } } }],
      }),
    ));

  it('may not retract an event of another organisation', async () => {
    const target = (await api.allEvents()).find((e) => e.streamId === 'organisation-westmoor-icb')!;
    await refused(() => api.as(office).post(`/events/${target.eventId}/retraction`).send({ reason: 'not mine' }));
  });

  it("may not retract a person's event (people belong to no organisation): only an admin may", async () => {
    const before = await api.eventCount();
    const target = (await api.allEvents()).find((e) => e.streamId.startsWith('person-'))!;
    const response = await api.as(office).post(`/events/${target.eventId}/retraction`).send({ reason: 'not mine' });
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: 'OrganisationNotDetermined' });
    expect(await api.eventCount()).toBe(before);
  });

  it('may change its own organisation, with its own posts looked up in the log', async () => {
    expect((await api.as(office).post('/boundary-changes/memberships').send({ groupOrganisationId: ORG, memberOrganisationId: ORG, change: 'joined', effectiveFrom: '2023-01-01' })).status).not.toBe(403);
    expect((await api.as(office).post('/posts/md/retitle').send({ title: 'Chief Medical Officer', effectiveFrom: '2030-01-01' })).status).toBe(201);
  });

  it('gets 403 OrganisationNotDetermined for a post the log does not know', async () => {
    const response = await api.as(office).post('/posts/no-such-post/retitle').send({ title: 'x', effectiveFrom: '2030-01-01' });
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: 'OrganisationNotDetermined' });
  });
});

describe('RS256 tokens from an identity provider (AUTH_JWT_PUBLIC_KEY)', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi({ env: { AUTH_JWT_PUBLIC_KEY: publicPem, AUTH_JWT_ISSUER: 'https://idp.example', AUTH_JWT_AUDIENCE: 'orgchange' } });
  });
  afterAll(() => api?.close());

  const rs = { algorithm: 'RS256', issuer: 'https://idp.example', audience: 'orgchange', subject: 'svc-hr', expiresIn: '5m' };

  it('accepts a token signed with the private key', async () => {
    expect((await api.as(sign({ role: 'service', orgs: ['*'] }, { ...rs, privateKey })).get('/organisations')).status).toBe(200);
  });

  it('refuses an HS256 token keyed with the public key (algorithm confusion)', async () => {
    const forged = sign({ role: 'admin', orgs: [] }, { ...rs, algorithm: 'HS256', secret: publicPem });
    expect((await api.as(forged).get('/organisations')).status).toBe(401);
  });
});

describe('RS256 keys from a JWKS URL (AUTH_JWKS_URL)', () => {
  const signing = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const rs = { algorithm: 'RS256', issuer: 'https://idp.example', audience: 'orgchange', subject: 'svc-hr', expiresIn: '5m' };
  let jwks: Server;
  let api: ApiHarness;
  let fetches = 0;

  beforeAll(async () => {
    // The identity provider's key set, served on loopback as any provider publishes it.
    const keys = [{ ...signing.publicKey.export({ format: 'jwk' }), kid: 'key-2026', alg: 'RS256', use: 'sig' }];
    jwks = createServer((_, response) => {
      fetches += 1;
      response.setHeader('content-type', 'application/json').end(JSON.stringify({ keys }));
    });
    await new Promise<void>((done) => jwks.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
    api = await startApi({ env: { AUTH_JWKS_URL: url, AUTH_JWT_ISSUER: rs.issuer, AUTH_JWT_AUDIENCE: rs.audience } });
  });
  afterAll(async () => {
    await api?.close();
    await new Promise((done) => jwks?.close(done));
  });

  it('accepts a token whose kid names a key in the set, fetching the set once for many requests', async () => {
    const token = sign({ role: 'service', orgs: ['*'] }, { ...rs, privateKey: signing.privateKey, keyid: 'key-2026' });
    for (let i = 0; i < 3; i += 1) expect((await api.as(token).get('/organisations')).status).toBe(200);
    expect(fetches).toBe(1);
  });

  it.each([
    ['names a kid the set does not have', () => sign({ role: 'admin', orgs: [] }, { ...rs, privateKey: signing.privateKey, keyid: 'other' })],
    ['is signed by another key under a known kid', () => sign({ role: 'admin', orgs: [] }, { ...rs, privateKey: stranger.privateKey, keyid: 'key-2026' })],
    ['has no kid', () => sign({ role: 'admin', orgs: [] }, { ...rs, privateKey: signing.privateKey })],
  ])('refuses a token that %s with 401', async (_, token) => {
    const response = await api.as(token()).get('/organisations');
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 401, code: 'InvalidToken' });
  });
});

describe('AUTH_MODE=off (local demo)', () => {
  it('treats a request without a token as the local admin, and records that actor', async () => {
    const api = await startApiWithDemo({ env: { AUTH_MODE: 'off' } });
    try {
      expect((await api.anonymous.post(`/organisations/${ORG}/rename`).send(rename)).status).toBe(201);
      const events = await api.allEvents();
      expect(events[events.length - 1].metadata.actor).toBe('local-admin');
    } finally {
      await api.close();
    }
  });

  it('is refused at start-up on a public interface without demo data', () => {
    expect(() => validateAppConfig({ AUTH_MODE: 'off', HOST: '0.0.0.0', DEMO_DATA: 'false' })).toThrow(/AUTH_MODE=off is refused on HOST=0.0.0.0/);
    expect(validateAppConfig({ AUTH_MODE: 'off', HOST: '127.0.0.1', DEMO_DATA: 'false' }).AUTH_MODE).toBe('off');
  });

  it('names a bad AUTH_MODE or a short secret', () => {
    expect(() => validateAppConfig({ AUTH_MODE: 'none' })).toThrow(/AUTH_MODE must be jwt or off/);
    expect(() => validateAppConfig({ AUTH_JWT_SECRET: 'short' })).toThrow(/AUTH_JWT_SECRET must be at least 32 characters/);
  });
});

describe('rate limiting', () => {
  it('answers 429 RateLimited once a client passes RATE_LIMIT_PER_MINUTE', async () => {
    const api = await startApi({ env: { RATE_LIMIT_PER_MINUTE: '5' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i += 1) statuses.push((await api.http.get('/organisations')).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      expect((await api.http.get('/organisations')).body.code).toBe('RateLimited');
    } finally {
      await api.close();
    }
  });
});
