import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Outbox } from '@orgchange/event-store';
import { allTopics, backoffDelayMs, DEFAULT_BACKOFF, errorText, type KafkaPublisher, type OutboxRelay, relayMetrics, type TopicNames } from '@orgchange/messaging';

/** What /health reports. */
export type RelayHealth = Readonly<{
  status: 'up' | 'starting' | 'retrying' | 'down';
  lag: Awaited<ReturnType<Outbox['lag']>>;
  relay: ReturnType<OutboxRelay['status']['snapshot']>;
}>;

/**
 * Runs the relay for the application's lifetime: at start-up it creates missing topics (retrying while the
 * broker is unreachable, so the relay can start before Kafka), then publishes until shutdown, which flushes.
 */
@Injectable()
export class RelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('relay');
  private preparing?: Promise<void>;
  private started = false;
  private stopping = false;

  constructor(
    private readonly relay: OutboxRelay,
    private readonly publisher: KafkaPublisher,
    private readonly outbox: Outbox,
    private readonly topics: TopicNames,
    /** `close` releases the store once the relay has flushed (Nest runs one module's shutdown hooks in parallel). */
    private readonly options: Readonly<{ createTopics: boolean; close: () => Promise<void> }>,
  ) {}

  onApplicationBootstrap(): void {
    this.preparing = this.prepare();
  }

  private async prepare(): Promise<void> {
    for (let attempt = 1; this.options.createTopics && !this.stopping; attempt += 1) {
      try {
        const created = await this.publisher.ensureTopics(allTopics(this.topics));
        if (created.length > 0) this.logger.log(`created topics ${created.join(', ')}`);
        break;
      } catch (error) {
        this.logger.warn(`creating topics failed (attempt ${attempt}), retrying: ${errorText(error)}`);
        await new Promise((resolve) => setTimeout(resolve, backoffDelayMs(DEFAULT_BACKOFF, attempt)));
      }
    }
    if (this.stopping) return;
    this.relay.start();
    this.started = true;
  }

  async health(): Promise<RelayHealth> {
    const relay = this.relay.status.snapshot();
    const status = !this.started ? 'starting' : relay.state === 'running' ? 'up' : relay.state === 'retrying' ? 'retrying' : 'down';
    return { status, lag: await this.outbox.lag(), relay };
  }

  async metrics(): Promise<string> {
    return relayMetrics(await this.outbox.lag(), this.relay.status.snapshot());
  }

  /** Graceful stop: the batch in flight completes and what waits is flushed (bounded), then Kafka is let go. */
  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.preparing;
    await this.relay.stop();
    await this.publisher.close();
    await this.options.close();
    const { published, deadLettered } = this.relay.status.snapshot();
    this.logger.log(`stopped after publishing ${published} events (${deadLettered} dead-lettered)`);
  }
}
