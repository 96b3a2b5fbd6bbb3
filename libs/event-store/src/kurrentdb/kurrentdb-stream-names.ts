/**
 * How the adapter names things in KurrentDB. Our stream ids become KurrentDB stream names unchanged
 * (after an optional prefix), so KurrentDB's own category rule (text before the first dash) agrees with ours.
 * Beside them the adapter keeps one small "claim" stream per event id (`~event-id-<uuid>`), which is how it
 * finds an event by id and refuses an id reused elsewhere: KurrentDB itself only deduplicates ids within one
 * stream, and only for recent appends.
 */
export class KurrentDbStreamNames {
  /** `prefix` lets several logs share one KurrentDB database (a tenant, a test run); '' for the whole database. */
  constructor(readonly prefix = '') {
    if (/^[$~]/.test(prefix)) throw new Error(`KurrentDB stream prefix ${JSON.stringify(prefix)} must not start with "$" or "~"`);
  }

  /**
   * The KurrentDB stream of one of our streams.
   * @throws Error for ids KurrentDB reserves (`$…`, system streams) or the adapter does (`~…`, claims).
   */
  streamOf(streamId: string): string {
    if (streamId.length === 0 || /^[$~]/.test(streamId)) {
      throw new Error(`stream id ${JSON.stringify(streamId)} is not allowed: it must be non-empty and not start with "$" or "~"`);
    }
    return this.prefix + streamId;
  }

  /** Our stream id for a KurrentDB stream name this adapter wrote. */
  streamIdOf(streamName: string): string {
    return streamName.slice(this.prefix.length);
  }

  /** The claim stream of an event id: its one event says where the event with that id is stored. */
  claimOf(eventId: string): string {
    return `${this.prefix}~event-id-${eventId}`;
  }

  /**
   * Server-side filter (a .NET regular expression on stream names) that keeps our events only: streams
   * under the prefix, without KurrentDB's system streams (`$…`) or the adapter's claims (`~…`).
   */
  get ourStreamsRegex(): string {
    return `^${escapeRegex(this.prefix)}(?![$~])`;
  }

  /** Server-side prefix filter for the streams of one category. */
  categoryPrefix(category: string): string {
    return `${this.prefix}${category}-`;
  }

  /** Server-side filter that keeps exactly the events of one stream. */
  exactStreamRegex(streamName: string): string {
    return `^${escapeRegex(streamName)}$`;
  }
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
