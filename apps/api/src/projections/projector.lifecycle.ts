import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { LeadershipProjector } from '@orgchange/projections';
import { DemoDataLoader } from '../demo/demo-data.loader';

/**
 * Follows the log live once the app is up, and stops before the store closes. Declared in AppModule and
 * injected with the {@link DemoDataLoader} it never calls: Nest runs a module's bootstrap hooks one
 * dependency level at a time, so depending on the loader is what makes the projector start after the demo
 * history is written (one catch-up pass instead of one per demo command). Reads do not rely on it: each
 * catches the projector up itself.
 */
@Injectable()
export class ProjectorLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ProjectorLifecycle.name);

  constructor(
    private readonly projector: LeadershipProjector,
    readonly demoLoadedFirst: DemoDataLoader,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.projector.start();
    this.logger.log(`leadership projector following the log from position ${this.projector.checkpoint()}`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.projector.stop();
  }
}
