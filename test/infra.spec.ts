import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadAll } from 'js-yaml';

/**
 * Checks every YAML file under infra/ against the code, since no Docker engine or cluster runs here: each
 * parses; the environment variables given to orgchange's containers are ones the apps read; commands name
 * entry points that exist; probes hit ports the containers expose and paths the apps serve; ConfigMaps and
 * Secrets referenced exist; images are the project's own (at its version) or pinned third-party tags.
 */
const ROOT = join(__dirname, '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const yamlFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? yamlFiles(join(dir, entry.name)) : /\.ya?ml$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );

/** Variables the apps read: config class fields, the shared store variables, the notification channels. */
function variablesTheAppsRead(): Set<string> {
  const names = new Set<string>(['NODE_ENV']);
  for (const file of ['libs/event-store/src/nest/service-environment.ts', 'apps/api/src/config/app-config.ts', 'apps/worker/src/worker-config.ts', 'apps/relay/src/relay-config.ts']) {
    for (const [, name] of read(file).matchAll(/^\s{2}([A-Z][A-Z0-9_]+)\??\s*[:=]/gm)) names.add(name);
  }
  for (const [, name] of read('libs/event-store/src/config/store-config.ts').matchAll(/given\(env, '([A-Z_]+)'\)/g)) names.add(name);
  const notifications = readdirSync(join(ROOT, 'libs/workflow/src/notifications'), { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => read(join('libs/workflow/src/notifications', entry.name)))
    .join('\n');
  for (const [, name] of notifications.matchAll(/\b(NOTIFY_[A-Z_]*[A-Z])\b/g)) names.add(name);
  return names;
}

type Container = { name: string; image?: string; command?: string[]; env?: { name: string; value?: string }[]; envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[]; ports?: { containerPort: number; name?: string }[] } & Record<string, unknown>;
type Probe = { httpGet?: { path: string; port: string | number }; tcpSocket?: { port: string | number } };

/** Applies YAML merge keys (`<<: *anchor`), which Compose honours and js-yaml leaves as plain keys. */
function merged(value: unknown): any {
  if (Array.isArray(value)) return value.map(merged);
  if (value === null || typeof value !== 'object') return value;
  const { '<<': bases, ...own } = value as Record<string, unknown>;
  const inherited = ([] as unknown[]).concat(bases ?? []).map(merged);
  return Object.assign({}, ...inherited, Object.fromEntries(Object.entries(own).map(([k, v]) => [k, merged(v)])));
}

const documents = yamlFiles('infra').map((file) => ({ file, docs: loadAll(read(file)).map(merged) as Record<string, any>[] }));
const kubernetes = documents.flatMap(({ file, docs }) => docs.filter((d) => d?.kind).map((doc) => ({ file, doc })));
const compose = documents.filter(({ docs }) => docs.length === 1 && docs[0]?.services).map(({ file, docs }) => ({ file, services: docs[0].services as Record<string, any> }));
const isOurs = (image: string | undefined): boolean => image === undefined || image.startsWith('orgchange:');
const version = JSON.parse(read('package.json')).version as string;
const known = variablesTheAppsRead();

/** Where each entry point serves GET /health: the API on PORT, the worker and relay on their health ports. */
const healthPortOf = (command: string[] | undefined, env: Record<string, string>): number | undefined => {
  const entry = command?.find((part) => part.startsWith('dist/')) ?? 'dist/apps/api/src/main.js';
  if (entry.includes('apps/worker')) return Number(env.WORKER_HEALTH_PORT ?? 9465);
  if (entry.includes('apps/relay')) return Number(env.RELAY_HEALTH_PORT ?? 9464);
  return Number(env.PORT ?? 3000);
};

describe('infra/', () => {
  it('has YAML files, every one of which parses', () => {
    expect(documents.map((d) => d.file)).toEqual(expect.arrayContaining(['infra/compose/compose.yaml', 'infra/compose/compose.cluster.yaml', 'infra/kubernetes/api.yaml']));
    for (const { docs } of documents) expect(docs.length).toBeGreaterThan(0);
  });

  it('the ConfigMap and Secret give only variables the apps read, and the API can start from them', () => {
    const data = kubernetes.filter(({ doc }) => doc.kind === 'ConfigMap' || doc.kind === 'Secret').flatMap(({ doc }) => Object.keys(doc.data ?? doc.stringData ?? {}));
    expect(data.filter((name) => !known.has(name))).toEqual([]);
    expect(data).toEqual(expect.arrayContaining(['EVENT_STORE', 'DATABASE_URL', 'ORGCHANGE_DB', 'KAFKA_BROKERS']));
  });

  describe.each(kubernetes.filter(({ doc }) => ['Deployment', 'StatefulSet'].includes(doc.kind)).map(({ file, doc }) => [`${file} ${doc.kind} ${doc.metadata.name}`, doc]))('%s', (_, doc) => {
    const containers = doc.spec.template.spec.containers as Container[];
    const configNames = kubernetes.filter(({ doc: d }) => d.kind === 'ConfigMap').map(({ doc: d }) => d.metadata.name);
    const secretNames = kubernetes.filter(({ doc: d }) => d.kind === 'Secret').map(({ doc: d }) => d.metadata.name);
    const configData = Object.assign({}, ...kubernetes.filter(({ doc: d }) => d.kind === 'ConfigMap').map(({ doc: d }) => d.data));

    it.each(containers.map((c) => [c.name, c]))('container %s: image, entry point, variables, references', (_name, container) => {
      expect(isOurs(container.image) ? container.image : 'pinned').toMatch(new RegExp(`^(orgchange:${version.replace(/\./g, '\\.')}|pinned)$`));
      for (const part of container.command ?? []) if (part.startsWith('dist/')) expect(existsSync(join(ROOT, part.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
      expect((container.env ?? []).map((e) => e.name).filter((name) => !known.has(name))).toEqual([]);
      for (const from of container.envFrom ?? []) {
        if (from.configMapRef) expect(configNames).toContain(from.configMapRef.name);
        if (from.secretRef) expect(secretNames).toContain(from.secretRef.name);
      }
    });

    it.each(containers.map((c) => [c.name, c]))('container %s: probes hit an exposed port where the app serves GET /health', (_name, container) => {
      const env = { ...configData, ...Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value])) };
      const probes = ['startupProbe', 'readinessProbe', 'livenessProbe'].map((key) => container[key] as Probe | undefined).filter((p): p is Probe => p !== undefined);
      const portOf = (port: string | number): number | undefined => (typeof port === 'number' ? port : container.ports?.find((p) => p.name === port)?.containerPort);
      const servedOn = healthPortOf(container.command, container.envFrom ? env : Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value])));
      // The SQLite pod's worker container shares the pod with the API, which carries its probes.
      if (probes.length === 0) return expect(container.command?.join(' ')).toMatch(/apps\/worker/);
      for (const probe of probes) {
        const port = portOf((probe.httpGet ?? probe.tcpSocket)!.port);
        expect(port).toBe(servedOn);
        if (probe.httpGet) expect(probe.httpGet.path).toBe('/health');
      }
    });
  });

  describe.each(compose.map(({ file, services }) => [file, services]))('%s', (_file, services) => {
    it.each(Object.entries(services).map(([name, service]) => [name, service]))('service %s: image or build, entry point and variables', (_name, service) => {
      if (service.build) {
        expect(existsSync(join(ROOT, 'infra/compose', service.build.context, service.build.dockerfile))).toBe(true);
        for (const part of service.command ?? []) if (part.startsWith('dist/')) expect(existsSync(join(ROOT, part.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
        expect(Object.keys(service.environment ?? {}).filter((name) => !known.has(name))).toEqual([]);
        const check = (service.healthcheck?.test ?? []).join(' ');
        const port = healthPortOf(service.command, service.environment ?? {});
        if (!service.healthcheck?.disable && check) expect(check).toContain(`127.0.0.1:${port}/health`);
      } else {
        expect(service.image).toMatch(/^[\w./-]+:(?!latest$)[\w.-]+$/);
      }
      const dependencies = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
      for (const dependency of dependencies) expect(Object.keys(services)).toContain(dependency);
    });
  });

  it('the cluster compose file runs a 3-broker KRaft Kafka, PostgreSQL, KurrentDB and the three apps on the same store variables', () => {
    const { services } = compose.find((c) => c.file.endsWith('compose.cluster.yaml'))!;
    const brokers = Object.entries(services).filter(([, s]) => String(s.image).startsWith('apache/kafka:'));
    expect(brokers).toHaveLength(3);
    const voters = brokers.map(([, s]) => s.environment.KAFKA_CONTROLLER_QUORUM_VOTERS);
    expect(new Set(voters).size).toBe(1);
    expect(voters[0].split(',').map((v: string) => v.split('@')[1].split(':')[0]).sort()).toEqual(brokers.map(([name]) => name).sort());
    expect(services.relay.environment.KAFKA_BROKERS.split(',').map((b: string) => b.split(':')[0]).sort()).toEqual(brokers.map(([name]) => name).sort());
    for (const app of ['api', 'worker', 'relay']) {
      expect(services[app].environment).toMatchObject({ EVENT_STORE: expect.any(String), DATABASE_URL: expect.stringContaining('@postgres:5432/'), KURRENTDB_URL: expect.stringContaining('kurrentdb:2113') });
    }
    expect(relative(ROOT, join(ROOT, 'infra/compose', services.api.build.context))).toBe('');
  });
});
