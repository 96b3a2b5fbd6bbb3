import fc from 'fast-check';
import type { AddressInfo } from 'node:net';
import { type ApiHarness, startApiWithDemo, tokenFor } from './support/api-harness';

/**
 * Property: no generated or mutated body sent to any command endpoint gets a 5xx or appends an event, and each
 * rejection is a 4xx problem naming the field (400 `errors[]`) or the rule (`code`). Every body is invalid by
 * construction (one guaranteed-invalid change, plus optional noise), so "nothing appended" is the right oracle.
 * Routes and their body schemas are read from the app's own OpenAPI document, so new commands are fuzzed too.
 * FUZZ_RUNS sets the total (default 10,000).
 */
const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

type Schema = { type?: string; $ref?: string; properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[]; maxLength?: number; minItems?: number; minimum?: number; example?: unknown };
type OpenApi = { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>; components: { schemas: Record<string, Schema> } };
type Route = Readonly<{ path: string; url: string; schema?: Schema }>;
type Sent = Readonly<{ mutation: string; body?: unknown; raw?: string }>;

const PARAMS: Record<string, string> = {
  organisationId: 'northvale-ft',
  unitId: 'div-medicine',
  postId: 'md',
  appointmentId: 'appt-cd-med-acting',
  programmeId: 'no-such-programme',
};

const INJECTIONS = ["'; DROP TABLE events; --", '<script>alert(1)</script>', '../../etc/passwd', '${jndi:ldap://127.0.0.1/x}', '{{7*7}}', '\u0000', 'Ω≈ç√∫', '🙂‍↔️', 'ـ؂؁', '\u202Egnp.exe', 'a\nb', ' '];
const IMPOSSIBLE_DATES = ['2023-02-30', '2023-02-29', '1900-02-29', '2023-13-01', '2023-00-10', '0000-00-00', '2023-2-1', '20230101', '2023-04-31', '99999-01-01', '2023-01-01T00:00:00Z', 'tomorrow'];

const isDateField = (name: string, schema: Schema) => /(effectiveFrom|On)$/.test(name) || (typeof schema.example === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(schema.example));
const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

