import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PUBLISHED_EVENT_TYPES } from '../src/topics';
import { generateEventSchemas, SCHEMA_DIR } from './event-schemas';

jest.setTimeout(60_000);

describe('the checked-in event schemas', () => {
  const generated = generateEventSchemas(resolve(__dirname, '../../..'));

  it('are exactly what the domain types generate (run write-event-schemas after changing an event)', () => {
    const checkedIn = new Map(readdirSync(SCHEMA_DIR).map((name) => [name, JSON.parse(readFileSync(join(SCHEMA_DIR, name), 'utf8'))]));
    expect([...checkedIn.keys()].sort()).toEqual([...generated.keys()].sort());
    for (const [name, schema] of generated) expect({ name, schema: checkedIn.get(name) }).toEqual({ name, schema });
  });

  it('cover every published event type, one file per type at its current version', () => {
    const types = [...generated.keys()].map((name) => name.replace(/\.v\d+\.json$/, ''));
    expect(types.sort()).toEqual([...PUBLISHED_EVENT_TYPES].sort());
  });
});
