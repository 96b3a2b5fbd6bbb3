import type { EventStore, RecordedEvent } from '@orgchange/event-store';

/** Thrown for an event whose organisation cannot be found: the relay dead-letters it. */
export class UnkeyableEventError extends Error {
  readonly code = 'UnkeyableEvent';
}

const CACHE_LIMIT = 100_000;

/**
 * The Kafka key of an event: the organisation it belongs to, so that everything about one organisation lands
 * on one partition in log order. Found from the stream, which never changes owner:
 * - `organisation-<id>`: that organisation;
 * - `post-<id>`: the organisation named by the post's `PostCreated` (its first event);
 * - `programme-<id>`: the first organisation of its `ProgrammeDrafted` (the lead organisation);
 * - `person-<id>`: a person belongs to no organisation, so the key is the person id.
 * Every event of one stream therefore has one key, and per-key order keeps per-stream order.
 */
export class OrganisationKeys {
  private readonly known = new Map<string, string>();

  constructor(private readonly store: Pick<EventStore, 'readStream'>) {}

  async keyOf(event: RecordedEvent): Promise<string> {
    const cached = this.known.get(event.streamId);
    if (cached !== undefined) return cached;
    const key = await this.find(event);
    if (this.known.size >= CACHE_LIMIT) this.known.clear();
    this.known.set(event.streamId, key);
    return key;
  }

  private async find(event: RecordedEvent): Promise<string> {
    const dash = event.streamId.indexOf('-');
    const category = event.streamId.slice(0, dash);
    const id = event.streamId.slice(dash + 1);
    if (dash > 0 && id !== '') {
      if (category === 'organisation') return id;
      if (category === 'person') return id;
      if (category === 'post') return this.fromFirstEvent(event, 'PostCreated', (data) => data.organisationId);
      if (category === 'programme') return this.fromFirstEvent(event, 'ProgrammeDrafted', (data) => (data.organisationIds as unknown[] | undefined)?.[0]);
    }
    throw new UnkeyableEventError(`no organisation is known for stream ${event.streamId}`);
  }

  private async fromFirstEvent(event: RecordedEvent, type: string, pick: (data: Record<string, unknown>) => unknown): Promise<string> {
    const first = event.streamVersion === 0 ? event : (await this.store.readStream(event.streamId))[0];
    const key = first?.type === type ? pick(first.data as Record<string, unknown>) : undefined;
    if (typeof key === 'string' && key !== '') return key;
    throw new UnkeyableEventError(`stream ${event.streamId} does not start with a ${type} naming its organisation`);
  }
}
