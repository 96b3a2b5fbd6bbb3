import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { transformFile } from '@swc/core';

const ROOT = join(__dirname, '..', '..', '..');

const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourcesUnder(join(dir, entry.name)) : /(?<!\.(spec|int-spec|d))\.ts$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );

/**
 * Compiles the given folders under libs/ (e.g. `domain/src`) to CommonJS under `out`, as scripts/build.mjs does
 * for dist/, for a crash test's child process. A private folder, because dist/ is shared with whoever else is
 * building; only the folders the child loads, so a half-edited file elsewhere cannot break the test.
 * Returns the repository root the compiled tree mirrors.
 */
export async function compileForChild(out: string, folders: readonly string[]): Promise<string> {
  const swcrc = JSON.parse(readFileSync(join(ROOT, '.swcrc'), 'utf8'));
  const { paths } = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')).compilerOptions;
  for (const file of folders.flatMap((folder) => sourcesUnder(join(ROOT, 'libs', folder)))) {
    const { code } = await transformFile(file, { ...swcrc, swcrc: false, sourceMaps: false, jsc: { ...swcrc.jsc, baseUrl: ROOT, paths } });
    const target = join(out, relative(ROOT, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
  }
  return ROOT;
}
