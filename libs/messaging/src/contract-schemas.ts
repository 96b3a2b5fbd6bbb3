import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * libs/messaging/schemas, found from the source tree (tests) or from dist/ (the built relay), which the
 * build does not copy JSON into: deployments ship the schemas folder beside dist/.
 */
export function schemaDirectory(): string {
  const candidates = [join(__dirname, '..', 'schemas'), join(__dirname, '..', '..', '..', '..', 'libs', 'messaging', 'schemas')];
  const found = candidates.find((dir) => existsSync(join(dir, 'cloudevent.json')));
  if (!found) throw new Error(`the Kafka contract schemas were not found (looked in ${candidates.join(', ')})`);
  return found;
}

/**
 * The published contracts as compiled ajv validators: the CloudEvents envelope and one schema per event
 * type and version, and one per notification message version (`$id` = the envelope's `dataschema`). Compiled
 * once; checking a message costs microseconds.
 */
export class ContractSchemas {
  private readonly envelope: ValidateFunction;
  private readonly byUri = new Map<string, ValidateFunction>();

  constructor(directory: string = schemaDirectory()) {
    const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    const read = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    this.envelope = ajv.compile(read(join(directory, 'cloudevent.json')));
    // events/: generated from the domain's types; notifications/: written by hand for the notification channel.
    for (const folder of ['events', 'notifications'].map((f) => join(directory, f)).filter((f) => existsSync(f))) {
      for (const name of readdirSync(folder).filter((n) => n.endsWith('.json'))) {
        const schema = read(join(folder, name));
        this.byUri.set(String(schema.$id), ajv.compile(schema));
      }
    }
  }

  /** Every `dataschema` URI with a schema. */
  get uris(): string[] {
    return [...this.byUri.keys()];
  }

  /** Why `message` breaks the envelope or its data schema, or undefined when it keeps both. */
  problemWith(message: { dataschema?: unknown; data?: unknown }): string | undefined {
    if (!this.envelope(message)) return `envelope: ${describe(this.envelope)}`;
    const validate = this.byUri.get(String(message.dataschema));
    if (!validate) return `no schema ${String(message.dataschema)}`;
    return validate(message.data) ? undefined : `data (${String(message.dataschema)}): ${describe(validate)}`;
  }
}

const describe = (validate: ValidateFunction): string =>
  (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`).join('; ');
