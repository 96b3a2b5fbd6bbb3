import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateEventSchemas } from './event-schemas';

/**
 * Regenerates libs/messaging/schemas from the domain's event types (run after changing an event):
 * `npm run build && node dist/libs/messaging/tools/write-event-schemas.js`. Writes into the source tree.
 */
const root = resolve(process.argv[2] ?? process.cwd());
const dir = join(root, 'libs/messaging/schemas/events');
mkdirSync(dir, { recursive: true });
const schemas = generateEventSchemas(root);
for (const name of readdirSync(dir)) if (!schemas.has(name)) rmSync(join(dir, name));
for (const [name, schema] of schemas) writeFileSync(join(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
console.log(`write-event-schemas: ${schemas.size} schemas in ${dir}`);
