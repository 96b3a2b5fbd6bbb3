import specs from '@asyncapi/specs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { load } from 'js-yaml';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { TOPIC_OF_PUBLISHED_TYPE } from '../src/notification-contract';
import { TOPIC_CATEGORIES, topicNames } from '../src/topics';
import { asyncApiDocument } from './asyncapi-document';

type Doc = {
  channels: Record<string, { address: string; messages?: Record<string, { $ref: string }> }>;
  components: { messages: Record<string, { name: string; payload: { allOf?: { $ref?: string; properties?: { data?: { $ref: string } } }[] } }> };
};

const DOC_FILE = resolve(__dirname, '../../../docs/asyncapi.yaml');
const checkedIn = load(readFileSync(DOC_FILE, 'utf8')) as Doc;

describe('docs/asyncapi.yaml', () => {
  it('is a valid AsyncAPI 3.0 document', () => {
    const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(ajv);
    // The spec bundles its own copy of the draft-07 meta-schema, which ajv already has: drop the duplicate.
    const schema = structuredClone(specs.schemas['3.0.0']) as { definitions: Record<string, unknown> };
    delete schema.definitions['http://json-schema.org/draft-07/schema'];
    const validate = ajv.compile(schema);
    expect(validate(checkedIn) ? [] : validate.errors).toEqual([]);
  });

  it('lists exactly the types the code publishes (domain events and notifications), each on the topic the code sends it to', () => {
    const topics = topicNames();
    const listed = new Map<string, string>();
    for (const channel of Object.values(checkedIn.channels)) {
      for (const ref of Object.values(channel.messages ?? {})) {
        const message = checkedIn.components.messages[ref.$ref.split('/').pop()!];
        const type = /^orgchange\.(\w+)\.v\d+$/.exec(message.name)?.[1];
        if (type) listed.set(type, channel.address);
      }
    }
    const published = new Map(Object.entries(TOPIC_OF_PUBLISHED_TYPE).map(([type, category]) => [type, topics[category]]));
    expect(Object.fromEntries([...listed].sort())).toEqual(Object.fromEntries([...published].sort()));
    expect(Object.values(checkedIn.channels).map((c) => c.address).sort()).toEqual([...TOPIC_CATEGORIES.map((c) => topics[c]), topics.deadLetter].sort());
  });

  it('points every message at schema files that exist', () => {
    for (const message of Object.values(checkedIn.components.messages)) {
      for (const part of message.payload.allOf ?? []) {
        for (const ref of [part.$ref, part.properties?.data?.$ref].filter((r): r is string => r !== undefined)) {
          expect({ ref, exists: existsSync(join(dirname(DOC_FILE), ref)) }).toEqual({ ref, exists: true });
        }
      }
    }
  });

  it('is what the code generates (regenerate with write-asyncapi after changing a contract)', () => {
    expect(checkedIn).toEqual(asyncApiDocument());
  });
});
