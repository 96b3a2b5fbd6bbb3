import { organisationsHoldingCopies, organisationStream, postStream, programmeStream, streamDeciders } from '@orgchange/domain';
import { type EventStore, loadState } from '@orgchange/event-store';

/**
 * Finds the organisation a stream belongs to, for writes whose request names a post, a programme or an event
 * rather than an organisation. `undefined` = the stream does not exist or belongs to no organisation.
 */
export class StreamOrganisations {
  constructor(private readonly store: EventStore) {}

  /** The organisation of the post as the log now records it (a transfer can move a post). */
  async ofPost(postId: string): Promise<string | undefined> {
    const post = (await loadState(this.store, streamDeciders.post, postStream(postId))).current;
    return post.status === 'created' ? post.organisationId : undefined;
  }

  /** The organisations a programme was drafted for. */
  async ofProgramme(programmeId: string): Promise<readonly string[] | undefined> {
    const drafted = (await this.store.readStream(programmeStream(programmeId))).find((e) => e.type === 'ProgrammeDrafted');
    const ids = (drafted?.data as { organisationIds?: unknown } | undefined)?.organisationIds;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : undefined;
  }

  /**
   * The organisations whose records a correction of the event changes: the organisation of the stream holding
   * it (an organisation's own stream, or a post's), and for a cross-organisation event every organisation
   * holding a copy, since all copies are corrected together.
   */
  async ofEvent(eventId: string): Promise<readonly string[] | undefined> {
    const event = await this.store.readEvent(eventId);
    if (!event) return undefined;
    const [category, ...rest] = event.streamId.split('-');
    const id = rest.join('-');
    if (category === 'organisation' && event.streamId === organisationStream(id)) return [...new Set([id, ...(organisationsHoldingCopies(event) ?? [])])];
    const postOrganisation = category === 'post' ? await this.ofPost(id) : undefined;
    return postOrganisation === undefined ? undefined : [postOrganisation];
  }
}