describe('fuzzing every command endpoint', () => {
  let api: ApiHarness;
  let base: string;
  let routes: Route[];
  let schemas: Record<string, Schema>;
  const token = tokenFor('admin', [], 'fuzzer');

  const resolve = (schema: Schema | undefined): Schema | undefined => (schema?.$ref ? schemas[schema.$ref.split('/').pop()!] : schema);

  /** A body close to valid, from the schema: the mutations then break exactly one thing in it. */
  const exampleOf = (raw: Schema | undefined, name = ''): unknown => {
    const schema = resolve(raw);
    if (!schema) return {};
    if (schema.enum) return schema.enum[0];
    if (isDateField(name, schema)) return '2031-04-01';
    if (schema.type === 'string') return /Ids?$/.test(name) ? 'fuzz-id' : (schema.example ?? 'some text');
    if (schema.type === 'number' || schema.type === 'integer') return schema.minimum ?? 1;
    if (schema.type === 'boolean') return true;
    if (schema.type === 'array') return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, (_, i) => exampleOf(schema.items, `${name}${i}`));
    const body: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(schema.properties ?? {})) body[key] = exampleOf(property, key);
    return body;
  };

  beforeAll(async () => {
    api = await startApiWithDemo();
    const document = (await api.anonymous.get('/docs-json').expect(200)).body as OpenApi;
    schemas = document.components.schemas;
    const trustEvent = (await api.allEvents()).find((e) => e.streamId === 'organisation-northvale-ft')!;
    PARAMS.eventId = trustEvent.eventId;
    routes = Object.entries(document.paths)
      .filter(([, methods]) => 'post' in methods)
      .map(([path, methods]) => ({
        path,
        url: path.replace(/\{(\w+)\}/g, (_, name: string) => PARAMS[name]),
        schema: resolve(methods.post.requestBody?.content['application/json']?.schema),
      }));
    const server = api.app.getHttpServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => api?.close());

  /** One guaranteed-invalid change to the example body of a route. */
  const invalidBody = (route: Route): fc.Arbitrary<Sent> => {
    const example = exampleOf(route.schema) as Record<string, unknown>;
    const properties = Object.entries(route.schema?.properties ?? {}).map(([name, s]) => ({ name, schema: resolve(s)! }));
    const required = route.schema?.required ?? [];
    const scalars = properties.filter((p) => !['object', 'array'].includes(p.schema.type ?? '') || isDateField(p.name, p.schema));
    const ids = properties.filter((p) => p.schema.type === 'string' && /Id$/.test(p.name));
    const texts = properties.filter((p) => p.schema.type === 'string' && p.schema.maxLength !== undefined);
    const dates = properties.filter((p) => isDateField(p.name, p.schema));
    const withBody = (mutation: string, change: (body: Record<string, unknown>) => void): Sent => {
      const body = structuredClone(example);
      change(body);
      return { mutation, body };
    };
    const wrongValue = (expected: string) =>
      fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.array(fc.jsonValue(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }), fc.string()).filter((v) => jsonType(v) !== expected && !(expected === 'number' && typeof v === 'number'));
    const options: fc.Arbitrary<Sent>[] = [
      fc.tuple(fc.string({ minLength: 1, maxLength: 40 }), fc.jsonValue()).filter(([k]) => !(k in example) && k !== '__proto__').map(([key, value]) => withBody(`extra field ${JSON.stringify(key)}`, (b) => (b[key] = value))),
      fc.jsonValue().filter((v) => jsonType(v) !== 'object' || Object.keys(v as object).some((k) => !(k in example))).map((value) => ({ mutation: 'replaced body', raw: JSON.stringify(value) })),
      fc.constantFrom('{', '{"a":', '[1,2', 'null x', '{"effectiveFrom":"2020-01-01",}', '\u0000', "{'single':'quotes'}").map((raw) => ({ mutation: 'malformed JSON', raw })),
      fc.integer({ min: 110_000, max: 300_000 }).map((n) => withBody('oversized body', (b) => (b.padding = 'x'.repeat(n)))),
    ];
    if (required.length > 0) options.push(fc.constantFrom(...required).map((field) => withBody(`missing ${field}`, (b) => delete b[field])));
    if (scalars.length > 0) {
      options.push(fc.tuple(fc.constantFrom(...scalars), fc.anything()).chain(([p]) => wrongValue(isDateField(p.name, p.schema) ? 'string' : (p.schema.type ?? 'string')).map((v) => withBody(`wrong type for ${p.name}`, (b) => (b[p.name] = v)))));
      options.push(
        fc.tuple(fc.constantFrom(...scalars), fc.integer({ min: 20, max: 5_000 })).map(([p, depth]) => ({
          mutation: `${p.name} nested ${depth} deep`,
          raw: JSON.stringify({ ...example, [p.name]: NESTED }).replace(JSON.stringify(NESTED), nestedJson(depth)),
        })),
      );
    }
    if (ids.length > 0) options.push(fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...INJECTIONS, 'x'.repeat(101), '', '-leading-dash')).map(([p, v]) => withBody(`bad id in ${p.name}`, (b) => (b[p.name] = v))));
    if (texts.length > 0) options.push(fc.tuple(fc.constantFrom(...texts), fc.integer({ min: 1, max: 50_000 })).map(([p, extra]) => withBody(`${p.name} too long`, (b) => (b[p.name] = 'é'.repeat(p.schema.maxLength! + extra)))));
    if (dates.length > 0) options.push(fc.tuple(fc.constantFrom(...dates), fc.constantFrom(...IMPOSSIBLE_DATES)).map(([p, v]) => withBody(`impossible date ${p.name}=${v}`, (b) => (b[p.name] = v))));
    return fc.oneof(...options);
  };

  /** Harmless noise on top of the invalid change: injection and unicode strings in free-text fields. */
  const withNoise = (route: Route, sent: fc.Arbitrary<Sent>): fc.Arbitrary<Sent> => {
    const texts = Object.entries(route.schema?.properties ?? {}).filter(([, s]) => resolve(s)?.type === 'string' && resolve(s)?.maxLength !== undefined).map(([name]) => name);
    if (texts.length === 0) return sent;
    return fc.tuple(sent, fc.option(fc.tuple(fc.constantFrom(...texts), fc.oneof(fc.constantFrom(...INJECTIONS), fc.string({ unit: 'grapheme', maxLength: 50 }))))).map(([s, noise]) => {
      if (!noise || s.raw !== undefined || jsonType(s.body) !== 'object' || !s.mutation.startsWith('wrong') && !s.mutation.startsWith('missing') && !s.mutation.startsWith('extra')) return s;
      const body = { ...(s.body as Record<string, unknown>) };
      if (!s.mutation.includes(noise[0])) body[noise[0]] = noise[1];
      return { ...s, body, mutation: `${s.mutation} + ${noise[0]}=${JSON.stringify(noise[1]).slice(0, 30)}` };
    });
  };

  /** fetch (undici, keep-alive) to the app listening on loopback: a fresh connection per request would dominate the run time. */
  const send = async (route: Route, sent: Sent): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(base + route.url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: sent.raw ?? JSON.stringify(sent.body),
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = { unparsable: text.slice(0, 200) };
    }
    return { status: response.status, body };
  };

  it(`rejects ${TOTAL_RUNS} invalid bodies across every command endpoint with a 4xx naming the field or rule, appending nothing`, async () => {
    const before = await api.eventCount();
    const perRoute = Math.ceil(TOTAL_RUNS / routes.length);
    const started = Date.now();
    let sentCount = 0;
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(withNoise(route, invalidBody(route)), async (sent) => {
          const response = await send(route, sent);
          sentCount += 1;
          const problem = response.body as { code?: string; detail?: string; errors?: { field: string; messages: string[] }[] };
          const context = `${route.path} (${sent.mutation}) → ${response.status} ${JSON.stringify(problem).slice(0, 300)}`;
          if (response.status < 400 || response.status >= 500) throw new Error(`not a 4xx: ${context}`);
          if (!/^[A-Z][A-Za-z0-9]+$/.test(problem.code ?? '') || !problem.detail) throw new Error(`no rule named: ${context}`);
          if (problem.code === 'ValidationFailed' && !(problem.errors?.length && problem.errors.every((e) => e.field && problem.detail!.includes(e.field)))) {
            throw new Error(`400 without field names: ${context}`);
          }
        }),
        { numRuns: perRoute, seed: Number(process.env.FUZZ_SEED ?? 20261130) },
      );
    }
    expect(await api.eventCount()).toBe(before);
    expect(sentCount).toBeGreaterThanOrEqual(TOTAL_RUNS);
    console.log(`fuzz: ${sentCount} bodies over ${routes.length} command routes in ${((Date.now() - started) / 1000).toFixed(1)} s, 0 appended`);
  }, 600_000);
});

const NESTED = '\u0000nested';

/** Objects and arrays nested `depth` deep, written as text (JSON.stringify itself recurses and would overflow). */
function nestedJson(depth: number): string {
  const opens = Array.from({ length: depth }, (_, i) => (i % 2 === 0 ? '{"a":' : '['));
  const closes = opens.map((o) => (o === '[' ? ']' : '}')).reverse();
  return `${opens.join('')}"leaf"${closes.join('')}`;
}
