// Compiles apps/, libs/, bench/, test/kafka-broker/ and examples/ to dist/ with swc (no type check: `npm run typecheck` does that), then
// bundles the web page (apps/web) into dist/web with Vite, for the API to serve at `/`.
// swc rewrites the @orgchange/* aliases from tsconfig.json into relative requires, so dist/ runs
// with plain `node` and no path-mapping hook.
import { transformFile } from '@swc/core';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile, chmod } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsconfig = JSON.parse(await readFile(join(root, 'tsconfig.json'), 'utf8'));
const swcrc = JSON.parse(await readFile(join(root, '.swcrc'), 'utf8'));
const isSource = (name) => name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec|d)\.ts$/.test(name);

async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    // apps/web is browser code: Vite bundles it below instead.
    if (path === join(root, 'apps', 'web')) continue;
    if (entry.isDirectory()) yield* sources(path);
    else if (isSource(entry.name)) yield path;
  }
}

let count = 0;
// test/kafka-broker is the Kafka test double `npm run bench` starts (node dist/test/kafka-broker/main.js);
// examples/ are runnable downstream consumers (node dist/examples/downstream-leaders/src/main.js).
// A tree may be absent: the container image copies only apps/, libs/ and bench/ into its build stage.
for (const top of ['apps', 'libs', 'bench', 'test/kafka-broker', 'examples']) {
  if (!existsSync(join(root, top))) continue;
  for await (const file of sources(join(root, top))) {
    const out = join(root, 'dist', relative(root, file)).replace(/\.ts$/, '.js');
    const { code, map } = await transformFile(file, {
      ...swcrc,
      swcrc: false,
      jsc: { ...swcrc.jsc, baseUrl: root, paths: tsconfig.compilerOptions.paths },
      sourceFileName: relative(dirname(out), file),
    });
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, `${code}\n//# sourceMappingURL=${out.split('/').pop()}.map\n`);
    if (map) await writeFile(`${out}.map`, map);
    count += 1;
  }
}
console.log(`build: ${count} files compiled to dist/`);

// The Kafka contracts' JSON Schemas are read at run time (the relay and the Kafka notification channel check
// every message), so they travel with dist/ into images that ship nothing else.
await cp(join(root, 'libs', 'messaging', 'schemas'), join(root, 'dist', 'libs', 'messaging', 'schemas'), { recursive: true });

const { build: buildWeb } = await import('vite');
await buildWeb({ configFile: join(root, 'apps', 'web', 'vite.config.mjs') });
console.log('build: web page bundled to dist/web/');
