import { join } from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';
import { schemaUri } from '../src/cloud-event';
import { schemaDirectory } from '../src/contract-schemas';

type Schema = Record<string, unknown>;
type Definitions = Record<string, Schema>;

/** Where the checked-in schemas live, one file per event type and version. */
export const SCHEMA_DIR = join(schemaDirectory(), 'events');

export const schemaFileName = (type: string, version: number): string => `${type}.v${version}.json`;

/**
 * Generates one JSON Schema (draft-07) per published event type and version from the domain's TypeScript
 * types, so the contracts cannot drift from the code: `write-event-schemas` checks them in and a test
 * regenerates them and compares. Each schema describes the event's `data`, with the named types it uses
 * (dates, vocabularies, planned commands) copied in as definitions.
 */
export function generateEventSchemas(root: string): Map<string, Schema> {
  const generator = createGenerator({
    path: join(root, 'libs/messaging/src/published-events.ts'),
    tsconfig: join(root, 'tsconfig.json'),
    type: 'PublishedEvent',
    expose: 'export',
    topRef: false,
    skipTypeCheck: true,
    additionalProperties: false,
    sortProps: true,
  });
  const definitions = generator.createSchema('PublishedEvent').definitions as Definitions;
  patchCalendarDate(definitions);
  const files = new Map<string, Schema>();
  for (const event of Object.values(definitions)) {
    const properties = (event.properties ?? {}) as Record<string, Schema>;
    const type = properties.type?.const;
    const version = properties.version?.const;
    if (typeof type !== 'string' || typeof version !== 'number' || !properties.data) continue;
    const data = properties.data;
    files.set(schemaFileName(type, version), {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: schemaUri(type, version),
      title: `${type} v${version}`,
      description: `The data of an orgchange ${type} event, schema version ${version} (CloudEvents type orgchange.${type}.v${version}).`,
      ...data,
      definitions: referencedDefinitions(data, definitions),
    });
  }
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

/** A branded `string & { __brand }` comes out as a bare string: say what the brand means. */
function patchCalendarDate(definitions: Definitions): void {
  const date = definitions.CalendarDate;
  if (!date) throw new Error('CalendarDate is missing from the generated definitions');
  Object.assign(date, { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
}

/** The definitions `schema` reaches through `$ref`, transitively. */
function referencedDefinitions(schema: Schema, definitions: Definitions): Definitions {
  const found: Definitions = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/definitions/')) {
        const name = decodeURIComponent(value.slice('#/definitions/'.length));
        if (!(name in found)) {
          found[name] = definitions[name];
          visit(definitions[name]);
        }
      } else visit(value);
    }
  };
  visit(schema);
  return Object.fromEntries(Object.entries(found).sort(([a], [b]) => a.localeCompare(b)));
}
