import type { GroupCoordinator } from './group-coordinator';
import type { WireDecoder, WireEncoder } from './kafka-codec';
import type { ProducerSequences } from './producer-sequences';
import type { TopicRegistry } from './topic-registry';

/** What every request handler sees: the broker's state and its advertised address. */
export type BrokerContext = {
  nodeId: number;
  host: string;
  port: number;
  autoCreateTopics: boolean;
  topics: TopicRegistry;
  producers: ProducerSequences;
  groups: GroupCoordinator;
};

/** Decodes one request body at `version` and encodes its response body; null = no response (acks 0). */
export type RequestHandler = (
  body: WireDecoder,
  version: number,
  context: BrokerContext,
  clientId: string | null,
) => Promise<WireEncoder | null> | WireEncoder | null;

/** A handler with the version range it implements (advertised through ApiVersions). */
export type ApiDefinition = { apiKey: number; name: string; minVersion: number; maxVersion: number; handle: RequestHandler };
