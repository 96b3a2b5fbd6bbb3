import { dump } from 'js-yaml';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { asyncApiDocument } from './asyncapi-document';

/** Regenerates docs/asyncapi.yaml: `npm run build && node dist/libs/messaging/tools/write-asyncapi.js`. */
const root = resolve(process.argv[2] ?? process.cwd());
const file = join(root, 'docs', 'asyncapi.yaml');
writeFileSync(file, dump(asyncApiDocument(), { lineWidth: 120, noRefs: true }));
console.log(`write-asyncapi: ${file}`);
