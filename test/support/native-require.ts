/**
 * Loads the app's TypeScript with Node's own `require`, outside Jest's module registry.
 *
 * Why: NestJS 12 ships as ES modules only ("type": "module"). Node 20.19+ can `require()` them, but Jest 30's
 * CommonJS runtime can do so only on Node 24.9+, and the root jest.config.js does not transform node_modules,
 * so `import { createApi } from '../../apps/api/src/bootstrap'` fails in a test with "Must use import to load
 * ES Module". Until the Jest config handles that, the e2e specs load the API and the CLI here: each `.ts` file
 * under the repository is compiled with swc (the settings of .swcrc and the @orgchange/* paths of
 * tsconfig.json, as scripts/build.mjs does) and run by Node, which then loads @nestjs/* itself.
 *
 * Code loaded this way runs in Node's main realm: it sees the process's real `console` (spy on `realConsole`),
 * and its objects are not `instanceof` the test realm's classes (compare by shape or `name`).
 */
import { readFileSync } from 'node:fs';
import SandboxModule from 'node:module';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');

// Jest hands test code a subclass of Node's Module whose createRequire loads through Jest's registry;
// its parent class is Node's own.
const parent = Object.getPrototypeOf(SandboxModule) as typeof SandboxModule;
const Module = typeof parent.createRequire === 'function' ? parent : SandboxModule;
const nodeRequire = Module.createRequire(join(REPO_ROOT, 'package.json'));
const HOOKED = Symbol.for('orgchange.e2e.nativeTsHook');

type Extensions = Record<string, (module: NodeModule & { _compile: (code: string, file: string) => void }, file: string) => void>;

function installTypeScriptHook(): void {
  const extensions = (Module as unknown as { _extensions: Extensions })._extensions;
  if ((extensions['.ts'] as unknown as Record<symbol, boolean> | undefined)?.[HOOKED]) return;
  const swc = nodeRequire('@swc/core') as typeof import('@swc/core');
  const swcrc = JSON.parse(readFileSync(join(REPO_ROOT, '.swcrc'), 'utf8'));
  const tsconfig = JSON.parse(readFileSync(join(REPO_ROOT, 'tsconfig.json'), 'utf8'));
  const previous = extensions['.ts'];
  const hook: Extensions[string] = (module, file) => {
    if (!file.startsWith(REPO_ROOT) || file.includes(`${REPO_ROOT}/node_modules/`)) {
      if (previous) return previous(module, file);
      throw new Error(`no loader for ${file}`);
    }
    const { code } = swc.transformSync(readFileSync(file, 'utf8'), {
      ...swcrc,
      swcrc: false,
      filename: file,
      sourceMaps: 'inline',
      jsc: { ...swcrc.jsc, baseUrl: REPO_ROOT, paths: tsconfig.compilerOptions.paths },
    });
    module._compile(code, file);
  };
  Object.defineProperty(hook, HOOKED, { value: true });
  extensions['.ts'] = hook;
}

/** `require` of a repository file (path from the repository root, e.g. `apps/api/src/bootstrap.ts`) by Node itself. */
export function requireNative<T>(pathFromRoot: string): T {
  installTypeScriptHook();
  nodeRequire('reflect-metadata');
  return nodeRequire(join(REPO_ROOT, pathFromRoot)) as T;
}

/** The process's own console, which natively loaded code writes to (Jest gives each test file another one). */
export const realConsole: Console = nodeRequire('node:console') as Console;

/** The process's own `process` (Jest gives test code a copy); commander writes help to its stdout. */
export const realProcess: NodeJS.Process = nodeRequire('node:process') as NodeJS.Process;
