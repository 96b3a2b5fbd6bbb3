import { eventUpcasters } from '@orgchange/domain';
import { recordDemoInto } from '@orgchange/demo-data';
import { chainUpcasters, InMemoryEventStore, readAllPages, type RecordedEvent } from '@orgchange/event-store';
import { generateSyntheticHistory } from '@orgchange/synth';
import { ContractSchemas } from './contract-schemas';
import { CLOUDEVENTS_CONTENT_TYPE, MessageFactory, PoisonEventError } from './kafka-message';
import { OrganisationKeys } from './organisation-key';
import { topicNames, TOPIC_OF_EVENT_TYPE } from './topics';

jest.setTimeout(60_000);

const schemas = new ContractSchemas();
const factoryFor = (store: InMemoryEventStore): MessageFactory =>
  new MessageFactory({ topics: topicNames(), source: 'urn:orgchange:test', schemas, keys: new OrganisationKeys(store) });

async function everyEvent(store: InMemoryEventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const page of readAllPages(store)) events.push(...page);
  return events;
}

describe('MessageFactory over real histories', () => {
  it.each([
    ['the demo history', (store: InMemoryEventStore) => recordDemoInto(store)],
    ['a synthetic trust', (store: InMemoryEventStore) => generateSyntheticHistory(store, { postsPerOrganisation: 200, years: 3 }).then(() => undefined)],
  ])('turns every event of %s into a message valid against its contract, keyed by its organisation', async (_, record) => {
    const store = new InMemoryEventStore({ upcast: chainUpcasters(eventUpcasters) });
    await record(store);
    const factory = factoryFor(store);
    const events = await everyEvent(store);
    const organisations = new Set(events.filter((e) => e.type === 'OrganisationEstablished').map((e) => (e.data as { organisationId: string }).organisationId));

    const messages = await Promise.all(events.map((event) => factory.messageOf(event)));

    expect(events.length).toBeGreaterThan(100);
    messages.forEach((message, i) => {
      expect(message.topic).toBe(`orgchange.${TOPIC_OF_EVENT_TYPE[events[i].type as keyof typeof TOPIC_OF_EVENT_TYPE]}.v1`);
      expect(message.headers).toEqual({ 'content-type': CLOUDEVENTS_CONTENT_TYPE });
      expect(JSON.parse(message.value)).toMatchObject({ id: events[i].eventId, subject: events[i].streamId, orgchangeposition: String(events[i].globalPosition) });
      if (!events[i].streamId.startsWith('person-')) expect(organisations).toContain(message.key);
    });
  });
});

describe('MessageFactory rejects what it cannot publish', () => {
  const store = new InMemoryEventStore();
  const factory = factoryFor(store);
  const event = (overrides: Partial<RecordedEvent>): RecordedEvent => ({
    type: 'UnitRenamed',
    version: 1,
    data: { organisationId: 'trust', unitId: 'u1', name: 'Cardiology', effectiveFrom: '2024-04-01' },
    eventId: 'e1',
    streamId: 'organisation-trust',
    streamVersion: 3,
    globalPosition: 7n,
    recordedAt: '2024-04-01T10:00:00.000Z',
    metadata: { actor: 'a', correlationId: 'c' },
    ...overrides,
  });

  it('gives a valid event its envelope, with the replay header when asked', async () => {
    const message = await factory.messageOf(event({}), true);
    expect(message).toMatchObject({ topic: 'orgchange.restructures.v1', key: 'trust', headers: { 'orgchange-replay': 'true' } });
    expect(JSON.parse(message.value)).toEqual({
      specversion: '1.0',
      id: 'e1',
      source: 'urn:orgchange:test',
      type: 'orgchange.UnitRenamed.v1',
      subject: 'organisation-trust',
      time: '2024-04-01T10:00:00.000Z',
      datacontenttype: 'application/json',
      dataschema: 'urn:orgchange:schema:UnitRenamed:v1',
      effectivefrom: '2024-04-01',
      orgchangeposition: '7',
      data: { organisationId: 'trust', unitId: 'u1', name: 'Cardiology', effectiveFrom: '2024-04-01' },
    });
  });

  it.each([
    ['an unknown type', event({ type: 'SomethingElse' }), /has no Kafka contract/],
    ['data breaking its schema', event({ data: { unitId: 'u1', name: 'Cardiology', effectiveFrom: '2024-04-01' } }), /organisationId/],
    ['a date that is not a date', event({ data: { organisationId: 'trust', unitId: 'u1', name: 'x', effectiveFrom: '1 April' } }), /effectivefrom/i],
    ['a post stream that does not start with PostCreated', event({ type: 'PostRetitled', streamId: 'post-ghost', data: { postId: 'ghost', title: 't', effectiveFrom: '2024-04-01' } }), /PostCreated/],
    ['a stream of no known category', event({ streamId: 'widget-1' }), /no organisation/],
  ])('refuses %s as a poison event', async (_, poison, reason) => {
    const attempt = factory.messageOf(poison);
    await expect(attempt).rejects.toBeInstanceOf(PoisonEventError);
    await expect(attempt).rejects.toThrow(reason);
  });
});
