import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CommandBus } from '@nestjs/cqrs';
import { DemoRecorder, recordDemoHistory } from '@orgchange/demo-data';
import { EVENT_STORE, type EventStore } from '@orgchange/event-store';

/** Loads the fictional demo history at start-up when the database is empty and DEMO_DATA is not `false`. */
@Injectable()
export class DemoDataLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoDataLoader.name);

  constructor(
    private readonly commandBus: CommandBus,
    private readonly config: ConfigService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.get('DEMO_DATA') === 'false' || (await this.store.count()) > 0) return;
    const recorder = new DemoRecorder(this.commandBus);
    await recordDemoHistory(recorder);
    this.logger.log(`demo history loaded: ${await this.store.count()} events from ${recorder.outcomes.length} commands`);
  }
}
